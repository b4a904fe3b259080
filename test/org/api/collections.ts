// sObject Collections (salesforce-facts.md §5.1): create/update/delete up to 200 records with allOrNone and
// per-record `statusCode` errors; retrieve up to 2,000 ids (POST) or by URL (GET), null for missing ids.

import {isObject, json, parseBody} from './api-types.js';
import type {ApiResponse} from './api-types.js';
import {SfError} from './errors.js';
import {normalizeId} from '../records/ids.js';
import {objectDef, objectForId, WRITABLE} from '../records/schema.js';
import {pickFields, recordJson} from './rows.js';
import type {RowCtx} from './rows.js';

type Result = {id?: string; success: boolean; errors: {statusCode: string; message: string; fields: string[]}[]};

const MAX_DML = 200;
const MAX_RETRIEVE = 2000;
const ROLLED_BACK = {
	statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
	message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
	fields: [] as string[],
};

function failure(e: unknown, id?: string): Result {
	const err =
		e instanceof SfError ? e : new SfError(500, 'UNKNOWN_EXCEPTION', e instanceof Error ? e.message : String(e));
	const r: Result = {
		success: false,
		errors: [{statusCode: err.errorCode, message: err.message, fields: err.fields ?? []}],
	};
	return id ? {id, ...r} : r;
}

/**
 * Runs each record's operation; with allOrNone a failure restores every Task touched (snapshot/rollback)
 * and turns successes into ALL_OR_NONE_OPERATION_ROLLED_BACK.
 */
function runAll(ctx: RowCtx, allOrNone: boolean, ops: {id?: string; run: () => string}[]): Result[] {
	const {org} = ctx;
	const snapshot = allOrNone ? new Map(org.store.table('Task')) : undefined;
	const bin = allOrNone ? new Map(org.tasks.recycleBin) : undefined;
	// R36 (§13.6): one collections request is one write: all its rows share one whole-second stamp.
	const results = org.tasks.oneWrite(() =>
		ops.map((op): Result => {
			try {
				return {id: op.run(), success: true, errors: []};
			} catch (e) {
				return failure(e, op.id);
			}
		}),
	);
	if (allOrNone && snapshot && bin && results.some(r => !r.success)) {
		const table = org.store.table('Task');
		for (const id of [...table.keys()]) if (!snapshot.has(id)) org.store.remove('Task', id);
		for (const row of snapshot.values()) org.store.put('Task', row);
		org.tasks.recycleBin.clear();
		for (const [k, v] of bin) org.tasks.recycleBin.set(k, v);
		return results.map(r => (r.success ? {id: r.id, success: false, errors: [ROLLED_BACK]} : r) as Result);
	}
	return results;
}

function tooMany(max: number): SfError {
	return new SfError(
		400,
		'EXCEEDED_ID_LIMIT',
		`record limit reached. cannot submit more than ${max} records into this call`,
	);
}

export function collections(ctx: RowCtx): ApiResponse {
	const {org, req} = ctx;
	if (req.method === 'DELETE') {
		const ids = (req.query.get('ids') ?? '').split(',').filter(Boolean);
		if (ids.length > MAX_DML) throw tooMany(MAX_DML);
		const allOrNone = req.query.get('allOrNone') === 'true';
		return json(
			200,
			runAll(
				ctx,
				allOrNone,
				ids.map(raw => ({
					id: raw,
					run: () => {
						const id = taskId(raw);
						org.deleteTask(ctx.userId, id);
						return id;
					},
				})),
			),
		);
	}
	const body = parseBody(req);
	if (!isObject(body) || !Array.isArray(body['records']))
		throw new SfError(400, 'JSON_PARSER_ERROR', 'Expected an object with a records array');
	const records = body['records'] as unknown[];
	if (records.length > MAX_DML) throw tooMany(MAX_DML);
	const allOrNone = body['allOrNone'] === true;
	if (req.method === 'POST') {
		return json(
			200,
			runAll(
				ctx,
				allOrNone,
				records.map(rec => ({
					run: () => {
						const fields = recordFields(rec);
						if ('Id' in fields || 'id' in fields)
							throw new SfError(400, 'INVALID_FIELD', 'cannot specify Id in an insert call', ['Id']);
						return org.createTask(ctx.userId, fields).Id;
					},
				})),
			),
		);
	}
	if (req.method === 'PATCH') {
		return json(
			200,
			runAll(
				ctx,
				allOrNone,
				records.map(rec => {
					const fields = recordFields(rec);
					// jsforce sends a lower-case `id` (§5.1 [JSF _updateMany]); accept any casing.
					const rawKey = Object.keys(fields).find(k => k.toLowerCase() === 'id');
					const raw = rawKey ? fields[rawKey] : undefined;
					const rest = Object.fromEntries(Object.entries(fields).filter(([k]) => k !== rawKey));
					return {
						id: typeof raw === 'string' ? raw : undefined,
						run: (): string => {
							if (typeof raw !== 'string')
								throw new SfError(400, 'MISSING_ARGUMENT', 'Id not specified in an update call', ['Id']);
							const id = taskId(raw);
							return org.updateTask(ctx.userId, id, rest).Id;
						},
					} as {id?: string; run: () => string};
				}),
			),
		);
	}
	throw new SfError(
		405,
		'METHOD_NOT_ALLOWED',
		`HTTP Method '${req.method}' not allowed. Allowed are POST,PATCH,DELETE`,
	);
}

