/**
 * No remote code, no code from strings (R42; Chrome Web Store "no remote code", salesforce-facts.md §13.7;
 * `web-ext lint` DANGEROUS_EVAL). Tickler's own code never builds code from strings, but jsforce's browser
 * dependencies carry a few fallbacks that do — each unreachable in an extension (they run only where
 * `globalThis`, `Function.prototype.bind` or a function callback is missing), yet present in the package, and
 * a reviewer or linter cannot tell that. This build step rewrites exactly those fallbacks to code-free
 * equivalents. Each rewrite must match (an upgraded dependency that changed its code fails the build, so
 * nothing slips back in silently), and `findDynamicCode` is the check the tests run over the packages.
 */
import type {Plugin} from 'vite';

type Rewrite = {module: RegExp; from: string; to: string; why: string};

const REWRITES: Rewrite[] = [
	{
		module: /\/node_modules\/core-js(-pure)?\/internals\/global-this\.js$/,
		from: "Function('return this')()",
		to: 'globalThis',
		why: 'last-resort global lookup; globalThis exists in every browser Tickler supports',
	},
	{
		module: /\/node_modules\/@babel\/runtime(-corejs3)?\/regenerator\/index\.js$/,
		from: 'Function("r", "regeneratorRuntime = r")(runtime);',
		to: 'void runtime;',
		why: 'strict-mode fallback used only when globalThis is missing',
	},
	{
		module: /\/node_modules\/setimmediate\/setImmediate\.js$/,
		from: 'callback = new Function("" + callback);',
		to: 'throw new TypeError("setImmediate: callback must be a function");',
		why: 'string callbacks; nothing in Tickler passes one',
	},
	{
		module: /\/node_modules\/get-intrinsic\/index\.js$/,
		from: "'%eval%': eval,",
		to: "'%eval%': undefined,",
		why: 'a table of intrinsics that lists eval; nothing asks for %eval%',
	},
	{
		module: /\/node_modules\/function-bind\/implementation\.js$/,
		from: "bound = Function('binder', 'return function (' + joiny(boundArgs, ',') + '){ return binder.apply(this,arguments); }')(binder);",
		to: 'bound = function () { return binder.apply(this, arguments); };',
		why: 'the polyfill of Function.prototype.bind, used only where the native one is missing',
	},
];

export function noDynamicCode(): Plugin {
	return {
		name: 'tickler-no-dynamic-code',
		enforce: 'pre',
		transform(code, id) {
			const path = id.split('?')[0] ?? id;
			let out = code;
			for (const rewrite of REWRITES) {
				if (!rewrite.module.test(path)) continue;
				if (!out.includes(rewrite.from)) {
					this.error(`no-dynamic-code: ${path} no longer contains the expected fallback (${rewrite.why}); review it`);
				}

				out = out.split(rewrite.from).join(rewrite.to);
			}

			return out === code ? null : {code: out, map: null};
		},
	};
}

export type DynamicCodeFinding = {pattern: string; excerpt: string};

/**
 * Code from strings or from elsewhere, as a store reviewer looks for it: eval, the Function constructor,
 * string timers, and scripts or imports from http(s) URLs. Run over every packaged .js and .html file.
 */
const PATTERNS: Array<{name: string; regex: RegExp}> = [
	{name: 'eval', regex: /(?<![\w$.%'"`])eval(?![\w%]|\s*:)/g},
	{name: 'new Function', regex: /new\s+Function\s*\(/g},
	{name: 'Function constructor', regex: /(?<![\w$.])Function\s*\(\s*[`'"]/g},
	{name: 'string timer', regex: /set(?:Timeout|Interval)\s*\(\s*[`'"]/g},
	{name: 'remote script', regex: /<script[^>]+src\s*=\s*["']?(?:https?:)?\/\//gi},
	{name: 'remote import', regex: /(?:import\s*\(\s*|importScripts\s*\(\s*|from\s*)[`'"](?:https?:)?\/\//g},
];

export function findDynamicCode(text: string): DynamicCodeFinding[] {
	const findings: DynamicCodeFinding[] = [];
	for (const {name, regex} of PATTERNS) {
		for (const match of text.matchAll(regex)) {
			const at = match.index;
			findings.push({pattern: name, excerpt: text.slice(Math.max(0, at - 60), at + 60)});
		}
	}

	return findings;
}
