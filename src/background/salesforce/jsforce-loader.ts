/**
 * jsforce, evaluated when the worker first talks to Salesforce rather than when it starts (issue 23: jsforce
 * and its Node polyfills were four fifths of a cold start). An MV3 worker may not `import()` another file, so
 * the build turns this one dynamic import into code inlined in the worker's bundle and run on first call
 * (vite.config.ts, `inlineLazyImport`); under vitest and Node it is an ordinary dynamic import.
 */
export type JsforceCore = typeof import('jsforce/core');

export async function loadJsforce(): Promise<JsforceCore> {
	return import('jsforce/core');
}
