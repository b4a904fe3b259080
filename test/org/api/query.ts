// Query execution, paging and query locators (salesforce-facts.md §2.1–2.3): `query` hides deleted and
// archived rows, `queryAll` shows them; pages of `batchSize` (default/max 2,000, min 200) linked by
// `nextRecordsUrl: /services/data/vXX.X/query/<locator>-<offset>`; totalSize constant across pages.

import {formatDateTime} from '../soql/dates.js';
import {SfError} from './errors.js';
import type {Org} from '../org.js';
import {objectForId} from '../records/schema.js';
import {compileSoql} from '../soql/soql.js';
import {firstDayOfWeek} from '../soql/soql-dates.js';
import type {Column, CompiledQuery, SortKey} from '../soql/soql.js';
import type {FieldValue, SRecord} from '../records/store.js';

export type QueryPage = {totalSize: number; done: boolean; nextRecordsUrl?: string; records: unknown[]};
type Cursor = {rows: SRecord[]; q: CompiledQuery; userId: string; createdAt: number; lastUsed: number; modern: boolean};

const DEFAULT_BATCH = 2000;
/** The org's default locale, for a user without one. */
const ORG_LOCALE = 'en_US';
const MIN_BATCH = 200;
/**
 * Query cursors (salesforce-facts.md §14.8; App Limits Cheatsheet, "API Query Cursor Limits"; KB 000384958):
 * since API 56.0 a cursor and its results live two days and there is no cap on open cursors; locators start
 * `0r8`. Before 56.0 (SOAP queryMore docs): 15 minutes of inactivity, at most 10 open per user (the oldest is
 * dropped), locators `01g`. UNCONFIRMED: that the two days count from the query (not from the last page read).
 */
const MODERN_CURSORS = 56;
const CURSOR_LIFETIME_MS = 2 * 86_400_000;
const LEGACY_MAX_CURSORS_PER_USER = 10;

export class QueryEngine {
	private readonly org: Org;
	private readonly cursors = new Map<string, Cursor>();
	/** Before API 56.0: 15 minutes of inactivity on the org clock (SOAP queryMore docs). */
	legacyIdleMs = 15 * 60_000;

	constructor(org: Org) {
		this.org = org;
	}

	run(soql: string, opts: {all: boolean; userId: string; version: string; batchSize?: number}): QueryPage {
		this.org.maintain();
		const user = this.org.user(opts.userId);
		const nowMs = this.org.clock.nowMs();
		const q = compileSoql(soql, {
			store: this.org.store,
			nowMs,
			timeZone: user?.timeZone ?? 'UTC',
			userId: opts.userId,
			// §14.5: weeks follow the querying user's locale (the org's, en_US, if none).
			weekStart: firstDayOfWeek(user?.locale ?? ORG_LOCALE),
		});
		// R37: rows the user may not read are left out of query and queryAll.
		const rows = this.select(q, opts.all).filter(r => this.org.canRead(opts.userId, q.object.name, r));
		if (q.countOnly) return {totalSize: rows.length, done: true, records: []};
		if (q.aggregate) {
			const rec: Record<string, unknown> = {attributes: {type: 'AggregateResult'}};
			// COUNT(field) counts the rows where the field is not null [SOQL:sforce_api_calls_soql_select_agg_functions].
			for (const c of q.columns)
				if (c.kind === 'agg') rec[c.alias] = rows.filter(r => (c.acc.get(r) ?? null) !== null).length;
			return {totalSize: 1, done: true, records: [rec]};
		}
		const batch = clampBatch(opts.batchSize);
		if (rows.length <= batch)
			return {totalSize: rows.length, done: true, records: rows.map(r => serialize(r, q, opts.version, this.org))};
		const modern = Number.parseFloat(opts.version) >= MODERN_CURSORS;
		const locator = this.newLocator(opts.userId, modern);
		this.cursors.set(locator, {rows, q, userId: opts.userId, createdAt: nowMs, lastUsed: nowMs, modern});
		return this.page(locator, 0, batch, opts.version);
	}

