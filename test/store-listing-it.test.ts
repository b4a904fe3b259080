// R46: the Italian store listing (docs/store/listing-it.md) says what the package says: its name and summary
// are the Italian catalog's (the Chrome Web Store shows those from the package), within Chrome's limits, and
// it gives an Italian reason for every permission the manifest declares or may ask for.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import italian from '../public/_locales/it/messages.json' with {type: 'json'};

const root = path.resolve(import.meta.dirname, '..');
const listing = readFileSync(path.join(root, 'docs/store/listing-it.md'), 'utf8');
const manifest = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8')) as {
	permissions: string[];
	optional_permissions?: string[];
	host_permissions: string[];
};

/** The text of a `## heading` section, trimmed. */
function section(heading: string): string {
	const start = listing.indexOf(`\n## ${heading}\n`);
	if (start === -1) return '';
	const body = listing.slice(start + heading.length + 5);
	const end = body.indexOf('\n## ');
	return (end === -1 ? body : body.slice(0, end)).trim();
}

describe('R46: the Italian store listing', () => {
	it('R46: its name and summary are the Italian catalog’s, within Chrome’s 45 and 132 characters', () => {
		expect(section('Nome')).toBe(italian.extName.message);
		expect(section('Nome').length).toBeLessThanOrEqual(45);
		expect(section('Riepilogo (132 caratteri al massimo)')).toBe(italian.extDescription.message);
		expect(section('Riepilogo (132 caratteri al massimo)').length).toBeLessThanOrEqual(132);
	});

	it('R46: a description and a single purpose in Italian', () => {
		expect(section('Descrizione')).toContain('promemoria');
		expect(section('Descrizione')).toContain('attività');
		expect(section('Scopo unico').length).toBeGreaterThan(50);
	});

	it('R46: an Italian reason for each permission the manifest declares or may ask for', () => {
		const rows = section('Motivazioni delle autorizzazioni')
			.split('\n')
			.filter(line => /^\| (?:Host )?`/.test(line))
			.map(line => {
				const [, permission = '', reason = ''] = /^\| (?:Host )?`([^`]+)`\s*\|(.*)\|$/.exec(line) ?? [];
				return {permission, reason: reason.trim()};
			});
		const declared = [...manifest.permissions, ...(manifest.optional_permissions ?? []), ...manifest.host_permissions];
		expect(rows.map(row => row.permission).sort()).toEqual(declared.sort());
		for (const row of rows) expect(row.reason.length, row.permission).toBeGreaterThan(40);
	});
});
