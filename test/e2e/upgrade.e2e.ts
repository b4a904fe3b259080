/**
 * R41: the store updates Tickler on its own and keeps everything. Real Chromium installs the released 0.1.0
 * build (test/upgrade/releases/, built from the release commit), syncs with the local org, and makes changes
 * the org has not seen (the session ended, so they wait in the outbox). Then the files are replaced with
 * this build and the extension reloads — what Chrome does when the store delivers an update — and every
 * reminder, pending change, link, setting and history row is still there; the pending changes reach
 * Salesforce once, after the rep signs in again.
 *
 * TICKLER_RECORD_UPGRADE_FIXTURE=1 also writes the database the old build left, just before the update, to
 * test/upgrade/fixtures/0.1.0-chrome.json (the unit upgrade test opens it).
 */
import {execFileSync} from 'node:child_process';
import {cp, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type {Page} from 'playwright-core';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {type LocalOrg, startLocalOrg} from '../org/index.js';
import {type DatabaseDump, dumpDatabase} from '../upgrade/idb-dump.js';
import {type ExtensionSession, launchExtension} from './harness.js';
import {expireSession, signIn} from './salesforce-routing.js';
import {ask, enableSyncInSettings, localDate, popupNames, syncNow} from './sync-fixture.js';

const root = path.resolve(import.meta.dirname, '../..');
const RELEASE_ZIP = path.join(root, 'test/upgrade/releases/tickler-chrome-0.1.0.zip');
const FIXTURE = path.join(root, 'test/upgrade/fixtures/0.1.0-chrome.json');
const DIST = path.join(root, 'dist');

let local: LocalOrg;
let session: ExtensionSession;
let extensionDir: string;
let before: DatabaseDump;
let after: DatabaseDump;
let repId: string;

type DeveloperPrivate = {updateProfileConfiguration(update: {inDeveloperMode: boolean}, done: () => void): void};
const store = (dump: DatabaseDump, name: string) =>
	dump.stores.find(candidate => candidate.name === name)?.records ?? [];
const values = (dump: DatabaseDump, name: string) =>
	store(dump, name).map(record => record.value as Record<string, unknown>);

async function dump(page: Page): Promise<DatabaseDump> {
	return page.evaluate(dumpDatabase, 'tickler');
}

beforeAll(async () => {
	extensionDir = await mkdtemp(path.join(tmpdir(), 'tickler-upgrade-'));
	execFileSync('unzip', ['-q', RELEASE_ZIP, '-d', extensionDir]);
	local = await startLocalOrg({seed: 'none'});
	repId = local.org.users.rep.id;
	local.org.createTask(repId, {Subject: 'Call Carla', ActivityDate: localDate(0), OwnerId: repId});
	local.org.createTask(repId, {Subject: 'Book travel', ActivityDate: localDate(1), OwnerId: repId});
	session = await launchExtension({org: local, extensionDir, firstRunPage: 'absent'});
	await signIn(session.context, local.org);
	// Chromium disables a command-line-loaded extension when it reloads ("unsupported developer extension")
	// unless developer mode is on — as it is for anyone who loads Tickler unpacked.
	const extensionsPage = await session.context.newPage();
	await extensionsPage.goto('chrome://extensions');
	await extensionsPage.evaluate(
		async () =>
			new Promise<void>(resolve => {
				// chrome://extensions' own API (not in @types/chrome): the Developer mode switch.
				const developer = (chrome as unknown as {developerPrivate: DeveloperPrivate}).developerPrivate;
				developer.updateProfileConfiguration({inDeveloperMode: true}, resolve);
			}),
	);
	await extensionsPage.close();
}, 120_000);

afterAll(async () => {
	await session.close();
	await local.close();
	await rm(extensionDir, {recursive: true, force: true});
});

test('R41: the released 0.1.0 build syncs and keeps changes it could not send yet', async () => {
	const manifest = await session.worker.evaluate(() => chrome.runtime.getManifest());
	expect(manifest.version).toBe('0.1.0');
	const settings = await enableSyncInSettings({local, org: local.org, session, close: async () => undefined});
	const {page: popup} = await session.openExtensionPage('src/popup/index.html');
	await expect.poll(async () => popupNames(popup), {timeout: 15_000}).toEqual(['Call Carla', 'Book travel']);

	// The session ends: what the rep does now stays in the outbox (R17, R20).
	await expireSession(session.context, local.org, {clearCookies: true});
	const added = await ask(popup, 'addReminder', {
		id: '5e0c1a52-3b1c-4a7e-9d07-0a0a0a0a0a01',
		reminder: {name: 'Written before the update', dueDate: localDate(0), details: 'kept across versions'},
	});
	expect(added.ok).toBe(true);
	const carla = values(await dump(settings), 'reminders').find(reminder => reminder['name'] === 'Call Carla');
	const edited = await ask(popup, 'editReminder', {id: carla?.['id'], patch: {name: 'Call Carla about renewal'}});
	expect(edited.ok).toBe(true);
	await expect.poll(async () => store(await dump(settings), 'outbox').length, {timeout: 15_000}).toBe(2);

	before = await dump(settings);
	expect(values(before, 'partitions')[0]).toMatchObject({enabled: true});
	expect(store(before, 'syncHistory').length).toBeGreaterThan(0);
	expect(values(before, 'reminders').filter(reminder => typeof reminder['taskId'] === 'string')).toHaveLength(2);
	if (process.env['TICKLER_RECORD_UPGRADE_FIXTURE'] === '1') {
		await writeFile(
			FIXTURE,
			`${JSON.stringify({recordedFrom: 'tickler-chrome-0.1.0.zip, test/e2e/upgrade.e2e.ts', ...before}, null, '\t')}\n`,
		);
	}
});

test('R41: replaced by this build and reloaded, it keeps every reminder, pending change, link, setting and history row', async () => {
	// What a store update does: new files in place of the old ones, then the extension restarts.
	for (const entry of await readdir(extensionDir))
		await rm(path.join(extensionDir, entry), {recursive: true, force: true});
	await cp(DIST, extensionDir, {recursive: true});
	// The worker is stopped wherever it is, as an update stops it; the reload throws as its target goes away.
	await session.worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
	const version = (JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {version: string}).version;
	let page: Page | undefined;
	await expect
		.poll(
			async () => {
				await page?.close();
				page = (await session.openExtensionPage('src/options/index.html').catch(() => undefined))?.page;
				return page?.evaluate(() => chrome.runtime.getManifest().version).catch(() => undefined);
			},
			{timeout: 30_000, interval: 500},
		)
		.toBe(version);
	expect(version).not.toBe('0.1.0');
	after = await dump(page as Page);
	expect(after.version).toBeGreaterThanOrEqual(before.version);
	for (const name of ['reminders', 'outbox', 'conflicts', 'checkpoints', 'meta']) {
		expect(store(after, name), name).toEqual(store(before, name));
	}

	// Settings survive (sync on, the Subject template, the account); the status line may move on.
	const settingsOf = (partition: Record<string, unknown>) => {
		const {status: _status, ...kept} = partition;
		return kept;
	};
	expect(values(after, 'partitions').map(settingsOf)).toEqual(values(before, 'partitions').map(settingsOf));
	// Every history row is still there (the new worker may add its own).
	expect(store(after, 'syncHistory').slice(0, store(before, 'syncHistory').length)).toEqual(
		store(before, 'syncHistory'),
	);
});

test('R41: after the update the pending changes reach Salesforce once, on the Tasks they were linked to', async () => {
	await signIn(session.context, local.org);
	const {page: popup} = await session.openExtensionPage('src/popup/index.html');
	await syncNow(popup);
	const subjects = () =>
		local.org
			.listTasks({ownerId: repId})
			.map(task => task.Subject)
			.sort();
	await expect
		.poll(subjects, {timeout: 20_000})
		.toEqual(['Book travel', 'Call Carla about renewal', 'Written before the update']);
	await expect.poll(async () => popupNames(popup)).toContain('Written before the update');
	await expect
		.poll(async () => (await ask(popup, 'getSyncStatus')).value)
		.toMatchObject({pendingCount: 0, errorCount: 0});
});