	/** `GET /query/<locator>-<offset>` (also reached via `/queryAll/<locator>`). */
	more(locatorWithOffset: string, opts: {userId: string; version: string; batchSize?: number}): QueryPage {
		const m = /^(.+)-(\d+)$/.exec(locatorWithOffset);
		const cursor = m ? this.cursors.get(m[1] ?? '') : undefined;
		const nowMs = this.org.clock.nowMs();
		const expired =
			cursor !== undefined &&
			(cursor.modern ? nowMs - cursor.createdAt > CURSOR_LIFETIME_MS : nowMs - cursor.lastUsed > this.legacyIdleMs);
		if (!m || !cursor || cursor.userId !== opts.userId || expired) {
			if (m) this.cursors.delete(m[1] ?? '');
			// §2.3: body wording UNCONFIRMED.
			throw new SfError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
		}
		cursor.lastUsed = nowMs;
		const offset = Number(m[2]);
		if (offset > cursor.rows.length) throw new SfError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
		return this.page(m[1] ?? '', offset, clampBatch(opts.batchSize), opts.version);
	}

	private page(locator: string, offset: number, batch: number, version: string): QueryPage {
		const cursor = this.cursors.get(locator);
		if (!cursor) throw new SfError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
		const end = Math.min(offset + batch, cursor.rows.length);
		const records = new Array<unknown>(end - offset);
		for (let k = offset; k < end; k++)
			records[k - offset] = serialize(cursor.rows[k] as SRecord, cursor.q, version, this.org);
		const done = end >= cursor.rows.length;
		// Locators are left re-usable until they expire so a retried page after a dropped response works
		// (SOAP says one-time use; UNCONFIRMED for REST).
		return done
			? {totalSize: cursor.rows.length, done, records}
			: {
					totalSize: cursor.rows.length,
					done,
					nextRecordsUrl: `/services/data/v${version}/query/${locator}-${end}`,
					records,
				};
	}

	private newLocator(userId: string, modern: boolean): string {
		if (modern) {
			// No cap since 56.0; expired cursors are dropped so a long-running org does not grow without end.
			const nowMs = this.org.clock.nowMs();
			for (const [id, c] of this.cursors)
				if (c.modern && nowMs - c.createdAt > CURSOR_LIFETIME_MS) this.cursors.delete(id);
			return this.org.ids.next('0r8');
		}
		const mine = [...this.cursors].filter(([, c]) => c.userId === userId && !c.modern);
		if (mine.length >= LEGACY_MAX_CURSORS_PER_USER) {
			const oldest = mine.sort((a, b) => a[1].lastUsed - b[1].lastUsed)[0];
			if (oldest) this.cursors.delete(oldest[0]);
		}
		return this.org.ids.next('01g');
	}

	/** Open cursors (for tests of §14.8). */
	openCursors(): number {
		return this.cursors.size;
	}

	/** Filter + sort + offset/limit. The owner index narrows Task candidates when the query pins OwnerId. */
	select(q: CompiledQuery, all: boolean): SRecord[] {
		const out: SRecord[] = [];
		const where = q.where;
		const hidesArchive = q.object.name === 'Task';
		for (const r of this.org.store.candidates(q.object.name, q.ownerIds)) {
			if (!all && (r['IsDeleted'] === true || (hidesArchive && r['IsArchived'] === true))) continue;
			if (where && !where(r)) continue;
			out.push(r);
		}
		const sorted = q.sort.length > 0 ? sortRows(out, q.sort) : out;
		const start = q.offset;
		const end = q.limit === undefined ? sorted.length : Math.min(sorted.length, start + q.limit);
		return start === 0 && end === sorted.length ? sorted : sorted.slice(start, end);
	}
}

function clampBatch(n: number | undefined): number {
	if (n === undefined || !Number.isFinite(n)) return DEFAULT_BATCH;
	return Math.min(DEFAULT_BATCH, Math.max(MIN_BATCH, Math.floor(n)));
}

/**
 * Sort with keys extracted once per row into columns (numbers into Float64Array, NaN = null; strings
 * lower-cased), an index permutation, and an O(n) "already in order?" check first — the sync query
 * (`ORDER BY SystemModstamp, Id`) usually meets rows already in that order.
 */
