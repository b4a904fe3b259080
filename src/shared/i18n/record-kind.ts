/**
 * R46: the kind of a Salesforce record in the rep's words. Salesforce gives the object's API name
 * (`Who.Type`, a record page's object); the usual ones are translated, and any other (a custom object) is
 * "person" or "record" — an API name never reaches the UI raw.
 */
import {t} from './t.js';

export function recordKind(type: string, fallback: 'person' | 'record' = 'record'): string {
	switch (type) {
		case 'Contact': {
			return t('recordContact');
		}

		case 'Lead': {
			return t('recordLead');
		}

		case 'Account': {
			return t('recordAccount');
		}

		case 'Opportunity': {
			return t('recordOpportunity');
		}

		case 'Case': {
			return t('recordCase');
		}

		default: {
			return fallback === 'person' ? t('recordPerson') : t('recordOther');
		}
	}
}
