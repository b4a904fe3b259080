import {randomUUID} from 'node:crypto';
import manifest from '../../manifest.json' with {type: 'json'};
import type {Page} from 'playwright-core';
import {afterAll, beforeAll, expect, test, vi} from 'vitest';
import {type LocalOrg, startLocalOrg} from '../org/index.js';
import {type ExtensionSession, launchExtension} from './harness.js';
import {signIn} from './salesforce-routing.js';
import {ask, localDate} from './sync-fixture.js';
import {RECONNECT_COPY} from '../../src/shared/copy.js';

// R28, R29 end to end: an org with API Access Control refuses the browser session; the settings page says
// so and offers Connect; the OAuth flow runs in a real chrome.identity.launchWebAuthFlow window on the routed
// My Domain; the first sync works on the token; an expired token is refreshed silently; a revoked refresh
// token pauses with "Reconnect to Salesforce" and an edit made meanwhile goes up after reconnecting; a second
// user on the same My Domain never uses the first user's token; Disconnect revokes.

vi.setConfig({expect: {poll: {timeout: 20_000}}});

const REFUSED = "Your company's Salesforce doesn't let browser sessions use the API. Connect Tickler once to sync.";
let local: LocalOrg;
let session: ExtensionSession;
let settings: Page;
let clientId: string;
type TokenRow = {kind: string; userId: string; active: boolean; lastUsedAt?: number; token: string};
const tokens = () => local.org.oauth.tokens() as TokenRow[];
const tasksOf = (userId: string, subject: string) =>
	local.org.listTasks({ownerId: userId}).filter(task => task.Subject === subject);
const status = async () =>
	(await ask(settings, 'getSyncStatus')).value as {
		phase: string;
		pauseReason?: string;
		message?: string;
		lastSyncAt?: string;
	};

/** The auth window chrome.identity opened: allows Tickler on the org's approval page (signing in if asked). */
async function approveInAuthWindow(user: {username: string}): Promise<void> {
	let authPage: Page | undefined;
	await expect
		.poll(() => {
			authPage = session.context
				.pages()
				.find(page => /\/(services\/oauth2\/authorize|login|setup\/secur)/.test(page.url()) && !page.isClosed());
			return authPage !== undefined;
		})
		.toBe(true);
	const page = authPage as Page;
	await page.waitForLoadState('load');
	if ((await page.getByTestId('login-form').count()) > 0) {
		await page.getByTestId('username').fill(user.username);
		await page.locator('input[name=password]').fill('demo');
		await page.locator('[data-testid=login-form] [type=submit]').click();
	}

	await expect
		.poll(async () =>
			page
				.locator('#oauth-app-name')
				.count()
				.catch(() => 0),
		)
		.toBe(1);
	await expect.poll(async () => page.locator('#oauth-approval').textContent()).toContain(user.username);
	await page.locator('#oauth-approve').click();
}

async function connectInSettings(user: {username: string}): Promise<void> {
	await settings.getByLabel('Your My Domain').fill(session.hosts.myDomain);
	await settings.locator('#connect-salesforce').click();
	await approveInAuthWindow(user);
	await expect
		.poll(async () =>
			settings
				.locator('#connection-message')
				.textContent()
				.catch(() => ''),
		)
		.toContain(`Connected as ${user.username}`);
}

beforeAll(async () => {
	local = await startLocalOrg({seed: 'none'});
	session = await launchExtension({org: local});
	await signIn(session.context, local.org);
	// The admin's side: the External Client App with Tickler's callback URL, and API Access Control on.
	clientId = local.org.oauth.registerApp({
		name: 'Tickler',
		callbackUrls: [`https://${session.extensionId}.chromiumapp.org/`],
	}).clientId;
	local.org.setApiAccessControl(true);
	const rep = local.org.users.rep.id;
	local.org.createTask(rep, {Subject: 'Call Ana back', ActivityDate: localDate(0), OwnerId: rep});
	({page: settings} = await session.openExtensionPage('src/options/index.html'));
});

afterAll(async () => {
	await session.close();
	await local.close();
});

