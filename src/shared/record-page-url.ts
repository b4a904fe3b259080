/**
 * R34: which Lead, Contact, Account or Opportunity record page a URL is, or undefined. Pure, shared by the
 * content script ("Remind me") and the worker (which checks the asking tab's own address). URL shapes
 * from docs/salesforce-facts.md §8 and §13.4: Lightning `/lightning/r/<Object>/<id>/view` (and
 * `/lightning/r/<id>/view`, UNCONFIRMED but harmless), Classic `/<id>` on the My Domain host; the object
 * comes from the id's key prefix (§7.3), so a path naming another object is not taken.
 */
import {LIGHTNING_HOST, MY_DOMAIN_HOST} from './task-page-url.js';

export type RemindObject = 'Account' | 'Contact' | 'Lead' | 'Opportunity';
export type RecordPage = {kind: 'lightning' | 'classic'; host: string; object: RemindObject; recordId: string};

/** §7.3 key prefixes of the objects "Remind me" is offered on. */
export const REMIND_OBJECTS: Readonly<Record<string, RemindObject>> = {
	'001': 'Account',
	'003': 'Contact',
	'00Q': 'Lead',
	'006': 'Opportunity',
};

const ID = '((?:001|003|00Q|006)[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?)';
const LIGHTNING_PATH = new RegExp(`^/lightning/r/(?:(\\w+)/)?${ID}/view/?$`);
const CLASSIC_PATH = new RegExp(`^/${ID}/?$`);

/** The object of a 15- or 18-character Lead, Contact, Account or Opportunity id, else undefined. */
export function remindObjectOf(recordId: string): RemindObject | undefined {
	return new RegExp(`^${ID}$`).test(recordId) ? REMIND_OBJECTS[recordId.slice(0, 3)] : undefined;
}

export function detectRecordPage(href: string): RecordPage | undefined {
	let url: URL;
	try {
		url = new URL(href);
	} catch {
		return undefined;
	}

	const host = url.hostname;
	if (url.protocol !== 'https:') return undefined;
	const lightning = LIGHTNING_HOST.test(host);
	if (!lightning && !MY_DOMAIN_HOST.test(host)) return undefined;
	const match = (lightning ? LIGHTNING_PATH : CLASSIC_PATH).exec(url.pathname);
	const recordId = match?.[lightning ? 2 : 1];
	const object = recordId === undefined ? undefined : REMIND_OBJECTS[recordId.slice(0, 3)];
	if (recordId === undefined || object === undefined) return undefined;
	if (lightning && match?.[1] !== undefined && match[1] !== object) return undefined;
	return {kind: lightning ? 'lightning' : 'classic', host, object, recordId};
}
