import {expect, test} from 'vitest';
import {inlineLazyImport} from './inline-lazy-import.js';

const LOADER = '/repo/src/background/salesforce/jsforce-loader.ts';
const plugin = inlineLazyImport('jsforce/core', /\/jsforce-loader\.ts$/);
const transform = (code: string, id: string) =>
	(plugin.transform as (code: string, id: string) => {code: string} | undefined)(code, id);

test('issue 23: the loader’s import of jsforce becomes a require the bundler inlines and runs on first call', () => {
	for (const quote of [`'`, `"`]) {
		const out = transform(
			`export async function loadJsforce() { return import(${quote}jsforce/core${quote}); }`,
			LOADER,
		);
		expect(out?.code).toBe(
			`export async function loadJsforce() { return Promise.resolve().then(() => require('jsforce/core')); }`,
		);
	}
});

test('issue 23: other files are left alone, and a loader without the import fails the build instead of loading eagerly', () => {
	expect(transform(`import('jsforce/core')`, '/repo/src/background/other.ts')).toBeUndefined();
	expect(() => transform(`import {Connection} from 'jsforce/core';`, LOADER)).toThrow(/no longer has import/);
});
