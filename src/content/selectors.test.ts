// @vitest-environment happy-dom
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {
	findRecordHeader,
	PAGE_CONTROLS,
	RECORD_FIELD_SELECTORS,
	RECORD_HEADER_SELECTORS,
	RECORD_NAME_SELECTORS,
	SUCCESS_TOAST_SELECTOR,
} from './selectors.js';

function fixture(name: string): Document {
	const doc = document.implementation.createHTMLDocument('fixture');
	doc.body.innerHTML = readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
	return doc;
}

function expectEachMatchesSomewhere(selectors: readonly string[], pages: readonly string[]): void {
	const docs = pages.map(fixture);
	for (const selector of selectors) {
		expect(
			docs.some(doc => doc.querySelector(selector) !== null),
			selector,
		).toBe(true);
	}
}

describe('findRecordHeader, against saved pages', () => {
	test('Lightning Task record: the highlights panel', () => {
		expect(findRecordHeader(fixture('lightning-task-record.html'))?.tagName.toLowerCase()).toBe('records-highlights2');
	});

	test('Classic Task detail: the page title block', () => {
		expect(findRecordHeader(fixture('classic-task-detail.html'))?.className).toBe('bPageTitle');
	});

	test('a test id alone is not a record header: only Salesforce’s own markup is (the shipped script carries no test hooks)', () => {
		const doc = document.implementation.createHTMLDocument('org');
		doc.body.innerHTML = '<main><section data-testid="record-header"><h1>Call</h1></section></main>';
		expect(findRecordHeader(doc)).toBeUndefined();
	});

	test('Lightning home, or a record drawn with the older page header: none (the badge takes the corner)', () => {
		expect(findRecordHeader(fixture('lightning-home.html'))).toBeUndefined();
		expect(findRecordHeader(fixture('lightning-contact-record.html'))).toBeUndefined();
	});

	test('every selector is valid CSS and matches in some saved page', () => {
		expectEachMatchesSomewhere(RECORD_HEADER_SELECTORS, ['lightning-task-record.html', 'classic-task-detail.html']);
	});
});

describe('R34: RECORD_NAME_SELECTORS, against saved pages', () => {
	test('each one is valid CSS and holds the record’s name in some saved page', () => {
		const pages = ['lightning-task-record.html', 'classic-task-detail.html', 'lightning-contact-record.html'];
		expectEachMatchesSomewhere(RECORD_NAME_SELECTORS, pages);
		const names = ['Call Acme about renewal', 'Ana Ruiz'];
		for (const selector of RECORD_NAME_SELECTORS) {
			const found = pages.map(fixture).map(doc => doc.querySelector(selector)?.textContent ?? '');
			expect(
				found.some(text => names.some(name => text.includes(name))),
				selector,
			).toBe(true);
		}
	});

	test('the home page shows no record name', () => {
		const home = fixture('lightning-home.html');
		expect(RECORD_NAME_SELECTORS.filter(selector => home.querySelector(selector) !== null)).toEqual([]);
	});
});

describe('R24: PAGE_CONTROLS, the fields the badge’s card must not cover', () => {
	test('each record-field selector is valid CSS and matches in some saved record page', () => {
		expectEachMatchesSomewhere(RECORD_FIELD_SELECTORS, ['lightning-task-record.html', 'classic-task-detail.html']);
	});

	test('finds the record’s fields and buttons in both saved record pages, but not the page’s plain text', () => {
		for (const name of ['lightning-task-record.html', 'classic-task-detail.html']) {
			const doc = fixture(name);
			const found = [...doc.querySelectorAll(PAGE_CONTROLS)];
			expect(
				found.some(element => element.textContent.includes('3/5/2026')),
				name,
			).toBe(true);
			expect(found.some(element => element.matches('button, input'))).toBe(true);
			expect(found.some(element => element.tagName === 'H1')).toBe(false);
		}
	});
});

describe('issue 14: SUCCESS_TOAST_SELECTOR, Lightning’s toast after a save', () => {
	test('matches the success toast on the page just saved, and nothing on the page before', () => {
		expect(fixture('lightning-task-saved.html').querySelector(SUCCESS_TOAST_SELECTOR)?.textContent).toContain(
			'was saved',
		);
		expect(fixture('lightning-task-record.html').querySelector(SUCCESS_TOAST_SELECTOR)).toBeNull();
	});

	test('an error toast of the same blueprint is not a save', () => {
		const doc = fixture('lightning-task-saved.html');
		const toast = doc.querySelector('.slds-notify_toast');
		toast?.classList.replace('slds-theme_success', 'slds-theme_error');
		expect(doc.querySelector(SUCCESS_TOAST_SELECTOR)).toBeNull();
	});
});
