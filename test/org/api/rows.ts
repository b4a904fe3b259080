// sObject Rows for Task (salesforce-facts.md §3, §3.1): create/retrieve/update/delete, basic info, describe,
// If-Modified-Since → 304, If-Unmodified-Since → 412. Other objects are retrievable, not writable here.

import {errorResponse, isObject, json, noContent, parseBody} from './api-types.js';
import type {ApiRequest, ApiResponse} from './api-types.js';
import {formatDateTime, parseHttpDate} from '../soql/dates.js';
import {SfError, malformedId, notFound} from './errors.js';
import {normalizeId} from '../records/ids.js';
import type {Org} from '../org.js';
import {WRITABLE, fieldDef, objectForId} from '../records/schema.js';
import type {FieldDef, ObjectDef} from '../records/schema.js';
import type {SRecord} from '../records/store.js';

export type RowCtx = {org: Org; req: ApiRequest; version: string; userId: string};

export function recordUrl(version: string, object: string, id: string): string {
	return `/services/data/v${version}/sobjects/${object}/${id}`;
}

/** A record with `attributes` and every field (or the `fields` asked for), dateTimes in wire format (§2.6). */
export function recordJson(def: ObjectDef, r: SRecord, version: string, fields?: FieldDef[]): Record<string, unknown> {
	const out: Record<string, unknown> = {
		attributes: {type: def.name, url: recordUrl(version, def.name, String(r['Id']))},
	};
	for (const f of fields ?? def.fields) {
		const v = r[f.name] ?? null;
		out[f.name] = f.type === 'datetime' && typeof v === 'number' ? formatDateTime(v) : v;
	}
	return out;
}

