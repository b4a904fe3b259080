/**
 * Salesforce record ids: always compared in their 18-character form (docs/salesforce-facts.md §7.3), and
 * which related-record field an id belongs in by its key prefix (§13.4). Shared, because the content
 * script reads 15-character ids from Classic addresses and the worker stores 18.
 */
const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

export function to18(id: string): string {
	if (id.length !== 15) return id;
	let suffix = '';
	for (let chunk = 0; chunk < 3; chunk++) {
		let bits = 0;
		for (let j = 0; j < 5; j++) {
			const ch = id[chunk * 5 + j] ?? '';
			if (ch >= 'A' && ch <= 'Z') bits |= 1 << j;
		}

		suffix += SUFFIX[bits] ?? 'A';
	}

	return id + suffix;
}

export function isSalesforceId(value: unknown): value is string {
	return typeof value === 'string' && /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(value);
}

/** §13.4: a Task's `WhoId` is a Contact (003) or a Lead (00Q). */
export const WHO_PREFIXES: readonly string[] = ['003', '00Q'];

/**
 * §13.4/§7.3: ids that can never be a Task's `WhatId`: people (they go in `WhoId`), Tasks, Events, Users,
 * Groups and the organization. Everything else (Account 001, Opportunity 006, Case 500, custom objects…)
 * may be.
 */
const NOT_WHAT_PREFIXES: readonly string[] = [...WHO_PREFIXES, '00T', '00U', '005', '00G', '00D'];

export function isWhoId(id: string): boolean {
	return isSalesforceId(id) && WHO_PREFIXES.includes(id.slice(0, 3));
}

export function isWhatId(id: string): boolean {
	return isSalesforceId(id) && !NOT_WHAT_PREFIXES.includes(id.slice(0, 3));
}
