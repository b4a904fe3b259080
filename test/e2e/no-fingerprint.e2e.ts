import {readdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {type LocalOrg, startLocalOrg} from '../org/index.js';
import {type ExtensionSession, launchExtension} from './harness.js';
import {signIn} from './salesforce-routing.js';

// Issue 11, fingerprinting: a Salesforce page must not be able to tell that Tickler (or which version) is
// installed by fetching its files. The built manifest exposes nothing, and the content script is one
// self-contained file, so it needs nothing exposed to load (vite.config.ts).

const DIST = path.resolve(import.meta.dirname, '../../dist');
type BuiltManifest = {
	web_accessible_resources?: Array<{resources: string[]; use_dynamic_url?: boolean}>;
	content_scripts?: Array<{js?: string[]; css?: string[]}>;
};

let local: LocalOrg;
let session: ExtensionSession;

beforeAll(async () => {
	local = await startLocalOrg({seed: 'none'});
	session = await launchExtension({org: local});
	await signIn(session.context, local.org);
});

afterAll(async () => {
	await session.close();
	await local.close();
});

test('dist/manifest.json makes nothing web-accessible with a fixed URL; the content script is one file with no imports', async () => {
	const manifest = JSON.parse(await readFile(path.join(DIST, 'manifest.json'), 'utf8')) as BuiltManifest;
	for (const entry of manifest.web_accessible_resources ?? []) expect(entry.use_dynamic_url).toBe(true);
	const files = (manifest.content_scripts ?? []).flatMap(script => script.js ?? []);
	expect(files).toHaveLength(1);
	const code = await readFile(path.join(DIST, files[0]!), 'utf8');
	// No static or dynamic import: a classic content script that needs no other file of the extension.
	expect(code).not.toMatch(/\bimport\s*\(|^\s*import\s|\bimport\s*["'{*]/m);
});

test('a Salesforce page cannot fetch any file of the extension', async () => {
	const {page} = await session.openPage(`https://${session.hosts.lightning}/lightning/page/home`);
	const all = async (dir: string): Promise<string[]> =>
		(await readdir(path.join(DIST, dir), {withFileTypes: true})).flatMap(entry =>
			entry.isDirectory() ? [] : [path.posix.join(dir, entry.name)],
		);
	const files = [...(await all('.')), ...(await all('assets'))];
	expect(files).toContain('content-script.js');
	const reachable = await page.evaluate(
		async ({id, names}) => {
			const found: string[] = [];
			for (const name of names) {
				try {
					const response = await fetch(`chrome-extension://${id}/${name}`);
					if (response.ok) found.push(name);
				} catch {
					// Refused: not web-accessible.
				}
			}

			return found;
		},
		{id: session.extensionId, names: files.map(file => file.replace(/^\.\//, ''))},
	);
	expect(reachable).toEqual([]);
	await page.close();
});
