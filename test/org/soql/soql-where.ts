// WHERE evaluation over the @jetstreamapp/soql-parser-js AST. The parser gives a right-leaning chain with
// parenthesis counts on each condition, so we flatten it to tokens and rebuild a tree (NOT > AND > OR).
// The tree is compiled to ONE specialised JS function per query (literals passed in by reference, never
// spliced into source), so filtering 100,000 Tasks costs a few ms (issue 3 "Speed").

import type {Condition, WhereClause} from '@jetstreamapp/soql-parser-js';
import {normalizeId} from '../records/ids.js';
import {dateLiteralRange, instantRange} from './soql-dates.js';
import {parseDateTime} from './dates.js';
import type {FieldDef} from '../records/schema.js';
import type {FieldValue, SRecord} from '../records/store.js';

export type Predicate = (r: SRecord) => boolean;
export type Accessor = {def: FieldDef; get: (r: SRecord) => FieldValue | undefined; path: string};
export type WhereEnv = {
	resolve: (path: string) => Accessor; // throws SOQL errors for unknown fields
	filterError: (message: string) => Error;
	/** A construct Salesforce runs but the local org does not emulate (MALFORMED_QUERY, soql-refusals.ts). */
	unsupported: (construct: string) => Error;
	nowMs: number;
	timeZone: string;
	/** The running user's first day of the week, 0 = Sunday (soql-dates.ts firstDayOfWeek). */
	weekStart: number;
	/** Called for `OwnerId = 'x'` / `OwnerId IN (...)` at the top level, so the owner index can be used. */
	ownerHint?: (ids: string[]) => void;
};

type Tok = {t: '('} | {t: ')'} | {t: 'AND'} | {t: 'OR'} | {t: 'NOT'} | {t: 'C'; c: Condition};

function flatten(w: WhereClause | undefined, out: Tok[]): void {
	if (!w) return;
	const left = w.left as (Condition & {openParen?: number; closeParen?: number}) | null;
	// A condition on a field, or on a function (`CALENDAR_YEAR(CreatedDate) = 2025`), which compileCondition refuses.
	if (left && ('field' in left || 'fn' in left)) {
		for (let i = 0; i < (left.openParen ?? 0); i++) out.push({t: '('});
		out.push({t: 'C', c: left});
		for (let i = 0; i < (left.closeParen ?? 0); i++) out.push({t: ')'});
	} else if (left && 'openParen' in left) {
		for (let i = 0; i < left.openParen; i++) out.push({t: '('});
	}
	if ('operator' in w) out.push({t: w.operator});
	if ('right' in w) flatten(w.right, out);
}

/** Code under construction: an expression over row `r`, temp `t`, constants `V[i]`, accessors `G[i]`. */
type Gen = {consts: unknown[]; getters: ((r: SRecord) => FieldValue | undefined)[]};
const k = (g: Gen, v: unknown): string => `V[${String(g.consts.push(v) - 1)}]`;

export function compileWhere(where: WhereClause, env: WhereEnv): Predicate {
	const toks: Tok[] = [];
	flatten(where, toks);
	const g: Gen = {consts: [], getters: []};
	const simpleAnd = !toks.some(t => t.t === 'OR' || t.t === 'NOT');
	let i = 0;
	let depth = 0;
	const peek = (): Tok | undefined => toks[i];
	const orExpr = (): string => {
		const parts = [andExpr()];
		while (peek()?.t === 'OR') {
			i++;
			parts.push(andExpr());
		}
		return parts.length === 1 ? (parts[0] ?? 'true') : `(${parts.join(' || ')})`;
	};
	const andExpr = (): string => {
		const parts = [notExpr()];
		while (peek()?.t === 'AND') {
			i++;
			parts.push(notExpr());
		}
		return parts.length === 1 ? (parts[0] ?? 'true') : `(${parts.join(' && ')})`;
	};
	const notExpr = (): string => {
		if (peek()?.t === 'NOT') {
			i++;
			return `!${notExpr()}`;
		}
		return primary();
	};
	const primary = (): string => {
		const tok = toks[i++];
		if (tok?.t === '(') {
			depth++;
			const inner = orExpr();
			if (toks[i++]?.t !== ')') throw env.filterError('unbalanced parentheses');
			depth--;
			return inner;
		}
		if (tok?.t === 'C') return compileCondition(tok.c, env, g, depth === 0 && simpleAnd);
		throw env.filterError('unexpected token in WHERE');
	};
	const expr = orExpr();
	if (i !== toks.length) throw env.filterError('unexpected token in WHERE');
	// eslint-disable-next-line @typescript-eslint/no-implied-eval -- source comes from our own AST walk; literal values are passed in V[], never spliced into it
	const make = new Function('V', 'G', `return function where(r) { let t; return ${expr}; };`) as (
		v: unknown[],
		getters: Gen['getters'],
	) => Predicate;
	return make(g.consts, g.getters);
}

