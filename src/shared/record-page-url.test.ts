import {expect, test} from 'vitest';
import {detectRecordPage, remindObjectOf} from './record-page-url.js';

test.each([
	['https://acme.lightning.force.com/lightning/r/Contact/003000000000001AAA/view', 'lightning', 'Contact'],
	['https://acme.lightning.force.com/lightning/r/Lead/00Q000000000001/view', 'lightning', 'Lead'],
	['https://acme.lightning.force.com/lightning/r/001000000000001AAA/view', 'lightning', 'Account'],
	[
		'https://acme--uat.sandbox.lightning.force.com/lightning/r/Opportunity/006000000000001AAA/view?ws=1',
		'lightning',
		'Opportunity',
	],
	['https://acme.my.salesforce.com/003000000000001', 'classic', 'Contact'],
	['https://acme.my.salesforce.com/006000000000001AAA', 'classic', 'Opportunity'],
])('R34: %s is a %s %s page', (href, kind, object) => {
	expect(detectRecordPage(href)).toMatchObject({kind, object});
});

test.each([
	'https://acme.lightning.force.com/lightning/r/Task/00T000000000001AAA/view',
	'https://acme.lightning.force.com/lightning/r/Account/003000000000001AAA/view',
	'https://acme.lightning.force.com/lightning/r/Case/500000000000001AAA/view',
	'https://acme.lightning.force.com/lightning/o/Contact/list',
	'https://acme.my.salesforce.com/00T000000000001',
	'http://acme.my.salesforce.com/003000000000001',
	'https://evil.example.com/lightning/r/Contact/003000000000001AAA/view',
	'not a url',
])('R34: %s is not a page for "Remind me"', href => {
	expect(detectRecordPage(href)).toBeUndefined();
});

test('R34: the object of an id comes from its key prefix', () => {
	expect(remindObjectOf('00Q000000000001AAA')).toBe('Lead');
	expect(remindObjectOf('00T000000000001AAA')).toBeUndefined();
	expect(remindObjectOf("003000000000001'")).toBeUndefined();
});
