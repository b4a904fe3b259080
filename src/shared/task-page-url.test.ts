import {describe, expect, test} from 'vitest';
import {detectTaskPage, isLightningHost} from './task-page-url.js';

const ID15 = '00T5g00000AbCdE';
const ID18 = '00T5g00000AbCdEAAX';

describe('detectTaskPage (R24, salesforce-facts.md §8)', () => {
	test.each([
		[
			`https://acme.lightning.force.com/lightning/r/Task/${ID18}/view`,
			{kind: 'lightning', host: 'acme.lightning.force.com', taskId: ID18},
		],
		[
			`https://acme.lightning.force.com/lightning/r/Task/${ID15}/view`,
			{kind: 'lightning', host: 'acme.lightning.force.com', taskId: ID15},
		],
		[
			`https://acme.lightning.force.com/lightning/r/${ID18}/view`,
			{kind: 'lightning', host: 'acme.lightning.force.com', taskId: ID18},
		],
		[
			`https://acme.lightning.force.com/lightning/r/Task/${ID18}/view?ws=%2Flightning`,
			{kind: 'lightning', host: 'acme.lightning.force.com', taskId: ID18},
		],
		[
			`https://acme.lightning.force.com/one/one.app#/sObject/${ID18}/view`,
			{kind: 'lightning', host: 'acme.lightning.force.com', taskId: ID18},
		],
		[
			`https://acme--uat.sandbox.lightning.force.com/lightning/r/Task/${ID18}/view`,
			{kind: 'lightning', host: 'acme--uat.sandbox.lightning.force.com', taskId: ID18},
		],
		[
			`https://acme-dev-ed.develop.lightning.force.com/lightning/r/Task/${ID18}/view`,
			{kind: 'lightning', host: 'acme-dev-ed.develop.lightning.force.com', taskId: ID18},
		],
		[`https://acme.my.salesforce.com/${ID15}`, {kind: 'classic', host: 'acme.my.salesforce.com', taskId: ID15}],
		[`https://acme.my.salesforce.com/${ID18}`, {kind: 'classic', host: 'acme.my.salesforce.com', taskId: ID18}],
		[`https://acme.my.salesforce.com/${ID18}?srPos=0`, {kind: 'classic', host: 'acme.my.salesforce.com', taskId: ID18}],
		[
			`https://acme--uat.sandbox.my.salesforce.com/${ID15}`,
			{kind: 'classic', host: 'acme--uat.sandbox.my.salesforce.com', taskId: ID15},
		],
	])('%s is a Task page', (href, expected) => {
		expect(detectTaskPage(href)).toEqual(expected);
	});

	test.each([
		['a Lightning home page', 'https://acme.lightning.force.com/lightning/page/home'],
		['the Task list', 'https://acme.lightning.force.com/lightning/o/Task/home'],
		['an Account record', 'https://acme.lightning.force.com/lightning/r/Account/0015g00000AbCdEAAX/view'],
		['an Account id under /r/Task', 'https://acme.lightning.force.com/lightning/r/Task/0015g00000AbCdEAAX/view'],
		['a Task edit URL', `https://acme.lightning.force.com/lightning/r/Task/${ID18}/edit`],
		['a Task related list', `https://acme.lightning.force.com/lightning/r/Task/${ID18}/related/Histories/view`],
		['a 16-char id', 'https://acme.lightning.force.com/lightning/r/Task/00T5g00000AbCdEA/view'],
		['a Classic Account', 'https://acme.my.salesforce.com/0015g00000AbCdE'],
		['a Classic Task edit', `https://acme.my.salesforce.com/${ID15}/e`],
		['a Lightning path on the My Domain host', `https://acme.my.salesforce.com/lightning/r/Task/${ID18}/view`],
		['a Classic path on the Lightning host', `https://acme.lightning.force.com/${ID15}`],
		['http, not https', `http://acme.lightning.force.com/lightning/r/Task/${ID18}/view`],
		['a look-alike host', `https://acme.lightning.force.com.evil.example/lightning/r/Task/${ID18}/view`],
		['localhost', `https://localhost/lightning/r/Task/${ID18}/view`],
		['not a URL', 'not a url'],
		['a lower-case prefix', 'https://acme.my.salesforce.com/00t5g00000AbCdE'],
	])('%s is not a Task page', (_name, href) => {
		expect(detectTaskPage(href)).toBeUndefined();
	});
});

test('isLightningHost tells the pushState hosts apart', () => {
	expect(isLightningHost('acme.lightning.force.com')).toBe(true);
	expect(isLightningHost('acme.my.salesforce.com')).toBe(false);
	expect(isLightningHost('lightning.force.com.evil.example')).toBe(false);
});