const unquote = (v: string): string =>
	v.startsWith("'") && v.endsWith("'")
		? v.slice(1, -1).replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_m, e: string) => unescapeSoql(e))
		: v;

/** §2.5 string escapes; `\%` and `\_` stay escaped for LIKE. */
function unescapeSoql(e: string): string {
	if (e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
	return ({n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '%': '\\%', _: '\\_'} as Record<string, string>)[e] ?? e;
}

function compileCondition(c: Condition, env: WhereEnv, g: Gen, topLevelAnd: boolean): string {
	if ('fn' in c) throw env.unsupported(`a function in WHERE (${c.fn.rawValue ?? c.fn.functionName ?? ''})`);
	if (!('field' in c)) throw env.filterError('unexpected token in WHERE');
	if ('valueQuery' in c) throw env.unsupported('a semi-join or anti-join sub-select (IN (SELECT …))');
	const acc = env.resolve(c.field);
	const op = c.operator;
	// No field of the emulated objects is a multi-select picklist, the only type INCLUDES/EXCLUDES apply to
	// [SOQL:sforce_api_calls_soql_querying_multiselect_picklists]; message wording UNCONFIRMED.
	if (op === 'INCLUDES' || op === 'EXCLUDES')
		throw env.filterError('includes or excludes operator only valid on multipicklist field');
	// Booleans compare only for equality (UNCONFIRMED wording; the local org never orders false < true).
	if (acc.def.type === 'boolean' && (op === '<' || op === '<=' || op === '>' || op === '>=' || op === 'LIKE'))
		throw env.filterError(`invalid operator on boolean field: ${acc.def.name}`);
	const {def} = acc;
	const values = Array.isArray(c.value) ? c.value : [c.value];
	const types = Array.isArray(c.literalType) ? c.literalType : values.map(() => c.literalType);
	const nArgs = 'dateLiteralVariable' in c ? c.dateLiteralVariable : undefined;
	const nList = Array.isArray(nArgs) ? nArgs : values.map(() => nArgs);
	const lits = values.map((v, j) => literal(def, v, String(types[j] ?? ''), nList[j], env));
	if (topLevelAnd && env.ownerHint && acc.path === 'OwnerId' && (op === '=' || op === 'IN')) {
		env.ownerHint(lits.map(l => (l.kind === 'value' ? String(l.v) : '')));
	}
	// Direct fields read the row property (the canonical name, JSON-quoted); relationship paths call their accessor.
	const read = acc.path.includes('.')
		? `(G[${String(g.getters.push(acc.get) - 1)}](r) ?? null)`
		: `(r[${JSON.stringify(acc.path)}] ?? null)`;
	const one = lits[0];
	if (!one) throw env.filterError('missing value');
	switch (op) {
		case '=':
			return eq(g, read, one, def);
		case '!=':
			return `!${eq(g, read, one, def)}`;
		case 'IN':
		case 'NOT IN': {
			// Plain values (the usual `Id IN (...)` of up to 2,000 ids) become one Set lookup.
			const plain = lits.every(l => l.kind === 'value' && l.v !== null);
			const ci = def.type !== 'id' && def.type !== 'reference' && def.type !== 'date';
			const any = plain
				? `${k(g, new Set(lits.map(l => (l.kind === 'value' && ci && typeof l.v === 'string' ? l.v.toLowerCase() : l.kind === 'value' ? l.v : null))))}.has(${ci ? `typeof (t = ${read}) === 'string' ? t.toLowerCase() : t` : read})`
				: `(${lits.map(l => eq(g, read, l, def)).join(' || ')})`;
			return op === 'IN' ? `(${any})` : `!(${any})`;
		}
		case 'LIKE':
			if (one.kind !== 'value' || typeof one.v !== 'string') throw env.filterError('LIKE needs a string');
			return `(typeof (t = ${read}) === 'string' && ${k(g, likeRegex(one.v))}.test(t))`;
		case '<':
		case '<=':
		case '>':
		case '>=':
			return order(g, read, op, one, def);
		default:
			throw env.unsupported(`the operator ${String(op)}`);
	}
}

type Lit =
	{kind: 'value'; v: FieldValue} | {kind: 'range'; lo: number | string; hi: number | string; loInclusive: boolean};

function literal(def: FieldDef, raw: string, type: string, n: number | undefined, env: WhereEnv): Lit {
	const mismatch = (want: string, quoted: boolean): Error =>
		env.filterError(
			`value of filter criterion for field '${def.name}' must be of type ${want} and should ${quoted ? '' : 'not '}be enclosed in quotes`,
		);
	if (type === 'NULL') return {kind: 'value', v: null};
	switch (def.type) {
		case 'boolean':
			if (type !== 'BOOLEAN') throw mismatch('boolean', false);
			return {kind: 'value', v: raw.toUpperCase() === 'TRUE'};
		case 'int':
			if (type !== 'INTEGER' && type !== 'DECIMAL') throw mismatch('double', false);
			return {kind: 'value', v: Number(raw)};
		case 'date':
		case 'datetime': {
			const isDate = def.type === 'date';
			if (type === 'DATE_LITERAL' || type === 'DATE_N_LITERAL') {
				const range = dateLiteralRange(raw.split(':')[0] ?? raw, n, env.nowMs, env.timeZone, env.weekStart);
				if (!range) throw env.unsupported(`the date literal ${raw}`);
				if (isDate) return {kind: 'range', lo: range.from, hi: range.to, loInclusive: true};
				const ir = instantRange(range, env.timeZone);
				return {kind: 'range', lo: ir.start, hi: ir.end, loInclusive: false};
			}
			if (isDate && type === 'DATE') return {kind: 'value', v: raw};
			if (!isDate && type === 'DATETIME') {
				const ms = parseDateTime(raw);
				if (ms === undefined) throw mismatch('dateTime', false);
				return {kind: 'value', v: ms};
			}
			throw mismatch(isDate ? 'date' : 'dateTime', false);
		}
		case 'id':
		case 'reference': {
			if (type !== 'STRING') throw mismatch('string', true);
			const s = unquote(raw);
			const id = normalizeId(s);
			if (!id) throw env.filterError(`invalid ID field: ${s}`);
			return {kind: 'value', v: id};
		}
		default:
			if (type !== 'STRING') throw mismatch('string', true);
			return {kind: 'value', v: unquote(raw)};
	}
}

/** SOQL string equality is case-insensitive; ids compare exactly in their 18-char form. */
function eq(g: Gen, read: string, l: Lit, def: FieldDef): string {
	if (l.kind === 'range') {
		// date ranges are inclusive of both days; dateTime ranges are [start, end)
		return `((t = ${read}) !== null && t >= ${k(g, l.lo)} && t ${l.loInclusive ? '<=' : '<'} ${k(g, l.hi)})`;
	}
	const v = l.v;
	if (v === null) return `(${read} === null)`;
	if (typeof v === 'string' && def.type !== 'id' && def.type !== 'reference' && def.type !== 'date') {
		return `(typeof (t = ${read}) === 'string' && t.toLowerCase() === ${k(g, v.toLowerCase())})`;
	}
	return `(${read} === ${k(g, v)})`;
}

function order(g: Gen, read: string, op: '<' | '<=' | '>' | '>=', l: Lit, def: FieldDef): string {
	if (l.kind === 'range') {
		const lo = k(g, l.lo);
		const hi = k(g, l.hi);
		const bound =
			op === '<'
				? `t < ${lo}`
				: op === '>='
					? `t >= ${lo}`
					: op === '>'
						? l.loInclusive
							? `t > ${hi}`
							: `t >= ${hi}`
						: l.loInclusive
							? `t <= ${hi}`
							: `t < ${hi}`;
		return `((t = ${read}) !== null && ${bound})`;
	}
	const v = l.v;
	if (v === null) return 'false';
	const ci = typeof v === 'string' && (def.type === 'string' || def.type === 'picklist' || def.type === 'email');
	const lhs = ci ? `(typeof t === 'string' ? t.toLowerCase() : t)` : 't';
	return `((t = ${read}) !== null && ${lhs} ${op} ${k(g, ci ? v.toLowerCase() : v)})`;
}

/** LIKE: `%` any run, `_` one char, `\%`/`\_` literal; case-insensitive (SOQL docs "Comparison Operators"). */
export function likeRegex(pattern: string): RegExp {
	let re = '';
	for (let k = 0; k < pattern.length; k++) {
		const ch = pattern[k] ?? '';
		if (ch === '\\' && (pattern[k + 1] === '%' || pattern[k + 1] === '_')) {
			re += pattern.charAt(++k);
		} else if (ch === '%') re += '[\\s\\S]*';
		else if (ch === '_') re += '[\\s\\S]';
		else re += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
	}
	return new RegExp(`^${re}$`, 'i');
}
