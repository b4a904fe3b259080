/**
 * R46's guards: the two catalogs say the same things, with the same placeholders numbered the way t.ts passes
 * them, and every key the code or the manifest uses is in both (and every key in them is used).
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import en from '../../../public/_locales/en/messages.json' with {type: 'json'};
import it from '../../../public/_locales/it/messages.json' with {type: 'json'};

type Entry = {message: string; description?: string; placeholders?: Record<string, {content: string}>};
const catalogs: Record<string, Record<string, Entry>> = {en, it};
const root = path.resolve(import.meta.dirname, '../../..');

function sourceFiles(directory: string): string[] {
	return readdirSync(directory, {withFileTypes: true}).flatMap(entry => {
		const full = path.join(directory, entry.name);
		if (entry.isDirectory()) return sourceFiles(full);
		return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
	});
}

/** Every key the code names: `t('key'…)`, `plural('key'…)` (its `_one` and `_other`), `copyOf({name: 'key'})`. */
export function keysUsedIn(source: string): string[] {
	const keys = [...source.matchAll(/\bt\(\s*'([^']+)'/g)].map(match => match[1]!);
	for (const [, key] of source.matchAll(/\bplural\(\s*'([^']+)'/g)) keys.push(`${key}_one`, `${key}_other`);
	for (const [, body] of source.matchAll(/\bcopyOf\(\{([^}]*)\}\)/g)) {
		for (const [, key] of body!.matchAll(/:\s*'([^']+)'/g)) keys.push(key!);
	}

	return keys;
}

const placeholderNames = (message: string) =>
	[...new Set([...message.matchAll(/\$([a-zA-Z0-9_@]+)\$/g)].map(match => match[1]!.toLowerCase()))].sort();

describe('R46: the catalogs', () => {
	test('R46: English and Italian have the same keys', () => {
		expect(Object.keys(it).sort()).toEqual(Object.keys(en).sort());
	});

	test('R46: each message uses the same placeholders in both languages, each defined, numbered alphabetically', () => {
		for (const [language, catalog] of Object.entries(catalogs)) {
			for (const [key, entry] of Object.entries(catalog)) {
				const names = placeholderNames(entry.message);
				expect(names, `${language}/${key}`).toEqual(placeholderNames(catalogs['en']![key]?.message ?? ''));
				// t.ts passes the values in the alphabetical order of the names: `$1` is the first name, and so on.
				const declared = Object.entries(entry.placeholders ?? {}).map(([name, {content}]) => [
					name.toLowerCase(),
					content,
				]);
				expect(declared.sort(), `${language}/${key}`).toEqual(names.map((name, index) => [name, `$${index + 1}`]));
			}
		}
	});

	test('R46: each catalog names its own language, the one dates and numbers are written in', () => {
		expect(en.uiLanguage.message).toBe('en');
		expect(it.uiLanguage.message).toBe('it');
	});

	test('R46: no message is empty, and none is left in English in the Italian catalog by mistake', () => {
		// The same words are right in both only for names and symbols.
		const sameOnPurpose = new Set(['appName', 'actionTitle', 'alertsTickler', 'alertsSalesforce', 'alertLine', 'alertLineLate']);
		for (const [key, entry] of Object.entries(it)) {
			expect(entry.message.trim(), key).not.toBe('');
			if (!sameOnPurpose.has(key)) expect(entry.message, key).not.toBe(catalogs['en']![key]?.message);
		}
	});

	test('R46: every key the code and the manifest use is in the catalogs, and every key there is used', () => {
		const used = new Set(sourceFiles(path.join(root, 'src')).flatMap(file => keysUsedIn(readFileSync(file, 'utf8'))));
		const manifest = readFileSync(path.join(root, 'manifest.json'), 'utf8');
		for (const [, key] of manifest.matchAll(/__MSG_(\w+)__/g)) used.add(key!);
		const missing = [...used].filter(key => !Object.hasOwn(en, key) || !Object.hasOwn(it, key));
		expect(missing).toEqual([]);
		const unused = Object.keys(en).filter(key => !used.has(key) && key !== 'uiLanguage');
		expect(unused).toEqual([]);
	});

	test('R46: the guard sees a key the code uses and the catalogs lack', () => {
		const keys = keysUsedIn(`t('noSuchKey'); plural('items', n); copyOf({a: 'alsoMissing'})`);
		expect(keys).toEqual(['noSuchKey', 'items_one', 'items_other', 'alsoMissing']);
		expect(keys.filter(key => !Object.hasOwn(en, key))).toHaveLength(4);
	});

	test('R46: the manifest takes its name, description and title from the catalogs, English by default', () => {
		const manifest = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8'));
		expect(manifest.default_locale).toBe('en');
		expect(manifest.name).toBe('__MSG_extName__');
		expect(manifest.description).toBe('__MSG_extDescription__');
		expect(manifest.action.default_title).toBe('__MSG_actionTitle__');
		// Chrome's limits on what the manifest shows.
		for (const catalog of Object.values(catalogs)) {
			expect(catalog['extName']!.message.length).toBeLessThanOrEqual(45);
			expect(catalog['extDescription']!.message.length).toBeLessThanOrEqual(132);
		}
	});
});
