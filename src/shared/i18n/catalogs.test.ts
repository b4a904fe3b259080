/**
 * R46's guards: the two catalogs say the same things, with the same placeholders numbered the way t.ts passes
 * them; every key the code or the manifest uses is in both (and every key in them is used); the code passes
 * each message the placeholders it names; and every key is written where these checks can see it. Each check
 * is a function proved against a broken example first, then run on the real catalogs and sources.
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import en from '../../../public/_locales/en/messages.json' with {type: 'json'};
import it from '../../../public/_locales/it/messages.json' with {type: 'json'};

type Entry = {message: string; description?: string; placeholders?: Record<string, {content: string}>};
type Catalog = Record<string, Entry>;
const catalogs: Record<string, Catalog> = {en, it};
const root = path.resolve(import.meta.dirname, '../../..');

function sourceFiles(directory: string): string[] {
	return readdirSync(directory, {withFileTypes: true}).flatMap(entry => {
		const full = path.join(directory, entry.name);
		if (entry.isDirectory()) return sourceFiles(full);
		return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
	});
}

const sources = sourceFiles(path.join(root, 'src')).map(file => ({
	file: path.relative(root, file),
	text: readFileSync(file, 'utf8'),
}));

/** Every key the code names: `t('key'…)`, `plural('key'…)` (its `_one` and `_other`), `copyOf({name: 'key'})`. */
function keysUsedIn(source: string): string[] {
	const keys = [...source.matchAll(/\bt\(\s*'([^']+)'/g)].map(match => match[1]!);
	for (const [, key] of source.matchAll(/\bplural\(\s*'([^']+)'/g)) keys.push(`${key}_one`, `${key}_other`);
	for (const [, body] of source.matchAll(/\bcopyOf\(\{([^}]*)\}\)/g)) {
		for (const [, key] of body!.matchAll(/:\s*'([^']+)'/g)) keys.push(key!);
	}

	return keys;
}

/** Calls whose key is not a literal (so no check could see it) — only the helpers themselves may. */
function dynamicKeys(source: string): string[] {
	return [...source.matchAll(/\b(?:t|plural)\(\s*([^'\s)][^,)]*)/g)].map(match => match[1]!.trim());
}

const placeholderNames = (message: string) =>
	[...new Set([...message.matchAll(/\$([a-zA-Z0-9_@]+)\$/g)].map(match => match[1]!.toLowerCase()))].sort();

/** The names of an object literal's properties, `{host, url: x}` → host, url (enough for these calls). */
const propertyNames = (body: string) =>
	[...body.matchAll(/(?:^|,)\s*([A-Za-z_]\w*)\s*(?=:|,|$)/g)].map(match => match[1]!.toLowerCase()).sort();

/** `t('key', {a, b})` / `plural('key', n, {a})` calls whose names differ from the message's placeholders. */
function placeholderMismatches(source: string, catalog: Catalog): string[] {
	const calls = [
		...[...source.matchAll(/\bt\(\s*'([^']+)'\s*(,\s*\{([^}]*)\}|,\s*[^\s)]|\s*\))/g)].map(match => ({
			key: match[1]!,
			passed: match[3] === undefined ? (match[2]!.trim() === ')' ? [] : undefined) : propertyNames(match[3]),
		})),
		...[...source.matchAll(/\bplural\(\s*'([^']+)'\s*,[^,)]+(?:,\s*\{([^}]*)\})?\s*\)/g)].map(match => ({
			key: `${match[1]!}_other`,
			passed: [...(match[2] === undefined ? [] : propertyNames(match[2])), 'count'].sort(),
		})),
	];
	return calls
		.filter(({key, passed}) => passed !== undefined && catalog[key] !== undefined)
		.filter(({key, passed}) => passed!.join() !== placeholderNames(catalog[key]!.message).join())
		.map(({key, passed}) => `${key}: passes {${passed!.join(', ')}}`);
}

/** Differences between two catalogs: keys, placeholders used, and their `$n` numbering (t.ts's order). */
function catalogProblems(reference: Catalog, other: Catalog): string[] {
	const problems: string[] = [];
	for (const key of Object.keys(reference)) if (!Object.hasOwn(other, key)) problems.push(`${key}: missing`);
	for (const key of Object.keys(other)) if (!Object.hasOwn(reference, key)) problems.push(`${key}: extra`);
	for (const [key, entry] of Object.entries(other)) {
		const names = placeholderNames(entry.message);
		if (reference[key] && names.join() !== placeholderNames(reference[key].message).join()) {
			problems.push(`${key}: placeholders ${names.join()}`);
		}

		// t.ts passes the values in the alphabetical order of the names: `$1` is the first name, and so on.
		const declared = Object.entries(entry.placeholders ?? {})
			.map(([name, {content}]) => `${name.toLowerCase()}=${content}`)
			.sort();
		if (declared.join() !== names.map((name, index) => `${name}=$${index + 1}`).join()) {
			problems.push(`${key}: numbered ${declared.join()}`);
		}

		// plural() falls back to `_other` for any category a language has no message for.
		const base = /^(.+)_(?:zero|one|two|few|many)$/.exec(key)?.[1];
		if (base !== undefined && !Object.hasOwn(other, `${base}_other`)) problems.push(`${key}: no ${base}_other`);
	}

	return problems;
}

describe('R46: the guards see what they guard against', () => {
	const good: Catalog = {
		due: {message: 'Due $date$', placeholders: {date: {content: '$1'}}},
		items_one: {message: '$count$ item', placeholders: {count: {content: '$1'}}},
		items_other: {message: '$count$ items', placeholders: {count: {content: '$1'}}},
	};

	test('R46: a key in one catalog only, a placeholder that differs or is misnumbered, a plural without _other', () => {
		expect(catalogProblems(good, good)).toEqual([]);
		const bad: Catalog = {
			due: {message: 'Scadenza $day$', placeholders: {day: {content: '$1'}}},
			items_one: {message: '$count$ elemento', placeholders: {count: {content: '$2'}}},
			extra: {message: 'in più'},
		};
		expect(catalogProblems(good, bad)).toEqual([
			'items_other: missing',
			'extra: extra',
			'due: placeholders day',
			'items_one: numbered count=$2',
			'items_one: no items_other',
		]);
	});

	test('R46: a key the code uses and the catalogs lack', () => {
		const keys = keysUsedIn(`t('noSuchKey'); plural('items', n); copyOf({a: 'alsoMissing'})`);
		expect(keys).toEqual(['noSuchKey', 'items_one', 'items_other', 'alsoMissing']);
		expect(keys.filter(key => !Object.hasOwn(en, key))).toHaveLength(4);
	});

	test('R46: a call passing other placeholders than its message names, and a key no check can read', () => {
		const source = `t('due', {day}); t('due', {date: x}); t('due'); plural('items', n); plural('items', n, {extra})`;
		expect(placeholderMismatches(source, good)).toEqual([
			'due: passes {day}',
			'due: passes {}',
			'items_other: passes {count, extra}',
		]);
		expect(dynamicKeys(`t(key); t(\`a_\${b}\`); t('fine'); plural(name, 2)`)).toEqual(['key', '`a_${b}`', 'name']);
	});
});

describe('R46: the catalogs', () => {
	test('R46: English and Italian have the same keys and placeholders, numbered alphabetically', () => {
		expect(catalogProblems(en, en)).toEqual([]);
		expect(catalogProblems(en, it)).toEqual([]);
	});

	test('R46: each catalog names its own language, the one dates and numbers are written in', () => {
		expect(en.uiLanguage.message).toBe('en');
		expect(it.uiLanguage.message).toBe('it');
	});

	test('R46: no message is empty, and none is left in English in the Italian catalog by mistake', () => {
		// The same words are right in both only for names and symbols.
		const sameOnPurpose = new Set([
			'appName',
			'actionTitle',
			'alertsTickler',
			'alertsSalesforce',
			'alertLine',
			'alertLineLate',
		]);
		for (const [key, entry] of Object.entries(it)) {
			expect(entry.message.trim(), key).not.toBe('');
			if (!sameOnPurpose.has(key)) expect(entry.message, key).not.toBe(catalogs['en']![key]?.message);
		}
	});

	test('R46: every key the code and the manifest use is in the catalogs, and every key there is used', () => {
		const used = new Set(sources.flatMap(({text}) => keysUsedIn(text)));
		const manifest = readFileSync(path.join(root, 'manifest.json'), 'utf8');
		for (const [, key] of manifest.matchAll(/__MSG_(\w+)__/g)) used.add(key!);
		const missing = [...used].filter(key => !Object.hasOwn(en, key) || !Object.hasOwn(it, key));
		expect(missing).toEqual([]);
		const unused = Object.keys(en).filter(key => !used.has(key) && key !== 'uiLanguage');
		expect(unused).toEqual([]);
	});

	test('R46: every call passes the placeholders its message names, and names its key as a literal', () => {
		const mismatches = sources.flatMap(({file, text}) =>
			placeholderMismatches(text, en).map(problem => `${file} ${problem}`),
		);
		expect(mismatches).toEqual([]);
		// Only the helpers build keys: plural() its `_one`/`_other`, copyOf() its getters (checked above).
		const helpers = new Set(['src/shared/i18n/t.ts', 'src/shared/copy.ts']);
		const dynamic = sources
			.filter(({file}) => !helpers.has(file))
			.flatMap(({file, text}) => dynamicKeys(text).map(key => `${file}: ${key}`));
		expect(dynamic).toEqual([]);
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
