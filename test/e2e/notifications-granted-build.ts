/**
 * R31 e2e: `notifications` is an optional permission (granted when the rep accepts Chrome's prompt). The e2e
 * cannot accept that prompt: `chrome.permissions.request` from a real click in an extension page opens
 * Chrome's own permission dialog, which headless Chromium shows and Playwright cannot reach (tried: the
 * request stays pending and nothing is granted). So a test that needs the permission loads a copy of dist/
 * whose manifest lists `notifications` under `permissions` — Chrome grants an unpacked extension's required
 * permissions when it loads it (developer.chrome.com, "Declare permissions") — the same code, granted the way
 * a rep's accepted prompt would leave it. Everything else is dist/ byte for byte.
 */
import {cp, mkdtemp, readFile, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';

const DIST = path.resolve(import.meta.dirname, '../../dist');

export async function buildWithNotificationsGranted(): Promise<string> {
	const dir = await mkdtemp(path.join(tmpdir(), 'tickler-notifications-granted-'));
	await cp(DIST, dir, {recursive: true});
	const manifestPath = path.join(dir, 'manifest.json');
	const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as {
		permissions: string[];
		optional_permissions?: string[];
	};
	if (!manifest.optional_permissions?.includes('notifications'))
		throw new Error('dist/manifest.json no longer lists notifications as optional: update this helper');
	manifest.permissions = [...manifest.permissions, 'notifications'];
	manifest.optional_permissions = manifest.optional_permissions.filter(name => name !== 'notifications');
	await writeFile(manifestPath, JSON.stringify(manifest, null, 2));
	return dir;
}