function recordFields(rec: unknown): Record<string, unknown> {
	if (!isObject(rec)) throw new SfError(400, 'JSON_PARSER_ERROR', 'record must be an object');
	const attrs = rec['attributes'];
	const type = isObject(attrs) ? attrs['type'] : undefined;
	// §5.1: each record names its type; this org only writes Task through collections.
	if (typeof type !== 'string' || !WRITABLE.has(objectDef(type)?.name ?? ''))
		throw new SfError(400, 'INVALID_TYPE', `sObject type '${String(type)}' is not supported.`);
	const {attributes: _ignored, ...fields} = rec;
	return fields;
}

function taskId(raw: string): string {
	const id = normalizeId(raw);
	if (!id) throw new SfError(400, 'MALFORMED_ID', `Task ID: id value of incorrect type: ${raw}`, ['Id']);
	if (objectForId(id)?.name !== 'Task')
		throw new SfError(400, 'MALFORMED_ID', `Task ID: id value of incorrect type: ${raw}`, ['Id']);
	return id;
}

/** `POST /composite/sobjects/Task {ids, fields}` or `GET ...?ids=&fields=` → array in id order, null when missing. */
export function collectionsRetrieve(ctx: RowCtx, objectName: string): ApiResponse {
	const {org, req, version} = ctx;
	const def = objectDef(objectName);
	if (!def) throw new SfError(404, 'NOT_FOUND', 'The requested resource does not exist');
	let ids: unknown;
	let fields: unknown;
	if (req.method === 'POST') {
		const body = parseBody(req);
		if (!isObject(body)) throw new SfError(400, 'JSON_PARSER_ERROR', 'Expected an object with ids and fields');
		ids = body['ids'];
		fields = body['fields'];
	} else if (req.method === 'GET') {
		ids = (req.query.get('ids') ?? '').split(',').filter(Boolean);
		fields = req.query.get('fields')?.split(',');
	} else throw new SfError(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${req.method}' not allowed. Allowed are GET,POST`);
	if (!Array.isArray(ids) || ids.some(i => typeof i !== 'string'))
		throw new SfError(400, 'JSON_PARSER_ERROR', 'ids must be an array of strings');
	if (ids.length > MAX_RETRIEVE) throw tooMany(MAX_RETRIEVE);
	if (!Array.isArray(fields) || fields.length === 0)
		throw new SfError(400, 'MISSING_ARGUMENT', 'fields parameter is required');
	const picked = pickFields(def, fields as string[]);
	org.maintain();
	return json(
		200,
		(ids as string[]).map(raw => {
			const id = normalizeId(raw);
			if (!id) throw new SfError(400, 'MALFORMED_ID', `${def.name} ID: id value of incorrect type: ${raw}`, ['Id']);
			const r = org.store.get(def.name, id);
			// R37: a row the user may not read is null, like a missing one (UNCONFIRMED).
			return r && r['IsDeleted'] !== true && org.canRead(ctx.userId, def.name, r)
				? recordJson(def, r, version, picked)
				: null;
		}),
	);
}
