// WHERE evaluation over the @jetstreamapp/soql-parser-js AST. The parser gives a right-leaning chain with
// parenthesis counts on each condition, so we flatten it to tokens and rebuild a tree (NOT > AND > OR).

import type {Condition, WhereClause} from '@jetstreamapp/soql-parser-js';
import {normalizeId} from './ids.js';
import {dateLiteralRange, instantRange} from './soql-dates.js';
import {parseDateTime} from './dates.js';
import type {FieldDef} from './schema.js';
import type {FieldValue, SRecord} from './store.js';

export type Predicate = (r: SRecord) => boolean;
export type Accessor = {def: FieldDef; get: (r: SRecord) => FieldValue | undefined; path: string};
export type WhereEnv = {
	resolve: (path: string) => Accessor; // throws SOQL errors for unknown fields
	filterError: (message: string) => Error;
	nowMs: number;
	timeZone: string;
	/** Called for `OwnerId = 'x'` / `OwnerId IN (...)` at the top level, so the owner index can be used. */
	ownerHint?: (ids: string[]) => void;
};

type Tok = {t: '('} | {t: ')'} | {t: 'AND'} | {t: 'OR'} | {t: 'NOT'} | {t: 'C'; c: Condition};

function flatten(w: WhereClause | undefined, out: Tok[]): void {
	if (!w) return;
	const left = w.left as (Condition & {openParen?: number; closeParen?: number}) | null;
	if (left && 'field' in left) {
		for (let i = 0; i < (left.openParen ?? 0); i++) out.push({t: '('});
		out.push({t: 'C', c: left});
		for (let i = 0; i < (left.closeParen ?? 0); i++) out.push({t: ')'});
	} else if (left && 'openParen' in left) {
		for (let i = 0; i < (left.openParen ?? 0); i++) out.push({t: '('});
	}
	if ('operator' in w) out.push({t: w.operator});
	if ('right' in w) flatten(w.right, out);
}

export function compileWhere(where: WhereClause, env: WhereEnv): Predicate {
	const toks: Tok[] = [];
	flatten(where, toks);
	let i = 0;
	let depth = 0;
	const peek = (): Tok | undefined => toks[i];
	const orExpr = (): Predicate => {
		const parts = [andExpr()];
		while (peek()?.t === 'OR') {
			i++;
			parts.push(andExpr());
		}
		return parts.length === 1 ? (parts[0] as Predicate) : r => parts.some(p => p(r));
	};
	const andExpr = (): Predicate => {
		const parts = [notExpr()];
		while (peek()?.t === 'AND') {
			i++;
			parts.push(notExpr());
		}
		if (parts.length === 1) return parts[0] as Predicate;
		const [a, b] = parts;
		if (parts.length === 2 && a && b) return r => a(r) && b(r);
		return r => {
			for (const p of parts) if (!p(r)) return false;
			return true;
		};
	};
	const notExpr = (): Predicate => {
		if (peek()?.t === 'NOT') {
			i++;
			const inner = notExpr();
			return r => !inner(r);
		}
		return primary();
	};
	const primary = (): Predicate => {
		const tok = toks[i++];
		if (tok?.t === '(') {
			depth++;
			const inner = orExpr();
			if (toks[i++]?.t !== ')') throw env.filterError('unbalanced parentheses');
			depth--;
			return inner;
		}
		if (tok?.t === 'C')
			return compileCondition(tok.c, env, depth === 0 && !toks.some(t => t.t === 'OR' || t.t === 'NOT'));
		throw env.filterError('unexpected token in WHERE');
	};
	return orExpr();
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

type Cmp = (a: FieldValue) => boolean;

function compileCondition(c: Condition, env: WhereEnv, topLevelAnd: boolean): Predicate {
	if (!('field' in c)) throw env.filterError('functions in WHERE are not supported by the local org');
	const acc = env.resolve(c.field);
	const {def} = acc;
	const op = c.operator;
	const values = Array.isArray(c.value) ? c.value : [c.value];
	const types = Array.isArray(c.literalType) ? c.literalType : values.map(() => c.literalType);
	const nArgs = 'dateLiteralVariable' in c ? c.dateLiteralVariable : undefined;
	const nList = Array.isArray(nArgs) ? nArgs : values.map(() => nArgs);
	const lits = values.map((v, k) => literal(def, v, String(types[k] ?? ''), nList[k], env));
	if (topLevelAnd && env.ownerHint && acc.path === 'OwnerId' && (op === '=' || op === 'IN')) {
		env.ownerHint(lits.map(l => (l.kind === 'value' ? String(l.v) : '')));
	}
	const get = acc.get;
	const one = lits[0];
	if (!one) throw env.filterError('missing value');
	let test: Cmp;
	switch (op) {
		case '=':
			test = eq(one, def);
			break;
		case '!=': {
			const e = eq(one, def);
			test = a => !e(a);
			break;
		}
		case 'IN':
		case 'NOT IN': {
			const tests = lits.map(l => eq(l, def));
			test = op === 'IN' ? a => tests.some(t => t(a)) : a => !tests.some(t => t(a));
			break;
		}
		case 'LIKE': {
			if (one.kind !== 'value' || typeof one.v !== 'string') throw env.filterError('LIKE needs a string');
			const re = likeRegex(one.v);
			test = a => typeof a === 'string' && re.test(a);
			break;
		}
		case '<':
		case '<=':
		case '>':
		case '>=':
			test = order(op, one, def);
			break;
		default:
			throw env.filterError(`operator ${op} is not supported by the local org`);
	}
	return r => test(get(r) ?? null);
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
				const range = dateLiteralRange(raw.split(':')[0] ?? raw, n, env.nowMs, env.timeZone);
				if (!range) throw env.filterError(`date literal ${raw} is not supported by the local org`);
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
function eq(l: Lit, def: FieldDef): Cmp {
	if (l.kind === 'range') {
		const {lo, hi, loInclusive} = l;
		// date ranges are inclusive of both days; dateTime ranges are [start, end)
		return loInclusive ? a => a !== null && a >= lo && a <= hi : a => a !== null && a >= lo && a < hi;
	}
	const v = l.v;
	if (v === null) return a => a === null;
	if (typeof v === 'string' && def.type !== 'id' && def.type !== 'reference' && def.type !== 'date') {
		const lower = v.toLowerCase();
		return a => typeof a === 'string' && a.toLowerCase() === lower;
	}
	return a => a === v;
}

function order(op: '<' | '<=' | '>' | '>=', l: Lit, def: FieldDef): Cmp {
	if (l.kind === 'range') {
		const {lo, hi, loInclusive} = l;
		switch (op) {
			case '<':
				return a => a !== null && a < lo;
			case '>=':
				return a => a !== null && a >= lo;
			case '>':
				return loInclusive ? a => a !== null && a > hi : a => a !== null && a >= hi;
			default:
				return loInclusive ? a => a !== null && a <= hi : a => a !== null && a < hi;
		}
	}
	const v = l.v;
	if (v === null) return () => false;
	const ci = typeof v === 'string' && (def.type === 'string' || def.type === 'picklist' || def.type === 'email');
	const b = ci ? v.toLowerCase() : v;
	const norm = (a: FieldValue): FieldValue => (ci && typeof a === 'string' ? a.toLowerCase() : a);
	switch (op) {
		case '<':
			return a => a !== null && (norm(a) as number) < (b as number);
		case '<=':
			return a => a !== null && (norm(a) as number) <= (b as number);
		case '>':
			return a => a !== null && (norm(a) as number) > (b as number);
		default:
			return a => a !== null && (norm(a) as number) >= (b as number);
	}
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
