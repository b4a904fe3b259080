/**
 * RuleTester cases for the selectors rule (convention 12): what it must refuse outside
 * src/content/selectors.ts, and what it must leave alone — selectors imported from there, and Tickler's own
 * custom elements and shadow roots. ESLint's RuleTester runs each case as a test through describe/it.
 */
import {RuleTester} from 'eslint';
import tseslint from 'typescript-eslint';
import {describe, it} from 'vitest';
import rule from './no-inline-selectors.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({languageOptions: {parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module'}});

const inline = (selector: string, method = 'querySelector') =>
	({messageId: 'inline', data: {selector, method}}) as const;

tester.run('no-inline-selectors', rule, {
	valid: [
		"import {SUCCESS_TOAST_SELECTOR} from '../selectors.js'; document.querySelector(SUCCESS_TOAST_SELECTOR);",
		"import {RECORD_NAME_SELECTORS} from '../selectors.js'; for (const s of RECORD_NAME_SELECTORS) document.querySelector(s);",
		"import {PAGE_CONTROLS} from '../selectors.js'; function f(doc: Document) { return doc.querySelectorAll(PAGE_CONTROLS); }",
		'function f(element: Element, selector: string) { return element.closest(selector) ?? element.matches(selector); }',
		"const HOST_TAG = 'tickler-task-badge'; document.querySelector(HOST_TAG);",
		"document.querySelectorAll('tickler-remind-me');",
		"const root = host.attachShadow({mode: 'open'}); root.querySelector('.pill');",
		"const shadow = host.attachShadow({mode: 'open'}) as ShadowRoot; shadow.querySelectorAll('button');",
		"'a-b'.match('b'); text.replace('.x', '');",
		'document.querySelector();',
	],
	invalid: [
		{code: "document.querySelector('.slds-notify_toast');", errors: [inline('".slds-notify_toast"')]},
		{
			code: "doc.querySelectorAll('input, button');",
			errors: [inline('"input, button"', 'querySelectorAll')],
		},
		{code: "row.closest('li');", errors: [inline('"li"', 'closest')]},
		{code: "cell.matches('.detailList td');", errors: [inline('".detailList td"', 'matches')]},
		{code: "root?.querySelector('records-highlights2');", errors: [inline('"records-highlights2"')]},
		{
			code: "const TOAST = '.slds-theme_success'; doc.querySelector(TOAST);",
			errors: [inline('".slds-theme_success"')],
		},
		{code: "const TOAST = '.x' as const; doc.querySelector(TOAST);", errors: [inline('".x"')]},
		{
			code: "const SELECTORS = {title: '.bPageTitle'}; doc.querySelector(SELECTORS.title);",
			errors: [inline('".bPageTitle"')],
		},
		{code: 'doc.querySelector(`[data-id="${id}"]`);', errors: [inline('(built from strings)')]},
		{code: "doc.querySelector('.pageDescription ' + suffix);", errors: [inline('(built from strings)')]},
		{code: "doc['querySelector']('h1');", errors: [inline('"h1"')]},
		// A page element's shadow root is Salesforce's, not Tickler's.
		{code: "host.shadowRoot.querySelector('.pill');", errors: [inline('".pill"')]},
		{code: "document.querySelector('tickler-task-badge .pill');", errors: [inline('"tickler-task-badge .pill"')]},
		{
			code: "document.getElementsByClassName('bPageTitle');",
			errors: [inline('"bPageTitle"', 'getElementsByClassName')],
		},
		{code: "document.getElementById('oneHeader');", errors: [inline('"oneHeader"', 'getElementById')]},
	],
});
