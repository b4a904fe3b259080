/** What goes into a store package (R42), shared by scripts/package.ts and the tests that check the packages. */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import type {ZipEntry} from './zip.js';

export type StoreBrowser = 'chrome' | 'firefox';

export function packageFileName(browser: StoreBrowser, version: string): string {
	return `tickler-${browser}-${version}.zip`;
}

/** Every file under `directory`, with `/`-separated relative paths, sorted. */
export function readPackageDirectory(directory: string): ZipEntry[] {
	const entries: ZipEntry[] = [];
	const walk = (relative: string): void => {
		for (const item of readdirSync(path.join(directory, relative), {withFileTypes: true})) {
			const itemPath = relative === '' ? item.name : `${relative}/${item.name}`;
			if (item.isDirectory()) walk(itemPath);
			else if (item.isFile()) entries.push({path: itemPath, data: readFileSync(path.join(directory, itemPath))});
		}
	};

	walk('');
	return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
