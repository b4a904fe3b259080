import {expect, test} from 'vitest';
import {ACCESS_CHUNK, MAX_LOOKUP_ADDRESS_BYTES, accessChunks, accessLookupSoql, queryAddressBytes} from './access.js';

/** 18-character Task ids, distinct. */
const ids = (n: number): string[] => Array.from({length: n}, (_, i) => `00T${String(i).padStart(12, '0')}AAA`);

/** The address exactly as it goes on the wire: the adapter's path, then a browser's URL parser (fetch). */
function wireAddress(soql: string): string {
	const url = new URL(`https://acme.my.salesforce.com/services/data/v62.0/queryAll?q=${encodeURIComponent(soql)}`);
	return url.pathname + url.search;
}

test("R55: queryAddressBytes counts what fetch sends — `'` percent-encoded too", () => {
	const soql = accessLookupSoql(ids(3));
	expect(queryAddressBytes(soql)).toBe(wireAddress(soql).length - '/services/data/v62.0/queryAll?q='.length);
	expect(wireAddress(soql)).toContain('%2700T');
});

test('R55: every lookup address stays within half of the 16,384-byte limit, whatever the number of ids', () => {
	for (const n of [1, 268, 269, 270, 600, 1000, 5000]) {
		const chunks = accessChunks(ids(n));
		expect(chunks.flat()).toEqual(ids(n));
		for (const chunk of chunks)
			expect(wireAddress(accessLookupSoql(chunk)).length).toBeLessThanOrEqual(MAX_LOOKUP_ADDRESS_BYTES);
		expect(chunks).toHaveLength(Math.ceil(n / ACCESS_CHUNK));
	}
	// A full chunk uses the budget: one more id would not fit.
	expect(ACCESS_CHUNK).toBe(269);
	expect(wireAddress(accessLookupSoql(ids(ACCESS_CHUNK + 1))).length).toBeGreaterThan(MAX_LOOKUP_ADDRESS_BYTES);
	expect(MAX_LOOKUP_ADDRESS_BYTES).toBe(16_384 / 2);
});

test('R55: an id that needs escaping costs what it costs on the wire', () => {
	const odd = ["00T000000000000AA'", ...ids(400)];
	for (const chunk of accessChunks(odd))
		expect(wireAddress(accessLookupSoql(chunk)).length).toBeLessThanOrEqual(MAX_LOOKUP_ADDRESS_BYTES);
	expect(accessChunks([])).toEqual([]);
});