function sortRows(rows: SRecord[], keys: SortKey[]): SRecord[] {
	const n = rows.length;
	type Col = {num: Float64Array | undefined; str: (string | null)[] | undefined; key: SortKey};
	const build = (key: SortKey): Col => {
		const t = key.acc.def.type;
		const get = key.acc.get;
		if (t === 'datetime' || t === 'int' || t === 'boolean') {
			const col = new Float64Array(n);
			for (let i = 0; i < n; i++) {
				const v = get(rows[i] as SRecord);
				col[i] = v === null || v === undefined ? Number.NaN : Number(v);
			}
			return {num: col, str: undefined, key};
		}
		const ci = t !== 'id' && t !== 'reference';
		const col = new Array<string | null>(n);
		for (let i = 0; i < n; i++) {
			const v = get(rows[i] as SRecord);
			col[i] = v === null || v === undefined ? null : ci ? String(v).toLowerCase() : String(v);
		}
		return {num: undefined, str: col, key};
	};
	// Tie-break columns are only extracted if a tie is ever met (SystemModstamp rarely ties).
	const built: (Col | undefined)[] = keys.map((k, i) => (i === 0 ? build(k) : undefined));
	const cols = keys.map((k, i) => ({
		get col(): Col {
			return (built[i] ??= build(k));
		},
	}));
	const cmp = (a: number, b: number): number => {
		for (const lazy of cols) {
			const c = lazy.col;
			let r = 0;
			if (c.num) {
				const x = c.num[a] as number;
				const y = c.num[b] as number;
				if (x === y) continue;
				const xn = x !== x;
				const yn = y !== y;
				if (xn && yn) continue;
				if (xn) return c.key.nullsFirst ? -1 : 1;
				if (yn) return c.key.nullsFirst ? 1 : -1;
				r = x < y ? -1 : 1;
			} else if (c.str) {
				const x = c.str[a] ?? null;
				const y = c.str[b] ?? null;
				if (x === y) continue;
				if (x === null) return c.key.nullsFirst ? -1 : 1;
				if (y === null) return c.key.nullsFirst ? 1 : -1;
				r = x < y ? -1 : 1;
			}
			return c.key.desc ? -r : r;
		}
		return 0;
	};
	let sorted = true;
	for (let i = 1; i < n && sorted; i++) if (cmp(i - 1, i) > 0) sorted = false;
	if (sorted) return rows;
	const idx = new Array<number>(n);
	for (let i = 0; i < n; i++) idx[i] = i;
	idx.sort(cmp);
	const out = new Array<SRecord>(n);
	for (let i = 0; i < n; i++) out[i] = rows[idx[i] as number] as SRecord;
	return out;
}

function wire(v: FieldValue | undefined, type: string): FieldValue {
	if (v === undefined || v === null) return null;
	return type === 'datetime' && typeof v === 'number' ? formatDateTime(v) : v;
}

/** One query record: attributes, then the selected fields in SELECT order (§2.2). */
export function serialize(r: SRecord, q: CompiledQuery, version: string, org: Org): Record<string, unknown> {
	const out: Record<string, unknown> = {
		attributes: {type: q.object.name, url: `/services/data/v${version}/sobjects/${q.object.name}/${String(r['Id'])}`},
	};
	for (const c of q.columns) {
		if (c.kind === 'field') out[c.acc.def.name] = wire(c.acc.get(r), c.acc.def.type);
		else if (c.kind === 'rel') out[c.rel] = relObject(r, c, version, org);
	}
	return out;
}

function relObject(
	r: SRecord,
	c: Extract<Column, {kind: 'rel'}>,
	version: string,
	org: Org,
): Record<string, unknown> | null {
	const id = r[c.via.name];
	if (typeof id !== 'string' || !org.store.find(id)) return null;
	const actual = objectForId(id)?.name ?? 'Name';
	const polymorphic = (c.via.referenceTo?.length ?? 0) > 1 || c.rel === 'Owner';
	// Polymorphic lookups resolve through the "Name" entity (UNCONFIRMED that Task.Owner reports type Name).
	const o: Record<string, unknown> = {
		attributes: {type: polymorphic ? 'Name' : actual, url: `/services/data/v${version}/sobjects/${actual}/${id}`},
	};
	for (const acc of c.fields) o[acc.def.name] = wire(acc.get(r), acc.def.type);
	return o;
}
