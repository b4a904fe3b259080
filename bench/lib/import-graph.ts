import {readFile} from 'node:fs/promises';
import path from 'node:path';

/**
 * Follows what one extension entry loads in dist/: an HTML page's scripts, module preloads and
 * stylesheets; a JS file's static imports, literal dynamic imports, and `chrome.runtime.getURL("…js")`
 * (crxjs's content-script loader imports the real chunk that way). Shared chunks are therefore
 * counted for every entry that loads them. Dynamic imports are counted as loaded, which over-counts
 * a lazily loaded route; that errs on the side of a larger figure.
 */

const HTML_REFERENCES = [
	/<script\b[^>]*\bsrc=["']([^"']+)["']/gi,
	/<link\b[^>]*\brel=["'](?:modulepreload|stylesheet)["'][^>]*\bhref=["']([^"']+)["']/gi,
	/<link\b[^>]*\bhref=["']([^"']+)["'][^>]*\brel=["'](?:modulepreload|stylesheet)["']/gi,
];

const JS_REFERENCES = [
	// import x from "./a.js"; import "./a.js"; export {x} from "./a.js" (minified: no spaces)
	/(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"'\n]+\.(?:js|mjs|css))["']/g,
	/\bimport\(\s*["']([^"'\n]+\.(?:js|mjs|css))["']\s*\)/g,
	/\bgetURL\(\s*["']([^"'\n]+\.(?:js|mjs|css))["']\s*\)/g,
];

function referencesIn(text: string, patterns: readonly RegExp[]): string[] {
	return patterns.flatMap(pattern => [...text.matchAll(pattern)].map(match => match[1]!));
}

/** Resolves a reference the way the browser would: `/x` from the extension root, `./x` from the importing file. */
function resolveReference(distDir: string, fromFile: string, reference: string): string | undefined {
	if (/^[a-z][a-z\d+.-]*:/i.test(reference)) return undefined; // http:, data:, chrome-extension: — not ours to count
	const clean = reference.split(/[?#]/)[0]!;
	if (clean.startsWith('/')) return path.join(distDir, clean);
	// getURL("assets/x.js") is relative to the extension root, not to the file.
	if (!clean.startsWith('.')) return path.join(distDir, clean);
	return path.resolve(path.dirname(fromFile), clean);
}

/** Every file (absolute paths, entry first) that loading `entries` pulls in. */
export async function collectEntryFiles(distDir: string, entries: readonly string[]): Promise<string[]> {
	const seen = new Set<string>();
	const queue = entries.map(entry => path.join(distDir, entry));
	while (queue.length > 0) {
		const file = queue.shift()!;
		if (seen.has(file)) continue;
		seen.add(file);
		const extension = path.extname(file);
		if (extension !== '.html' && extension !== '.js' && extension !== '.mjs') continue;
		const text = await readFile(file, 'utf8');
		const references = referencesIn(text, extension === '.html' ? HTML_REFERENCES : JS_REFERENCES);
		for (const reference of references) {
			const resolved = resolveReference(distDir, file, reference);
			if (resolved && resolved.startsWith(distDir) && !seen.has(resolved)) queue.push(resolved);
		}
	}

	return [...seen];
}

export type ManifestEntries = {sw: string[]; popup: string[]; options: string[]; content: string[]};

type BuiltManifest = {
	background?: {service_worker?: string};
	action?: {default_popup?: string};
	options_page?: string;
	options_ui?: {page?: string};
	content_scripts?: {js?: string[]; css?: string[]}[];
};

/** Reads the entry points of each extension context from dist/manifest.json (the built one, with hashed names). */
export async function readManifestEntries(distDir: string): Promise<ManifestEntries> {
	const manifest = JSON.parse(await readFile(path.join(distDir, 'manifest.json'), 'utf8')) as BuiltManifest;
	const optional = (value: string | undefined) => (value ? [value] : []);
	return {
		sw: optional(manifest.background?.service_worker),
		popup: optional(manifest.action?.default_popup),
		options: optional(manifest.options_ui?.page ?? manifest.options_page),
		content: (manifest.content_scripts ?? []).flatMap(script => [...(script.js ?? []), ...(script.css ?? [])]),
	};
}
