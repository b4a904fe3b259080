/** SOQL literals. Values placed into SOQL are always escaped (R27). */
export function soqlString(value: string): string {
	return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n').replaceAll('\r', '\\r')}'`;
}

/** A dateTime literal, truncated down to the whole second (real orgs may refuse milliseconds). */
export function soqlDateTime(ms: number): string {
	return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}

/** Parses Salesforce's `2026-03-05T10:00:00.000+0000` (and ISO variants) to epoch ms, NaN if invalid. */
export function parseSalesforceDateTime(value: string): number {
	const normalized = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
	return Date.parse(normalized);
}
