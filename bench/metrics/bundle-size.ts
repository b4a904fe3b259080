import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {gzipSync} from 'node:zlib';
import {collectEntryFiles, type ManifestEntries, readManifestEntries} from '../lib/import-graph.js';
import type {FamilyResult, Metric} from '../report.js';

/**
 * bundle.{sw,popup,options,content}.bytes and .gzip.bytes: what each context loads from dist/, shared
 * chunks included (issue 6). Gzip is per file at level 9, summed — Chrome reads unpacked files from disk,
 * so gzip is a proxy for parse/transfer weight, the unit the targets are written in.
 */

const TARGETS = {
	popup: {value: 40 * 1024, source: 'issue 6: popup < 40 KB gzip'},
	content: {value: 15 * 1024, source: 'issue 6: content script < 15 KB gzip'},
} as const;

/** Strings that survive minification and give each library away (error class names, header names). */
const LIBRARY_MARKERS = {
	jsforce: [/jsforce/i, /sforce-limit-info/i, /\/services\/data\/v/],
	Dexie: [/\bDexie\b/, /DatabaseClosedError/, /MissingAPIError/],
} as const;

export type EntrySize = {
	files: string[];
	bytes: number;
	gzipBytes: number;
	text: string;
	gzipByFile: Map<string, number>;
};

export async function measureEntry(distDir: string, entries: readonly string[]): Promise<EntrySize> {
	const files = await collectEntryFiles(distDir, entries);
	let bytes = 0;
	let gzipBytes = 0;
	let text = '';
	const gzipByFile = new Map<string, number>();
	for (const file of files) {
		const content = await readFile(file);
		const gzipped = gzipSync(content, {level: 9}).byteLength;
		bytes += content.byteLength;
		gzipBytes += gzipped;
		gzipByFile.set(path.relative(distDir, file), gzipped);
		if (/\.(?:m?js|html|css)$/.test(file)) text += content.toString('utf8') + '\n';
	}

	return {files: files.map(file => path.relative(distDir, file)), bytes, gzipBytes, text, gzipByFile};
}

export function librariesIn(text: string): string[] {
	return Object.entries(LIBRARY_MARKERS)
		.filter(([, markers]) => markers.some(marker => marker.test(text)))
		.map(([library]) => library);
}

export async function measureBundles(distDir: string): Promise<FamilyResult> {
	const entries: ManifestEntries = await readManifestEntries(distDir);
	const metrics: Metric[] = [];
	const notes: NonNullable<FamilyResult['notes']> = [];
	for (const context of ['sw', 'popup', 'options', 'content'] as const) {
		if (entries[context].length === 0) {
			notes.push({text: `dist/manifest.json declares no ${context} entry`, problem: true});
			continue;
		}

		const size = await measureEntry(distDir, entries[context]);
		const target = context === 'popup' || context === 'content' ? TARGETS[context] : undefined;
		metrics.push({name: `bundle.${context}.bytes`, value: size.bytes, unit: 'B', note: `${size.files.length} files`});
		metrics.push({
			name: `bundle.${context}.gzip.bytes`,
			value: size.gzipBytes,
			unit: 'B',
			...(target && {reference: {value: target.value, comparison: 'below' as const, source: target.source}}),
		});
		if (target && size.gzipBytes >= target.value) {
			// Say where the bytes are, so a missed budget points at its cause.
			const largest = [...size.gzipByFile].sort((a, b) => b[1] - a[1]).slice(0, 4);
			notes.push({
				text: `${context} is over budget; largest files (gzip): ${largest.map(([file, gz]) => `${file} ${(gz / 1024).toFixed(1)} KB`).join(', ')}`,
				problem: true,
			});
		}

		if (context === 'content') {
			const found = librariesIn(size.text);
			metrics.push({
				name: 'bundle.content.forbiddenLibraries',
				value: found.length,
				unit: '',
				reference: {value: 0, comparison: 'at-most', source: 'issue 6: no jsforce or Dexie in the content script'},
			});
			notes.push(
				found.length === 0
					? {text: `content script (${size.files.join(', ')}) contains neither jsforce nor Dexie`, problem: false}
					: {text: `content script contains ${found.join(' and ')} (${size.files.join(', ')})`, problem: true},
			);
		}
	}

	return {family: 'bundle', metrics, notes};
}
