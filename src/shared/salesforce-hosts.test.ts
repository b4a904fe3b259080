import {expect, test} from 'vitest';
import {isApiHost, orgIdOfSid, recordUrl, taskUrl, toLightningHost, toMyDomainHost} from './salesforce-hosts.js';

test.each([
	['acme.lightning.force.com', 'acme.my.salesforce.com'],
	['acme.my.salesforce.com', 'acme.my.salesforce.com'],
	['ACME.Lightning.Force.com', 'acme.my.salesforce.com'],
	['acme--uat.sandbox.lightning.force.com', 'acme--uat.sandbox.my.salesforce.com'],
	['acme--uat.sandbox.my.salesforce.com', 'acme--uat.sandbox.my.salesforce.com'],
	['acme-dev-ed.develop.lightning.force.com', 'acme-dev-ed.develop.my.salesforce.com'],
	['acme-dev-ed.develop.my.salesforce.com', 'acme-dev-ed.develop.my.salesforce.com'],
	['acme.scratch.lightning.force.com', 'acme.scratch.my.salesforce.com'],
	['acme.trailblaze.lightning.force.com', 'acme.trailblaze.my.salesforce.com'],
	['acme.my.salesforce-setup.com', 'acme.my.salesforce.com'],
	['acme.lightning.force.com.mcas.ms', 'acme.my.salesforce.com'],
	['tickler-demo.lightning.force.com', 'tickler-demo.my.salesforce.com'],
	// Not an org's My Domain: no API host can be derived.
	['login.salesforce.com', undefined],
	['help.salesforce.com', undefined],
	['na1.salesforce.com', undefined],
	['acme.lightning.force.com.evil.example', undefined],
	['evil.example.com', undefined],
	['lightning.force.com', undefined],
	['a.b.c.lightning.force.com', undefined],
	['acme--c.vf.force.com', undefined],
	['', undefined],
])('R25: %s → %s', (host, expected) => {
	expect(toMyDomainHost(host)).toBe(expected);
});

test.each([
	['acme.my.salesforce.com', 'acme.lightning.force.com'],
	['acme--uat.sandbox.my.salesforce.com', 'acme--uat.sandbox.lightning.force.com'],
	['acme-dev-ed.develop.my.salesforce.com', 'acme-dev-ed.develop.lightning.force.com'],
	['acme.lightning.force.com', 'acme.lightning.force.com'],
	['example.com', undefined],
])('links go to the Lightning host: %s → %s', (host, expected) => {
	expect(toLightningHost(host)).toBe(expected);
});

test('R25: only a My Domain host is API-capable, never a Lightning host', () => {
	expect(isApiHost('acme.my.salesforce.com')).toBe(true);
	expect(isApiHost('acme--uat.sandbox.my.salesforce.com')).toBe(true);
	expect(isApiHost('acme.lightning.force.com')).toBe(false);
	expect(isApiHost('acme.my.salesforce-setup.com')).toBe(false);
});

test('R22: the Task link is the Lightning record page', () => {
	expect(taskUrl('acme.my.salesforce.com', '00T000000000001AAA')).toBe(
		'https://acme.lightning.force.com/lightning/r/Task/00T000000000001AAA/view',
	);
	expect(taskUrl('acme.my.salesforce.com', '001000000000001AAA')).toBeUndefined();
	expect(taskUrl('evil.example.com', '00T000000000001AAA')).toBeUndefined();
});

test.each([
	['00D000000000001!AQMAQKXBvR03', '00D000000000001'],
	['00D000000000001', undefined],
	['00D000000000001!', undefined],
	['LIGHTNING!abc', undefined],
	['', undefined],
])('the org id is the part of the sid before "!": %s', (sid, expected) => {
	expect(orgIdOfSid(sid)).toBe(expected);
});

test('R33: a related record links to its Lightning page; an odd object name from Salesforce never reaches the path', () => {
	expect(recordUrl('acme.my.salesforce.com', '003000000000001AAA', 'Contact')).toBe(
		'https://acme.lightning.force.com/lightning/r/Contact/003000000000001AAA/view',
	);
	expect(recordUrl('acme.my.salesforce.com', 'a01000000000001AAA', 'Project__c')).toBe(
		'https://acme.lightning.force.com/lightning/r/Project__c/a01000000000001AAA/view',
	);
	expect(recordUrl('acme.my.salesforce.com', '003000000000001AAA', '../../evil')).toBe(
		'https://acme.lightning.force.com/lightning/r/003000000000001AAA/view',
	);
	expect(recordUrl('acme.my.salesforce.com', '003000000000001AAA', undefined)).toBe(
		'https://acme.lightning.force.com/lightning/r/003000000000001AAA/view',
	);
	expect(recordUrl('acme.my.salesforce.com', '003/../x', 'Contact')).toBeUndefined();
	expect(recordUrl('evil.example.com', '003000000000001AAA', 'Contact')).toBeUndefined();
});
