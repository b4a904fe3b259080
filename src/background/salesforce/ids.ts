/** Salesforce record ids: always compared in their 18-character form (salesforce-facts.md §7.3). */
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