test('R28: API Access Control on → the settings page says so and offers Connect → launchWebAuthFlow → first sync on the token', async () => {
	// Issue 20: without a client id, Connect looks disabled (no pointer) and says why; the client id is the
	// admin's, under "For your Salesforce admin".
	const connect = settings.locator('#connect-salesforce');
	await expect.poll(async () => connect.isDisabled()).toBe(true);
	expect(await connect.evaluate(element => getComputedStyle(element).cursor)).toBe('not-allowed');
	expect(await settings.locator('#connect-why').innerText()).toContain('Enter the client id first');
	await settings.locator('#for-admin summary').click();
	await settings.getByLabel("Client id of Tickler's External Client App").fill(clientId);
	await settings.getByRole('button', {name: 'Save client id'}).click();
	await expect.poll(async () => settings.getByText('Client id saved.').count()).toBe(1);
	await expect.poll(async () => connect.isDisabled()).toBe(false);
	// click, not check: the refused box goes back to unticked.
	await settings.getByRole('checkbox', {name: 'Sync reminders with Salesforce Tasks'}).click();
	await expect
		.poll(async () =>
			settings
				.locator('#api-access-refused')
				.textContent()
				.catch(() => ''),
		)
		.toBe(REFUSED);
	// Issue 20: the popup says so too — not "Sync is off — turn it on in Settings", which would fail again.
	const refusedPopup = (await session.openExtensionPage('src/popup/index.html')).page;
	await expect.poll(async () => refusedPopup.locator('.status-text').innerText()).toContain(REFUSED);
	await refusedPopup.close();

	await connectInSettings(local.org.users.rep);
	await expect.poll(async () => (await status()).lastSyncAt).toBeDefined();
	expect((await status()).phase).not.toBe('paused');
	// Issue 20: success is said at the top, and the refusal met before does not stay beside it.
	await expect
		.poll(async () => settings.locator('#sync-state').textContent())
		.toBe(`Sync is on for ${local.org.users.rep.username}.`);
	expect(await settings.locator('#api-access-refused, #sync-error, .error').count()).toBe(0);
	const popup = (await session.openExtensionPage('src/popup/index.html')).page;
	await expect.poll(async () => popup.locator('.reminder .name').allTextContents()).toEqual(['Call Ana back']);
	expect(await popup.locator('.status-text').innerText()).not.toContain(REFUSED);
	await popup.close();
	// The token, not the cookie: the rep's access token was used, and it is Tickler's traffic (R29).
	const repToken = tokens().find(row => row.kind === 'access' && row.userId === local.org.users.rep.id);
	expect(repToken?.lastUsedAt).toBeDefined();
	const usage = (await (await fetch(`${local.url}/__org__/usage/clients`)).json()) as {
		byClient: Record<string, number>;
		byApp: Record<string, number>;
	};
	// R29: the call tag carries the version of the build under test (manifest.json's).
	expect(usage.byClient[`Tickler/${manifest.version}`]).toBeGreaterThan(0);
	expect(usage.byApp[clientId]).toBeGreaterThan(0);
	// Nothing of the token reached the page: not the settings the page was given, nor the export.
	const shown = JSON.stringify((await ask(settings, 'getConnectionSettings')).value);
	const stored = JSON.stringify(
		await session.worker.evaluate(async () => [
			await chrome.storage.local.get(null),
			await chrome.storage.session.get(null),
		]),
	);
	for (const row of tokens()) {
		expect(shown).not.toContain(row.token);
		// Not in storage a content script could be given either (R28): only the worker's own database holds them.
		expect(stored).not.toContain(row.token);
	}
});

test('R28: an expired access token is refreshed without the rep noticing', async () => {
	const before = (await status()).lastSyncAt;
	const accessTokensBefore = tokens().filter(row => row.kind === 'access').length;
	local.org.oauth.expireAccessTokens();
	await ask(settings, 'requestSync', {reason: 'user'});
	await expect.poll(async () => (await status()).lastSyncAt).not.toBe(before);
	expect((await status()).phase).not.toBe('paused');
	expect(tokens().filter(row => row.kind === 'access').length).toBeGreaterThan(accessTokensBefore);
});

