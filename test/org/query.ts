// Query execution, paging and query locators (salesforce-api.md §2.1–2.3): `query` hides deleted and
// archived rows, `queryAll` shows them; pages of `batchSize` (default/max 2,000, min 200) linked by
// `nextRecordsUrl: /services/data/vXX.X/query/<locator>-<offset>`; totalSize constant across pages.

import {formatDateTime} from './dates.js';
import {SfError} from './errors.js';
import type {Org} from './org.js';
import {objectForId} from './schema.js';
import {compileSoql} from './soql.js';
import type {Column, CompiledQuery, SortKey} from './soql.js';
import type {FieldValue, SRecord} from './store.js';

export type QueryPage = {totalSize: number; done: boolean; nextRecordsUrl?: string; records: unknown[]};
type Cursor = {rows: SRecord[]; q: CompiledQuery; userId: string; lastUsed: number};

const DEFAULT_BATCH = 2000;
const MIN_BATCH = 200;
/** SOAP queryMore docs: at most 10 open cursors per user (the oldest is dropped); 15 min of inactivity. */
const MAX_CURSORS_PER_USER = 10;

export class QueryEngine {
	private readonly org: Org;
	private readonly cursors = new Map<string, Cursor>();
	/** UNCONFIRMED which applies (§2.3 conflict): we use the SOAP docs' 15 minutes of inactivity on the org clock. */
	locatorIdleMs = 15 * 60_000;

	constructor(org: Org) {
		this.org = org;
	}

	run(soql: string, opts: {all: boolean; userId: string; version: string; batchSize?: number}): QueryPage {
		this.org.maintain();
		const user = this.org.user(opts.userId);
		const nowMs = this.org.clock.nowMs();
		const q = compileSoql(soql, {store: this.org.store, nowMs, timeZone: user?.timeZone ?? 'UTC'});
		const rows = this.select(q, opts.all);
		if (q.countOnly) return {totalSize: rows.length, done: true, records: []};
		if (q.aggregate) {
			const rec: Record<string, unknown> = {attributes: {type: 'AggregateResult'}};
			for (const c of q.columns) if (c.kind === 'agg') rec[c.alias] = rows.length;
			return {totalSize: 1, done: true, records: [rec]};
		}
		const batch = clampBatch(opts.batchSize);
		if (rows.length <= batch) return {totalSize: rows.length, done: true, records: rows.map((r) => serialize(r, q, opts.version, this.org))};
		const locator = this.newLocator(opts.userId);
		this.cursors.set(locator, {rows, q, userId: opts.userId, lastUsed: nowMs});
		return this.page(locator, 0, batch, opts.version);
	}

	/** `GET /query/<locator>-<offset>` (also reached via `/queryAll/<locator>`). */
	more(locatorWithOffset: string, opts: {userId: string; version: string; batchSize?: number}): QueryPage {
		const m = /^(.+)-(\d+)$/.exec(locatorWithOffset);
		const cursor = m ? this.cursors.get(m[1] ?? '') : undefined;
		const nowMs = this.org.clock.nowMs();
		if (!m || !cursor || cursor.userId !== opts.userId || nowMs - cursor.lastUsed > this.locatorIdleMs) {
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
		for (let k = offset; k < end; k++) records[k - offset] = serialize(cursor.rows[k] as SRecord, cursor.q, version, this.org);
		const done = end >= cursor.rows.length;
		// Locators are left re-usable until they expire so a retried page after a dropped response works
		// (SOAP says one-time use; UNCONFIRMED for REST).
		return done ? {totalSize: cursor.rows.length, done, records} : {totalSize: cursor.rows.length, done, nextRecordsUrl: `/services/data/v${version}/query/${locator}-${end}`, records};
	}

	private newLocator(userId: string): string {
		const mine = [...this.cursors].filter(([, c]) => c.userId === userId);
		if (mine.length >= MAX_CURSORS_PER_USER) {
			const oldest = mine.sort((a, b) => a[1].lastUsed - b[1].lastUsed)[0];
			if (oldest) this.cursors.delete(oldest[0]);
		}
		return this.org.ids.next('01g');
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

/** Decorate-sort-undecorate: keys are extracted (and lower-cased) once per row, not per comparison. */
function sortRows(rows: SRecord[], keys: SortKey[]): SRecord[] {
	const n = keys.length;
	const dec = rows.map((r) => {
		const k = new Array<FieldValue>(n);
		for (let j = 0; j < n; j++) {
			const v = (keys[j] as SortKey).acc.get(r) ?? null;
			k[j] = typeof v === 'string' && (keys[j] as SortKey).acc.def.type !== 'id' && (keys[j] as SortKey).acc.def.type !== 'reference' ? v.toLowerCase() : v;
		}
		return {r, k};
	});
	dec.sort((a, b) => {
		for (let j = 0; j < n; j++) {
			const x = a.k[j] ?? null;
			const y = b.k[j] ?? null;
			if (x === y) continue;
			const key = keys[j] as SortKey;
			if (x === null) return key.nullsFirst ? -1 : 1;
			if (y === null) return key.nullsFirst ? 1 : -1;
			const c = x < y ? -1 : 1;
			return key.desc ? -c : c;
		}
		return 0;
	});
	return dec.map((d) => d.r);
}

function wire(v: FieldValue | undefined, type: string): FieldValue {
	if (v === undefined || v === null) return null;
	return type === 'datetime' && typeof v === 'number' ? formatDateTime(v) : v;
}

/** One query record: attributes, then the selected fields in SELECT order (§2.2). */
export function serialize(r: SRecord, q: CompiledQuery, version: string, org: Org): Record<string, unknown> {
	const out: Record<string, unknown> = {attributes: {type: q.object.name, url: `/services/data/v${version}/sobjects/${q.object.name}/${String(r['Id'])}`}};
	for (const c of q.columns) {
		if (c.kind === 'field') out[c.acc.def.name] = wire(c.acc.get(r), c.acc.def.type);
		else if (c.kind === 'rel') out[c.rel] = relObject(r, c, version, org);
	}
	return out;
}

function relObject(r: SRecord, c: Extract<Column, {kind: 'rel'}>, version: string, org: Org): Record<string, unknown> | null {
	const id = r[c.via.name];
	if (typeof id !== 'string' || !org.store.find(id)) return null;
	const actual = objectForId(id)?.name ?? 'Name';
	const polymorphic = (c.via.referenceTo?.length ?? 0) > 1 || c.rel === 'Owner';
	// Polymorphic lookups resolve through the "Name" entity (UNCONFIRMED that Task.Owner reports type Name).
	const o: Record<string, unknown> = {attributes: {type: polymorphic ? 'Name' : actual, url: `/services/data/v${version}/sobjects/${actual}/${id}`}};
	for (const acc of c.fields) o[acc.def.name] = wire(acc.get(r), acc.def.type);
	return o;
}
