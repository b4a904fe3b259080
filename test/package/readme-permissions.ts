/** The README's "Permissions and why" table, read the way a reviewer reads it (R42). */
import {readFileSync} from 'node:fs';
import path from 'node:path';

export type PermissionRow = {permission: string; reason: string};

/** Rows like "| `storage` | why |" or "| Host `https://*.my.salesforce.com/*` | why |". */
export function readmePermissionRows(root: string): PermissionRow[] {
	const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
	const section = readme.split(/^## Permissions and why$/m)[1]?.split(/^## /m)[0];
	if (section === undefined) throw new Error('README.md has no "## Permissions and why" section');
	const rows: PermissionRow[] = [];
	for (const line of section.split('\n')) {
		const match = /^\|\s*(?:Host\s+)?`([^`]+)`\s*\|\s*(.*?)\s*\|$/.exec(line);
		if (match?.[1] !== undefined && match[2] !== undefined) rows.push({permission: match[1], reason: match[2]});
	}

	return rows;
}

/** What a manifest asks for: API permissions and host permissions, in one list. */
export function declaredPermissions(manifest: Record<string, unknown>): string[] {
	const list = (key: string): string[] => (Array.isArray(manifest[key]) ? (manifest[key] as string[]) : []);
	return [...list('permissions'), ...list('host_permissions'), ...list('optional_permissions')];
}