test('R28: a revoked refresh token pauses with "Reconnect to Salesforce"; an edit made meanwhile reaches Salesforce after reconnecting', async () => {
	local.org.oauth.revokeRefreshTokens();
	const added = await ask(settings, 'addReminder', {
		id: randomUUID(),
		reminder: {
			name: 'Written while disconnected',
			status: 'open',
			priority: 'normal',
			dueDate: localDate(1),
			details: '',
		},
	});
	expect(added.ok).toBe(true);
	await expect.poll(async () => (await status()).pauseReason).toBe('reconnect');
	// R54: the reason, in plain words (the local org answers invalid_grant for a revoked refresh token).
	expect((await status()).message).toBe(RECONNECT_COPY.expired);
	expect(tasksOf(local.org.users.rep.id, 'Written while disconnected')).toEqual([]);
	await expect.poll(async () => settings.getByRole('button', {name: 'Reconnect to Salesforce'}).count()).toBe(1);

	// One click in the popup runs the flow again.
	const popup = (await session.openExtensionPage('src/popup/index.html')).page;
	await expect.poll(async () => popup.getByRole('status').first().textContent()).toContain('Reconnect to Salesforce');
	await popup.getByRole('button', {name: 'Reconnect'}).click();
	await approveInAuthWindow(local.org.users.rep);
	await expect.poll(() => tasksOf(local.org.users.rep.id, 'Written while disconnected').length).toBe(1);
	await popup.close();
	await expect.poll(async () => (await status()).pauseReason).toBeUndefined();
});

test("R2/R28: a second user on the same My Domain never uses the first user's token", async () => {
	const rep = local.org.users.rep;
	const rep2 = local.org.users.rep2;
	local.org.createTask(rep2.id, {Subject: 'Sam’s own Task', ActivityDate: localDate(0), OwnerId: rep2.id});
	const repTokenUse = () =>
		tokens()
			.filter(row => row.kind === 'access' && row.userId === rep.id)
			.map(row => row.lastUsedAt ?? 0)
			.reduce((a, b) => Math.max(a, b), 0);
	// rep2 signs in in this browser (same My Domain). Turning sync on for the current session is refused by the
	// org, and Tickler does not fall back on the rep's token.
	await signIn(session.context, local.org, rep2);
	const usedBefore = repTokenUse();
	const refused = await ask(settings, 'enableSync');
	expect(refused.error).toEqual({name: 'ApiAccessRefusedError', message: REFUSED});
	expect(repTokenUse()).toBe(usedBefore);

	// rep2 connects their own: their partition, their token, their Tasks; the rep's token stays unused.
	await connectInSettings(rep2);
	await expect
		.poll(async () => ((await ask(settings, 'getConnectionSettings')).value as {oauth: unknown[]}).oauth.length)
		.toBe(2);
	await expect.poll(async () => (await status()).lastSyncAt).toBeDefined();
	const popup = (await session.openExtensionPage('src/popup/index.html')).page;
	await expect.poll(async () => popup.locator('.reminder .name').allTextContents()).toEqual(['Sam’s own Task']);
	await popup.close();
	expect(repTokenUse()).toBe(usedBefore);
	const rep2Token = tokens().find(row => row.kind === 'access' && row.userId === rep2.id && row.active);
	expect(rep2Token?.lastUsedAt).toBeDefined();
});

test('R28/issue 20: the one Disconnect revokes the tokens at Salesforce and forgets the account here', async () => {
	const rep2 = local.org.users.rep2.id;
	expect(tokens().some(row => row.userId === rep2 && row.active)).toBe(true);
	expect(await settings.getByRole('button', {name: /Disconnect OAuth/}).count()).toBe(0);
	// The active account (rep2's) comes first; the rep's own is listed after as another account.
	await settings.getByRole('button', {name: 'Disconnect…'}).first().click();
	const confirm = settings.getByRole('group', {name: 'Confirm disconnect'});
	await expect.poll(async () => confirm.textContent()).toContain('is revoked too.');
	await confirm.getByRole('button', {name: 'Disconnect and delete local data'}).click();
	await expect
		.poll(() =>
			tokens()
				.filter(row => row.userId === rep2)
				.every(row => !row.active),
		)
		.toBe(true);
	const oauth = async () =>
		((await ask(settings, 'getConnectionSettings')).value as {oauth: Array<{partition: string}>}).oauth;
	await expect.poll(async () => (await oauth()).some(entry => entry.partition.endsWith(rep2))).toBe(false);
	// The rep's own connection is untouched (R2).
	expect((await oauth()).length).toBe(1);
});
