/**
 * The model's OAuth connection with rotating refresh tokens (R28, R54, issue 19). The rep connects once
 * (`oauthConnect`): an app with rotation on, a grant, the tokens stored as the worker stores them; from then on
 * every port is the worker's (portForTokens on the stored tokens, one shared lock manager standing in for
 * navigator.locks, a new one when the worker restarts). Access tokens expire (`tokenExpiry`, and the
 * invalidSession fault), so ports refresh: each refresh rotates the refresh token and kills the one it used,
 * and a sync may run while a badge lookup on its own port refreshes at the same time.
 *
 * The invariant: the grant is never lost — after settling, the stored refresh token is the grant's one live
 * token at the org and the tokens are not marked for reconnecting. One loss is not Tickler's to avoid: a
 * refresh Salesforce carried out whose answer never arrived (the connection dropped after the rotation, or the
 * client gave up first); then the rep is asked to reconnect (R54: say so, don't loop), and the model reconnects.
 */
import {IDBFactory, IDBKeyRange} from 'fake-indexeddb';
import {portForTokens, type RefreshLocks} from '@/background/oauth/oauth-port.js';
import {type CredentialsDb, openCredentialsDb, readTokens, saveTokens} from '@/background/oauth/token-store.js';
import {createMemoryLock} from '@/background/sync/lock.js';
import {createFakeLocks, type FakeLocks} from '../fakes/web-locks.js';
import {TOKEN_PATH} from '../org/oauth/oauth-routes.js';
import type {Harness} from './harness.js';

export type OAuthMove = {kind: 'oauthConnect'} | {kind: 'tokenExpiry'};

export type ModelOAuth = {
	credentials: CredentialsDb;
	/** The worker's navigator.locks: shared by the cycle's port and the badge's, new after a restart. */
	locks: FakeLocks;
	clientId: string;
	/**
	 * Refresh tokens sent in a refresh whose answer never arrived (dropped, or given up on after the run's
	 * timeout). If Salesforce carried that refresh out, the token is dead and its successor never reached
	 * Tickler: the grant is gone, and only a reconnect helps (see above).
	 */
	unanswered: Set<string>;
	/** Connections made (the first, and one per reconnect after a lost answer). */
	connects: number;
	/** R54: started when the next refresh is sent — a badge lookup on the tokens that refresh is replacing. */
	racer: (() => Promise<void>) | undefined;
	/** Racers started and not yet awaited. */
	racing: Array<Promise<void>>;
	/** Called when a port asks for the refresh lock (the racing refresh waits for it). */
	lockAsked: (() => void) | undefined;
};

const HOST = 'tickler-model.my.salesforce.com';
const REDIRECT = 'https://model.chromiumapp.org/';

/** The org's refresh tokens of the rep for this app (test/org/oauth/oauth.ts `tokens()`). */
function refreshTokens(h: Harness, clientId: string): Array<{token: string; grantId: string; active: boolean}> {
	return h.org.oauth
		.tokens()
		.filter(t => t['kind'] === 'refresh' && t['clientId'] === clientId && t['userId'] === h.repId)
		.map(t => ({token: String(t['token']), grantId: String(t['grantId']), active: t['active'] === true}));
}

/** The extension's fetch to the rep's My Domain, reaching the local org; a request the org holds gives up. */
function orgFetch(h: Harness, oauth: ModelOAuth): typeof fetch {
	return async (input, init) => {
		const url = (input instanceof Request ? input.url : String(input)).replace(`https://${HOST}`, h.local.url);
		const racer = url.endsWith(TOKEN_PATH) ? takeRacer(oauth) : undefined;
		if (racer) {
			// The badge's port is built now, on the access token this refresh replaces, and this refresh waits
			// until the badge's own refresh asks for the lock (or 100 ms): both refresh at once, as R54 fears.
			const asked = new Promise<void>(resolve => {
				oauth.lockAsked = resolve;
			});
			oauth.racing.push(racer());
			await Promise.race([asked, new Promise(resolve => setTimeout(resolve, 100))]);
			oauth.lockAsked = undefined;
		}

		try {
			return await fetch(url, {...init, signal: AbortSignal.timeout(h.timeoutMs)});
		} catch (error) {
			// The org may carry the refresh out even after the client gave up: judged when settling.
			const sent = new URLSearchParams(typeof init?.body === 'string' ? init.body : '').get('refresh_token');
			if (url.endsWith(TOKEN_PATH) && sent !== null) oauth.unanswered.add(sent);
			throw error;
		}
	};
}

