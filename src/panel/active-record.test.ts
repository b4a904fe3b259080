import {expect, test} from 'vitest';
import {recordNameFromTitle} from './active-record.js';

test('issue 24: the record’s name is the first part of a Lightning title; a bare "Salesforce" title names nothing', () => {
	expect(recordNameFromTitle('Carla Rossi | Contact | Salesforce')).toBe('Carla Rossi');
	expect(recordNameFromTitle('Acme Renewal 2026 | Opportunity | Salesforce')).toBe('Acme Renewal 2026');
	expect(recordNameFromTitle('Salesforce')).toBe('');
	expect(recordNameFromTitle(undefined)).toBe('');
});
