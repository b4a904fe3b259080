// @vitest-environment happy-dom
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {findRecordHeader, placeBadge, RECORD_HEADER_SELECTORS} from './selectors.js';

function fixture(name: string): Document {
	const doc = document.implementation.createHTMLDocument('fixture');
	doc.body.innerHTML = readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
	return doc;
}

function fakeHeader(rect: Partial<DOMRect>): Element {
	const element = document.createElement('div');
	element.getBoundingClientRect = () => ({
		top: 0,
		left: 0,
		right: 0,
		bottom: 0,
		width: 0,
		height: 0,
		x: 0,
		y: 0,
		toJSON: () => ({}),
		...rect,
	});
	return element;
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

	test('Lightning home: none', () => {
		expect(findRecordHeader(fixture('lightning-home.html'))).toBeUndefined();
	});

	test('every selector is valid CSS and matches in some saved page', () => {
		const docs = ['lightning-task-record.html', 'classic-task-detail.html'].map(fixture);
		for (const selector of RECORD_HEADER_SELECTORS) {
			expect(
				docs.some(doc => doc.querySelector(selector) !== null),
				selector,
			).toBe(true);
		}
	});
});

describe('placeBadge', () => {
	test('just under the header, aligned with its right edge', () => {
		expect(placeBadge(fakeHeader({bottom: 150, right: 1260, height: 80}), 1280)).toEqual({top: 156, right: 20});
	});

	test('never closer than 16px to the window edge', () => {
		expect(placeBadge(fakeHeader({bottom: 150, right: 1280, height: 80}), 1280)).toEqual({top: 156, right: 16});
	});

	test('bottom-right corner without a header, or with one scrolled away or far down', () => {
		expect(placeBadge(undefined, 1280)).toEqual({bottom: 16, right: 16});
		expect(placeBadge(fakeHeader({bottom: -10, right: 1260, height: 80}), 1280)).toEqual({bottom: 16, right: 16});
		expect(placeBadge(fakeHeader({bottom: 900, right: 1260, height: 80}), 1280)).toEqual({bottom: 16, right: 16});
		expect(placeBadge(fakeHeader({bottom: 0, right: 0, height: 0}), 1280)).toEqual({bottom: 16, right: 16});
	});
});
