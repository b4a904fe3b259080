// SOQL compilation: parse with @jetstreamapp/soql-parser-js (no hand-written parser), validate against the
// schema, and build a plan (projection, predicate, sort, limit) — salesforce-facts.md §2. Error bodies follow
// the recorded shapes of §2.4.

import {isQueryValid, parseQuery} from '@jetstreamapp/soql-parser-js';
import type {FieldType as AstField, OrderByClause, Query} from '@jetstreamapp/soql-parser-js';
import {SfError} from '../api/errors.js';
import {fieldDef, objectDef, objectForId} from '../records/schema.js';
import type {FieldDef, ObjectDef} from '../records/schema.js';
import {compileWhere} from './soql-where.js';
import {refuseUnsupportedClauses, unsupported} from './soql-refusals.js';
import type {Accessor, Predicate} from './soql-where.js';
import type {FieldValue, Store} from '../records/store.js';

export type Column =
	| {kind: 'field'; acc: Accessor}
	| {kind: 'rel'; rel: string; via: FieldDef; fields: Accessor[]}
	| {kind: 'agg'; alias: string; acc: Accessor};
export type SortKey = {acc: Accessor; desc: boolean; nullsFirst: boolean};
export type CompiledQuery = {
	object: ObjectDef;
	countOnly: boolean;
	aggregate: boolean;
	columns: Column[];
	where: Predicate | undefined;
	ownerIds: string[] | undefined;
	sort: SortKey[];
	limit: number | undefined;
	offset: number;
};
/** `userId` is the running user (for `USING SCOPE mine`); `weekStart` their locale's first weekday (default Sunday). */
export type CompileEnv = {store: Store; nowMs: number; timeZone: string; userId?: string; weekStart?: number};

/** Fields of the polymorphic "Name" entity reachable through Who/What/Owner (INFERRED subset). */
const NAME_FIELDS: FieldDef[] = [
	'Id',
	'Name',
	'Type',
	'FirstName',
	'LastName',
	'Email',
	'Alias',
	'Username',
	'IsActive',
].map(name => ({
	name,
	label: name,
	type: name === 'Id' ? 'id' : name === 'IsActive' ? 'boolean' : 'string',
	createable: false,
	updateable: false,
	nillable: true,
	filterable: true,
}));

const MAX_OFFSET = 2000;

function caret(soql: string, token: string | undefined, message: string): string {
	// §2.4: "\n<query>\n<spaces>^\nERROR at Row:1:Column:<n>\n<message>"
	const flat = soql.replace(/\s+/g, ' ');
	let idx = token
		? flat
				.toLowerCase()
				.search(new RegExp(`(?<![\\w.])${token.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w])`))
		: 0;
	if (idx < 0) idx = 0;
	return `\n${flat}\n${' '.repeat(idx)}^\nERROR at Row:1:Column:${idx + 1}\n${message}`;
}

export function malformedQuery(message: string): SfError {
	return new SfError(400, 'MALFORMED_QUERY', message);
}