/** `?fields=A,B` → field defs; an unknown name is 400 INVALID_FIELD (§3). */
export function pickFields(def: ObjectDef, list: string | null | string[] | undefined): FieldDef[] | undefined {
	if (list === null || list === undefined) return undefined;
	const names = Array.isArray(list) ? list : list.split(',');
	return names.map(n => {
		const f = fieldDef(def, n.trim());
		if (!f)
			throw new SfError(
				400,
				'INVALID_FIELD',
				`No such column '${n.trim()}' on entity '${def.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
			);
		return f;
	});
}

/** Validates a path id: malformed → 400 MALFORMED_ID; another object's key prefix → 404 (UNCONFIRMED). */
export function pathId(def: ObjectDef, raw: string): string {
	const id = normalizeId(raw);
	if (!id) throw malformedId(raw);
	if (objectForId(id)?.name !== def.name && def.name !== 'TaskStatus' && def.name !== 'TaskPriority') throw notFound();
	return id;
}

function httpDate(req: ApiRequest, name: string): number | undefined {
	const h = req.headers[name];
	if (h === undefined) return undefined;
	const t = parseHttpDate(h);
	// §3.1: an invalid conditional header value gives 400 (error code UNCONFIRMED).
	if (t === undefined) throw new SfError(400, 'INVALID_HEADER_VALUE', `Invalid ${name} header value: ${h}`);
	return t;
}

/** §3.1: the header has no milliseconds, so compare at seconds granularity (INFERRED). */
const seconds = (ms: number): number => Math.floor(ms / 1000) * 1000;

export function sobjectRow(ctx: RowCtx, def: ObjectDef, rawId: string): ApiResponse {
	const {org, req, version} = ctx;
	const id = pathId(def, rawId);
	const writable = WRITABLE.has(def.name);
	switch (req.method) {
		case 'GET': {
			const r = writable ? org.readableTask(ctx.userId, id) : org.store.get(def.name, id);
			if (!r) throw notFound();
			const since = httpDate(req, 'if-modified-since');
			if (since !== undefined && seconds(Number(r['LastModifiedDate'])) <= since)
				return {status: 304, headers: {}, body: undefined};
			return json(200, recordJson(def, r, version, pickFields(def, req.query.get('fields'))));
		}
		case 'PATCH': {
			if (!writable) throw notFound();
			const body = parseBody(req);
			if (!isObject(body))
				throw new SfError(400, 'JSON_PARSER_ERROR', 'Cannot deserialize instance of Task from non-object value');
			const current = org.tasks.live(id, true);
			const unmodifiedSince = httpDate(req, 'if-unmodified-since');
			if (unmodifiedSince !== undefined && seconds(current.LastModifiedDate) > unmodifiedSince) {
				// §3.1: 412, not applied; body is an emulator assumption (UNCONFIRMED).
				return errorResponse(
					new SfError(
						412,
						'PRECONDITION_FAILED',
						'The requested resource has been modified since the If-Unmodified-Since date.',
					),
				);
			}
			org.updateTask(ctx.userId, id, body);
			return noContent();
		}
		case 'DELETE':
			if (!writable) throw notFound();
			// §3.1: DELETE does not support conditional headers — they are ignored here.
			org.deleteTask(ctx.userId, id);
			return noContent();
		default:
			return methodNotAllowed(req.method, ['GET', 'PATCH', 'DELETE', 'HEAD']);
	}
}

export function methodNotAllowed(method: string, allowed: string[]): ApiResponse {
	return json(405, [
		{errorCode: 'METHOD_NOT_ALLOWED', message: `HTTP Method '${method}' not allowed. Allowed are ${allowed.join(',')}`},
	]);
}

export function sobjectRoot(ctx: RowCtx, def: ObjectDef): ApiResponse {
	const {org, req, version} = ctx;
	if (req.method === 'GET') return json(200, {objectDescribe: describeHeader(def, version), recentItems: []});
	if (req.method !== 'POST') return methodNotAllowed(req.method, ['GET', 'POST', 'HEAD']);
	if (!WRITABLE.has(def.name))
		throw new SfError(400, 'INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id');
	const body = parseBody(req);
	if (!isObject(body))
		throw new SfError(400, 'JSON_PARSER_ERROR', 'Cannot deserialize instance of Task from non-object value');
	const row = org.createTask(ctx.userId, body);
	return json(201, {id: row.Id, success: true, errors: []}, {Location: recordUrl(version, def.name, row.Id)});
}

function describeHeader(def: ObjectDef, version: string): Record<string, unknown> {
	const w = WRITABLE.has(def.name);
	const b = `/services/data/v${version}/sobjects/${def.name}`;
	return {
		activateable: false,
		createable: w,
		custom: false,
		customSetting: false,
		deletable: w,
		deprecatedAndHidden: false,
		feedEnabled: false,
		hasSubtypes: false,
		isSubtype: false,
		keyPrefix: def.keyPrefix,
		label: def.name,
		labelPlural: `${def.name}s`,
		layoutable: true,
		mergeable: false,
		mruEnabled: true,
		name: def.name,
		queryable: true,
		replicateable: true,
		retrieveable: true,
		searchable: true,
		triggerable: true,
		undeletable: w,
		updateable: w,
		urls: {
			rowTemplate: `${b}/{ID}`,
			defaultValues: `${b}/defaultValues?recordTypeId&fields`,
			describe: `${b}/describe`,
			sobject: b,
		},
	};
}

/** `GET /sobjects/Task/describe` (§7.4): the Field properties jsforce declares; picklists from the org tables. */
export function describe(ctx: RowCtx, def: ObjectDef): ApiResponse {
	const {org, version} = ctx;
	const picklist = (f: FieldDef): unknown[] => {
		if (def.name === 'Task' && f.name === 'Status')
			return org.picklists.statusList().map(s => entry(s.ApiName, s.MasterLabel ?? s.ApiName, s.IsDefault));
		if (def.name === 'Task' && f.name === 'Priority')
			return org.picklists.priorityList().map(p => entry(p.ApiName, p.MasterLabel ?? p.ApiName, p.IsDefault));
		return (f.restrictedValues ?? []).map(v => entry(v, v, def.name === 'Task' && v === 'Task'));
	};
	const soapType: Record<string, string> = {
		id: 'tns:ID',
		reference: 'tns:ID',
		boolean: 'xsd:boolean',
		int: 'xsd:int',
		date: 'xsd:date',
		datetime: 'xsd:dateTime',
	};
	const fields = def.fields.map(f => ({
		name: f.name,
		label: f.label,
		type: f.type === 'string' && f.name === 'Subject' ? 'combobox' : f.type,
		length: f.length ?? 0,
		byteLength: (f.length ?? 0) * 3,
		nillable: f.nillable,
		createable: f.createable,
		updateable: f.updateable,
		defaultedOnCreate: ['Status', 'Priority', 'OwnerId', 'IsReminderSet', 'TaskSubtype'].includes(f.name),
		restrictedPicklist: f.restrictedValues !== undefined,
		picklistValues: picklist(f),
		referenceTo: f.referenceTo ?? [],
		relationshipName: f.relationshipName ?? null,
		polymorphicForeignKey: (f.referenceTo?.length ?? 0) > 1,
		calculated: false,
		filterable: f.filterable,
		sortable: f.filterable,
		idLookup: f.name === 'Id',
		externalId: false,
		unique: false,
		custom: false,
		soapType: soapType[f.type] ?? 'xsd:string',
		precision: 0,
		scale: 0,
		digits: f.type === 'int' ? 9 : 0,
		defaultValue: null,
		dependentPicklist: false,
		controllerName: null,
	}));
	return json(200, {...describeHeader(def, version), fields, childRelationships: [], recordTypeInfos: []});
}

function entry(value: string, label: string, isDefault: boolean): Record<string, unknown> {
	return {active: true, defaultValue: isDefault, label, validFor: null, value};
}
