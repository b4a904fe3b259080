// Turns a REST JSON body (or a test's field object) into stored values, raising the real error codes:
// INVALID_FIELD, INVALID_FIELD_FOR_INSERT_UPDATE, STRING_TOO_LONG, JSON_PARSER_ERROR, MALFORMED_ID,
// INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST (salesforce-facts.md §3, §6, §2.6).

import {parseDateInput, parseDateTime} from '../soql/dates.js';
import {SfError, invalidField, jsonParserError} from './errors.js';
import {normalizeId} from '../records/ids.js';
import {fieldDef} from '../records/schema.js';
import type {FieldDef, ObjectDef} from '../records/schema.js';
import type {FieldValue, SRecord} from '../records/store.js';

export type WriteMode = 'create' | 'update' | 'system';

/** Keys a client may send that are not fields: jsforce/collections add `attributes` (and `type` in old code). */
const IGNORED = new Set(['attributes']);

export function coerceFields(def: ObjectDef, input: Record<string, unknown>, mode: WriteMode): SRecord {
	const out: SRecord = {};
	const readOnly: string[] = [];
	for (const [key, raw] of Object.entries(input)) {
		if (IGNORED.has(key)) continue;
		const f = fieldDef(def, key);
		if (!f) throw invalidField(key, def.name);
		// jsforce strips Id on create and sends it on update only as the URL; a body Id on update is tolerated.
		if (f.name === 'Id' && mode === 'update') continue;
		if (mode === 'create' && !f.createable) readOnly.push(f.name);
		else if (mode === 'update' && !f.updateable) readOnly.push(f.name);
		else out[f.name] = coerceValue(f, raw);
	}
	// §3: one INVALID_FIELD_FOR_INSERT_UPDATE naming every read-only field sent (the fixture lists them comma-separated).
	if (readOnly.length > 0) {
		throw new SfError(
			400,
			'INVALID_FIELD_FOR_INSERT_UPDATE',
			`Unable to create/update fields: ${readOnly.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
			readOnly,
		);
	}
	return out;
}

function deserializeError(type: string, raw: unknown): SfError {
	const shown = typeof raw === 'string' ? `VALUE_STRING value ${raw}` : `${typeof raw} value ${String(raw)}`;
	return jsonParserError(`Cannot deserialize instance of ${type} from ${shown}`);
}

export function coerceValue(f: FieldDef, raw: unknown): FieldValue {
	if (raw === null || raw === undefined || raw === '') {
		// An empty string clears a field in the REST API (it is stored as null).
		if (f.type === 'boolean') throw deserializeError('boolean', raw);
		return null;
	}
	switch (f.type) {
		case 'boolean':
			if (typeof raw !== 'boolean') throw deserializeError('boolean', raw);
			return raw;
		case 'int':
			if (typeof raw !== 'number' || !Number.isInteger(raw)) throw deserializeError('int', raw);
			return raw;
		case 'date': {
			const v =
				typeof raw === 'string'
					? parseDateInput(raw)
					: raw instanceof Date
						? raw.toISOString().slice(0, 10)
						: undefined;
			if (v === undefined) throw deserializeError('date', raw);
			return v;
		}
		case 'datetime': {
			const v =
				typeof raw === 'string'
					? parseDateTime(raw)
					: raw instanceof Date
						? raw.getTime()
						: typeof raw === 'number'
							? raw
							: undefined;
			if (v === undefined) throw deserializeError('datetime', raw);
			return v;
		}
		case 'id':
		case 'reference': {
			if (typeof raw !== 'string') throw deserializeError('reference', raw);
			const id = normalizeId(raw);
			if (!id) throw new SfError(400, 'MALFORMED_ID', `${f.label}: id value of incorrect type: ${raw}`, [f.name]);
			return id;
		}
		default: {
			const s =
				typeof raw === 'string' ? raw : typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : undefined;
			if (s === undefined) throw deserializeError('String', JSON.stringify(raw));
			if (f.length !== undefined && s.length > f.length) {
				throw new SfError(400, 'STRING_TOO_LONG', `${f.label}: data value too large: ${s} (max length=${f.length})`, [
					f.name,
				]);
			}
			if (f.restrictedValues && !f.restrictedValues.includes(s)) {
				throw new SfError(
					400,
					'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
					`${f.label}: bad value for restricted picklist field: ${s}`,
					[f.name],
				);
			}
			return s;
		}
	}
}
