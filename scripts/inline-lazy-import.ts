import type {Plugin} from 'vite';

/**
 * Issue 23: jsforce evaluated on the worker's first request to Salesforce, not at each start. Browsers refuse
 * `import()` in a service worker (HTML spec: disallowed on ServiceWorkerGlobalScope), so a dynamic import in
 * the worker cannot load a chunk. This plugin rewrites the one `import('jsforce/core')` of
 * src/background/salesforce/jsforce-loader.ts into a `require()` the bundler resolves itself: the bundler then
 * keeps jsforce in the worker's own file but wraps it in an initialiser run at that first call (the lazy
 * evaluation the bundler gives an ES module reached by `require`). Under vitest the import stays an import.
 */
export function inlineLazyImport(specifier: string, inFile: RegExp): Plugin {
	// Either quote: the TypeScript transform before this one may print the specifier with double quotes.
	const dynamicImport = new RegExp(String.raw`\bimport\((['"])${specifier.replaceAll('/', String.raw`\/`)}\1\)`);
	return {
		name: 'tickler-inline-lazy-import',
		apply: 'build',
		transform(code, id) {
			if (!inFile.test(id)) return undefined;
			if (!dynamicImport.test(code)) throw new Error(`${id} no longer has import('${specifier}') to inline`);
			return {code: code.replace(dynamicImport, `Promise.resolve().then(() => require('${specifier}'))`), map: null};
		},
	};
}