/** Maps the parser's error to Salesforce's "unexpected token: X" (recorded in §2.4). */
function parseError(e: unknown): SfError {
	const msg = e instanceof Error ? e.message : String(e);
	const found = /found --> '([^']*)' <--|but found: '([^']*)'|but found: (\S+)/.exec(msg);
	const token = found?.[1] ?? found?.[2] ?? found?.[3];
	return malformedQuery(`unexpected token: ${token === undefined || token === '' ? '<EOF>' : token}`);
}

export function compileSoql(soql: string, env: CompileEnv): CompiledQuery {
	if (soql.trim() === '') throw malformedQuery('A query string has to be specified');
	let q: Query;
	try {
		q = parseQuery(soql);
	} catch (e) {
		// Apex bind variables (`:name`) parse only with the parser's Apex option; over the API Salesforce
		// answers MALFORMED_QUERY "Bind variables only allowed in Apex code" (jsforce/jsforce#551).
		if (isQueryValid(soql, {allowApexBindVariables: true}))
			throw malformedQuery(caret(soql, undefined, 'Bind variables only allowed in Apex code'));
		throw parseError(e);
	}
	refuseUnsupportedClauses(q);
	const objName = q.sObject ?? '';
	const object = objectDef(objName);
	if (!object) {
		throw new SfError(
			400,
			'INVALID_TYPE',
			caret(
				soql,
				objName,
				`sObject type '${objName}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
			),
		);
	}
	const invalidField = (path: string): SfError =>
		new SfError(
			400,
			'INVALID_FIELD',
			caret(
				soql,
				path,
				`No such column '${path.split('.').pop() ?? path}' on entity '${object.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
			),
		);
	const badRel = (rel: string, path: string): SfError =>
		new SfError(
			400,
			'INVALID_FIELD',
			caret(
				soql,
				path,
				`Didn't understand relationship '${rel}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
			),
		);

	const alias = q.sObjectAlias?.toLowerCase();
	const resolve = (path: string): Accessor => {
		const parts = path.split('.');
		// `Task.Subject` (object-name prefix) and `t.Subject` after `FROM Task t` (alias prefix) are legal SOQL.
		const head = parts[0]?.toLowerCase();
		if (parts.length >= 2 && (head === alias || (parts.length === 2 && head === object.name.toLowerCase())))
			parts.shift();
		if (parts.length === 1) {
			const def = fieldDef(object, parts[0] ?? '');
			if (!def) throw invalidField(path);
			const name = def.name;
			return {def, path: name, get: r => r[name]};
		}
		if (parts.length !== 2) throw badRel(parts[0] ?? path, path);
		const [relName = '', sub = ''] = parts;
		const via = object.relByLower.get(relName.toLowerCase());
		if (!via) throw badRel(relName, path);
		return relAccessor(via, sub, env.store, () => invalidField(path));
	};

	const columns: Column[] = [];
	// Mutable flags set inside addColumn (an object, so control-flow analysis does not pin them to false).
	const flags = {countOnly: false, aggregate: false};
	const relCols = new Map<string, Extract<Column, {kind: 'rel'}>>();
	const seen = new Set<string>();
	let unaliasedAggregates = 0;
	const addColumn = (f: AstField): void => {
		if (f.type === 'FieldFunctionExpression') {
			if (f.functionName.toUpperCase() !== 'COUNT') throw unsupported(`the function ${f.functionName}()`);
			if (f.parameters.length === 0) {
				flags.countOnly = true;
				return;
			}
			const [param] = f.parameters;
			if (f.parameters.length !== 1 || typeof param !== 'string')
				throw unsupported(`COUNT over an expression (${f.rawValue ?? f.functionName})`);
			flags.aggregate = true;
			// SOQL "Using Aliases with GROUP BY": unaliased aggregate fields are named expr0, expr1, … in order.
			columns.push({kind: 'agg', alias: f.alias ?? `expr${unaliasedAggregates++}`, acc: resolve(param)});
			return;
		}
		// SOQL allows an alias only on aggregate expressions (the message Salesforce gives, quoted in
		// jetstreamapp/soql-parser-js#75: "only aggregate expressions use field aliasing").
		if ((f.type === 'Field' || f.type === 'FieldRelationship') && typeof (f as {alias?: unknown}).alias === 'string')
			throw malformedQuery('only aggregate expressions use field aliasing');
		if (f.type === 'Field') {
			const acc = resolve(f.field);
			if (seen.has(acc.path.toLowerCase())) throw malformedQuery(`duplicate field selected: ${acc.path}`);
			seen.add(acc.path.toLowerCase());
			columns.push({kind: 'field', acc});
			return;
		}
		if (f.type === 'FieldRelationship') {
			const path = [...f.relationships, f.field].join('.');
			const acc = resolve(path);
			const relName = path.includes('.')
				? (object.relByLower.get((f.relationships[f.relationships.length - 1] ?? '').toLowerCase())?.relationshipName ??
					'')
				: '';
			if (!relName) {
				columns.push({kind: 'field', acc});
				return;
			}
			let col = relCols.get(relName);
			if (!col) {
				const via = object.relByLower.get(relName.toLowerCase());
				if (!via) throw badRel(relName, path);
				col = {kind: 'rel', rel: relName, via, fields: []};
				relCols.set(relName, col);
				columns.push(col);
			}
			col.fields.push(acc);
			return;
		}
		if (f.type === 'FieldTypeof') throw unsupported('TYPEOF');
		throw unsupported('a relationship subquery in SELECT');
	};
	for (const f of q.fields ?? []) addColumn(f);
	if (flags.aggregate) refuseNonAggregateShape(q, columns);

	if (flags.countOnly && columns.length > 0)
		throw malformedQuery('COUNT() must be the only element in the SELECT list');
	let ownerIds: string[] | undefined;
	const where = q.where
		? compileWhere(q.where, {
				resolve: p => {
					const acc = resolve(p);
					// §7.2: long text areas (Description) can't be filtered.
					if (!acc.def.filterable)
						throw new SfError(
							400,
							'INVALID_FIELD',
							caret(soql, p, `field '${acc.def.name}' can not be filtered in query call`),
						);
					return acc;
				},
				filterError: m => new SfError(400, 'INVALID_QUERY_FILTER_OPERATOR', caret(soql, undefined, m)),
				unsupported,
				nowMs: env.nowMs,
				timeZone: env.timeZone,
				weekStart: env.weekStart ?? 0,
				ownerHint: object.name === 'Task' ? ids => (ownerIds = ids) : undefined,
			} as Parameters<typeof compileWhere>[1])
		: undefined;
	const orderBy: OrderByClause[] = q.orderBy === undefined ? [] : Array.isArray(q.orderBy) ? q.orderBy : [q.orderBy];
	const sort = orderBy.map((o): SortKey => {
		if (!('field' in o)) throw unsupported(`a function in ORDER BY (${o.fn.rawValue ?? o.fn.functionName ?? ''})`);
		const desc = o.order === 'DESC';
		const acc = resolve(o.field);
		// Describe reports `sortable` = `filterable` (rows.ts); long text areas (Description) are neither (§7.2).
		if (!acc.def.filterable)
			throw new SfError(
				400,
				'INVALID_FIELD',
				caret(soql, o.field, `field '${acc.def.name}' can not be sorted in a query call`),
			);
		// SOQL docs (ORDER BY): nulls sort first in ascending and last in descending order unless NULLS is given.
		return {acc, desc, nullsFirst: o.nulls ? o.nulls === 'FIRST' : !desc};
	});
	const scoped = scopeFilter(q, object, env, where, ownerIds);
	if (q.offset !== undefined && q.offset > MAX_OFFSET)
		throw new SfError(400, 'NUMBER_OUTSIDE_VALID_RANGE', `Maximum SOQL offset allowed is ${MAX_OFFSET}`);
	return {
		object,
		countOnly: flags.countOnly,
		aggregate: flags.aggregate,
		columns,
		where: scoped.where,
		ownerIds: scoped.ownerIds,
		sort,
		limit: q.limit,
		offset: q.offset ?? 0,
	};
}

/**
 * An aggregate query without GROUP BY returns one AggregateResult row, so every selected field must be an
 * aggregate ("Field must be grouped or aggregated: X"), ORDER BY has nothing to order, and LIMIT/OFFSET are
 * refused: "You must use a GROUP BY clause if your query has a LIMIT clause and an aggregated function"
 * [SOQL:sforce_api_calls_soql_select_group_by_considerations]. Messages other than the first are UNCONFIRMED.
 */
function refuseNonAggregateShape(q: Query, columns: Column[]): void {
	const plain = columns.find(c => c.kind !== 'agg');
	if (plain) {
		const name = plain.kind === 'field' ? plain.acc.path : `${plain.rel}.${plain.fields[0]?.def.name ?? ''}`;
		throw malformedQuery(`Field must be grouped or aggregated: ${name}`);
	}
	if (q.orderBy !== undefined) throw malformedQuery('ORDER BY needs GROUP BY in an aggregate query');
	if (q.limit !== undefined || q.offset !== undefined)
		throw malformedQuery('LIMIT and OFFSET need GROUP BY in an aggregate query');
}

/** `USING SCOPE mine` keeps the running user's records; `everything` changes nothing (soql-refusals.ts). */
function scopeFilter(
	q: Query,
	object: ObjectDef,
	env: CompileEnv,
	where: Predicate | undefined,
	ownerIds: string[] | undefined,
): {where: Predicate | undefined; ownerIds: string[] | undefined} {
	if (q.usingScope?.toLowerCase() !== 'mine') return {where, ownerIds};
	const userId = env.userId;
	if (!userId || !fieldDef(object, 'OwnerId')) throw unsupported(`USING SCOPE mine on ${object.name}`);
	const mine: Predicate = r => r['OwnerId'] === userId;
	return {where: where ? r => mine(r) && where(r) : mine, ownerIds: ownerIds ?? [userId]};
}

/** A parent-relationship accessor (`Owner.Name`, `What.Name`, `Account.Name`). Polymorphic lookups go through "Name". */
function relAccessor(via: FieldDef, sub: string, store: Store, invalid: () => SfError): Accessor {
	const targets = via.referenceTo ?? [];
	const polymorphic = targets.length > 1 || via.relationshipName === 'Owner';
	const idField = via.name;
	let def: FieldDef | undefined;
	if (polymorphic) def = NAME_FIELDS.find(f => f.name.toLowerCase() === sub.toLowerCase());
	else {
		const target = objectDef(targets[0] ?? '');
		def = target ? fieldDef(target, sub) : undefined;
	}
	if (!def) throw invalid();
	const name = def.name;
	const path = `${via.relationshipName ?? ''}.${name}`;
	if (name === 'Type' && polymorphic)
		return {def, path, get: r => (typeof r[idField] === 'string' ? (objectForId(r[idField])?.name ?? null) : null)};
	return {
		def,
		path,
		get: (r): FieldValue | undefined => {
			const id = r[idField];
			if (typeof id !== 'string') return null;
			const parent = store.find(id)?.record;
			return parent ? (parent[name] ?? null) : null;
		},
	};
}
