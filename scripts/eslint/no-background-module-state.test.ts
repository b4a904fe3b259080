/**
 * RuleTester cases for the worker-state rule (engineering guide §2.2): what it must flag and what it must
 * leave alone. ESLint's RuleTester runs each case as a test through the describe/it it is given.
 */
import {RuleTester} from 'eslint';
import tseslint from 'typescript-eslint';
import {describe, it} from 'vitest';
import rule from './no-background-module-state.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({languageOptions: {parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module'}});

const container = {messageId: 'mutableContainer'} as const;

tester.run('no-background-module-state', rule, {
	valid: [
		'const LIMIT = 5;',
		"export const NAME = 'tickler';",
		"const CODES = ['A', 'B'] as const;",
		'const DELAYS = {idle: 1, active: 2} as const;',
		"const CODES = Object.freeze(['A', 'B']);",
		'const TABLE = Object.freeze({a: 1});',
		"const CODES: readonly string[] = ['A'];",
		'const TABLE: Readonly<Record<string, number>> = {a: 1};',
		'const IDS: ReadonlySet<string> = new Set(["a"]);',
		'const BY_ID: ReadonlyMap<string, number> = new Map();',
		'export const api: Readonly<{ping(): void}> = {ping() {}};',
		'const SHAPE = {a: 1} as const satisfies Record<string, number>;',
		'function f() { const seen = new Map(); let n = 0; const list = []; return {seen, n, list}; }',
		'export function g() { const cache = {}; return cache; }',
	],
	invalid: [
		{code: 'let count = 0;', errors: [{messageId: 'letState', data: {kind: 'let'}}]},
		{code: 'var count = 0;', errors: [{messageId: 'letState', data: {kind: 'var'}}]},
		{code: 'export let current;', errors: [{messageId: 'letState', data: {kind: 'let'}}]},
		{code: 'const cache = new Map();', errors: [container]},
		{code: 'const seen = new Set<string>();', errors: [container]},
		{code: 'const refs = new WeakMap();', errors: [container]},
		{code: 'const list = new Array();', errors: [container]},
		{code: 'const bag = new Object();', errors: [container]},
		{code: 'const queue = [];', errors: [container]},
		{code: "const queue = ['first'];", errors: [container]},
		{code: 'const state = {};', errors: [container]},
		{code: 'export const state = {running: false};', errors: [container]},
		{code: 'const state = {} as Record<string, number>;', errors: [container]},
		{code: 'const state = {a: 1} satisfies Record<string, number>;', errors: [container]},
		{code: 'const table: Record<string, number> = {};', errors: [container]},
		{code: 'const a = 1, b = [];', errors: [container]},
	],
});