/** The rep connects with Salesforce (or again, after a lost answer): a new grant, stored for the worker. */
export async function connect(h: Harness, current: ModelOAuth | undefined): Promise<ModelOAuth> {
	const oauth: ModelOAuth = current ?? {
		credentials: openCredentialsDb({name: 'model-credentials', indexedDB: new IDBFactory(), IDBKeyRange}),
		locks: createFakeLocks(),
		clientId: h.org.oauth.registerApp({callbackUrls: [REDIRECT], rotateRefreshTokens: true}).clientId,
		unanswered: new Set(),
		connects: 0,
		racer: undefined,
		racing: [],
		lockAsked: undefined,
	};
	const code = h.org.oauth.issueCode({
		clientId: oauth.clientId,
		userId: h.repId,
		redirectUri: REDIRECT,
		challenge: undefined,
		scopes: ['api', 'refresh_token'],
		state: null,
	});
	const granted = h.org.oauth.redeemCode({code, clientId: oauth.clientId, redirectUri: REDIRECT, verifier: null});
	if (!granted.ok || granted.grant.refreshToken === undefined) throw new Error('model: the OAuth grant was refused');
	await saveTokens(oauth.credentials, {
		partition: h.partition,
		host: HOST,
		instanceHost: HOST,
		clientId: oauth.clientId,
		accessToken: granted.grant.accessToken,
		refreshToken: granted.grant.refreshToken,
		connectedAt: h.clock.now(),
	});
	oauth.connects++;
	await openPort(h, oauth);
	return oauth;
}

/** A port as the worker builds one per cycle: on the stored tokens, refreshing under the shared lock (R54). */
export async function tokenPort(h: Harness, oauth: ModelOAuth): Promise<NonNullable<Harness['sf']>> {
	const tokens = await readTokens(oauth.credentials, h.partition);
	if (!tokens) throw new Error('model: the OAuth tokens are gone');
	return portForTokens(tokens, {
		credentials: oauth.credentials,
		fetchImpl: orgFetch(h, oauth),
		baseUrl: () => h.local.url,
		locks: {request: async (...args: Parameters<FakeLocks['request']>) => asking(oauth, args)} as RefreshLocks,
		timeoutMs: h.timeoutMs,
		// The run's clock, as the session ports have it (harness.ts), not this machine's.
		now: () => h.clock.now(),
	});
}

/** The shared lock manager, telling a waiting racer that a refresh asked for the lock. */
async function asking(oauth: ModelOAuth, args: Parameters<FakeLocks['request']>): Promise<unknown> {
	oauth.lockAsked?.();
	return oauth.locks.request(...args);
}

export async function openPort(h: Harness, oauth: ModelOAuth, restart = false): Promise<void> {
	if (restart) {
		// A stopped worker's Web Locks are released; the new one starts with none.
		oauth.locks = createFakeLocks();
		h.lock = createMemoryLock();
	}

	h.sf = await tokenPort(h, oauth);
}

/**
 * Before a settling cycle: tokens marked for reconnecting are allowed only after a lost answer, and the rep
 * then reconnects. Anything else lost the grant (two refreshes raced, a rotated token was not kept): R54.
 */
export async function keepConnected(h: Harness, oauth: ModelOAuth): Promise<void> {
	const tokens = await readTokens(oauth.credentials, h.partition);
	if (tokens?.needsReconnect !== true) return;
	if (!spentUnanswered(h, oauth, tokens.refreshToken))
		throw new Error(`model oracle: R54: the OAuth grant was lost (${tokens.reconnectReason ?? 'no reason'})`);
	await connect(h, oauth);
}

/** The stored refresh token was spent by a refresh whose answer never arrived: the only loss R54 allows. */
function spentUnanswered(h: Harness, oauth: ModelOAuth, stored: string | undefined): boolean {
	return (
		stored !== undefined &&
		oauth.unanswered.has(stored) &&
		refreshTokens(h, oauth.clientId).some(t => t.token === stored && !t.active)
	);
}

/**
 * R54 after settling: the stored refresh token is the grant's only live one; the rotated ones are dead. A
 * grant lost to an unanswered refresh is not Tickler's to avoid: its next refresh asks for a reconnect.
 */
export async function checkGrant(h: Harness, oauth: ModelOAuth, fail: (message: string) => never): Promise<void> {
	const tokens = await readTokens(oauth.credentials, h.partition);
	if (!tokens || tokens.needsReconnect === true) fail('R54: the OAuth tokens need a reconnect after settling');
	if (spentUnanswered(h, oauth, tokens.refreshToken)) return;
	const all = refreshTokens(h, oauth.clientId);
	const stored = all.find(t => t.token === tokens.refreshToken);
	if (!stored?.active) fail('R54: the stored refresh token is not a live one at Salesforce');
	const live = all.filter(t => t.grantId === stored.grantId && t.active);
	if (live.length !== 1) fail(`R54: the grant has ${live.length} live refresh tokens (rotation keeps one)`);
}

function takeRacer(oauth: ModelOAuth): (() => Promise<void>) | undefined {
	const racer = oauth.racer;
	oauth.racer = undefined;
	return racer;
}

/**
 * R54: a cycle runs with a badge lookup beside it. The lookup starts when the cycle's port sends a refresh
 * (orgFetch above), so both find the access token expired at once; without a refresh it runs after the cycle.
 */
export async function withRacingBadge(
	oauth: ModelOAuth,
	badge: () => Promise<void>,
	cycle: Promise<unknown>,
): Promise<void> {
	oauth.racer = badge;
	await cycle;
	const unstarted = takeRacer(oauth);
	await Promise.all(oauth.racing.splice(0));
	if (unstarted) await unstarted();
}

export function closeOAuth(oauth: ModelOAuth | undefined): void {
	if (!oauth) return;
	oauth.credentials.close();
}
