import {createHash} from 'node:crypto';
import {cp, mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type {Page} from 'playwright-core';
import {afterAll, beforeAll, expect, test, vi} from 'vitest';
import {type LocalOrg, startLocalOrg} from '../org/index.js';
import {type ExtensionSession, launchExtension} from './harness.js';
import {signIn} from './salesforce-routing.js';
import {ask} from './sync-fixture.js';

// R30 end to end: an admin presets Tickler through real browser policy — Debian's Chromium reads
// /etc/chromium/policies/managed/*.json at start-up, and the `3rdparty.extensions.<id>` part becomes
// `chrome.storage.managed` for an extension whose manifest names a `managed_schema` (salesforce-facts.md §13.2).
// The test loads its own copy of the build (an unpacked extension's id is its path's), and the file names only
// that copy's id: every other Chromium — other e2e files running at the same time included — is unaffected. It
// is removed afterwards. Writing it needs root (as the e2e machine runs): the test says so if it cannot.

vi.setConfig({expect: {poll: {timeout: 20_000}}});

const POLICY_DIR = '/etc/chromium/policies/managed';
const DIST = path.resolve(import.meta.dirname, '../../dist');
/** Chromium's id for an unpacked extension: SHA-256 of its path, the first 32 hex digits mapped to a–p. */
const idOfPath = (dir: string) =>
	createHash('sha256')
		.update(dir)
		.digest('hex')
		.slice(0, 32)
		.replaceAll(/[0-9a-f]/g, digit => String.fromCharCode(97 + Number.parseInt(digit, 16)));
let copyDir: string;
let extensionId: string;
let policyFile: string;
const PRESETS = {
	oauthClientId: '3MVG9presetByPolicy',
	allowedMyDomainHosts: ['acme-only.my.salesforce.com'],
	subjectTemplate: 'Tickler: {{activity_subject}}',
};

let local: LocalOrg;
let session: ExtensionSession;
let settings: Page;

beforeAll(async () => {
	copyDir = await mkdtemp(path.join(tmpdir(), 'tickler-admin-presets-'));
	await cp(DIST, copyDir, {recursive: true});
	extensionId = idOfPath(copyDir);
	policyFile = path.join(POLICY_DIR, `tickler-e2e-${extensionId}.json`);
	try {
		await mkdir(POLICY_DIR, {recursive: true});
		await writeFile(policyFile, JSON.stringify({'3rdparty': {extensions: {[extensionId]: PRESETS}}}));
	} catch (error) {
		throw new Error(`R30 e2e needs to write a Chromium policy file in ${POLICY_DIR} (run as root): ${String(error)}`);
	}

	local = await startLocalOrg({seed: 'none'});
	session = await launchExtension({org: local, extensionDir: copyDir});
	expect(session.extensionId).toBe(extensionId);
	await signIn(session.context, local.org);
	({page: settings} = await session.openExtensionPage('src/options/index.html'));
});

afterAll(async () => {
	await rm(policyFile, {force: true});
	await session.close();
	await local.close();
	await rm(copyDir, {recursive: true, force: true});
});

test('R30: the policy reaches chrome.storage.managed and the settings page shows it as set by the admin', async () => {
	const reply = await ask(settings, 'getConnectionSettings');
	expect((reply.value as {presets: unknown}).presets).toEqual(PRESETS);
	// Issue 20: the admin supplied the client id, so the rep never meets it; Connect is ready.
	await expect.poll(async () => settings.locator('#connect-salesforce').isDisabled()).toBe(false);
	expect(await settings.getByLabel("Client id of Tickler's External Client App").count()).toBe(0);
	expect(await settings.locator('body').innerText()).not.toContain(PRESETS.oauthClientId);
	await expect
		.poll(async () =>
			settings.getByText('Set by your administrator: Tickler syncs only with acme-only.my.salesforce.com').count(),
		)
		.toBe(1);
});

test('R30: a My Domain the admin did not allow is refused with a clear message; nothing is synced', async () => {
	// click, not check: the refused box goes back to unticked.
	await settings.getByRole('checkbox', {name: 'Sync reminders with Salesforce Tasks'}).click();
	await expect
		.poll(async () => settings.getByRole('alert').allTextContents())
		.toContain(
			`Your admin has not allowed Tickler to sync with ${session.hosts.myDomain}. Ask your Salesforce admin which org to use.`,
		);
	expect(((await ask(settings, 'getSyncStatus')).value as {phase: string}).phase).toBe('off');
	expect(local.org.requests.filter(entry => entry.path.startsWith('/services/data/'))).toEqual([]);
});
