/**
 * Disconnect (R28): revoking a partition's OAuth tokens at Salesforce and forgetting them here.
 *
 * A revoke Salesforce did not confirm (offline, Salesforce down) is not forgotten: the token is moved, in the
 * same transaction that forgets the connection, to `revocations` — where nothing but the revoke ever reads
 * it — and sent again when the worker starts and at its alarms, until Salesforce answers. The settings page
 * says so meanwhile (connectionSettings `revocationsPending`), so "Disconnected" is never taken for "revoked".
 */
import {revokeStatus} from './token-endpoint.js';
import {type CredentialsDb, type PendingRevocation} from './token-store.js';

/** Disconnect (R28): revokes the partition's tokens at Salesforce and forgets them; sync falls back to the browser session. */
export async function disconnectOAuth(
	db: CredentialsDb,
	partition: string,
	options: {fetchImpl?: typeof fetch; now?: number} = {},
): Promise<{revoked: boolean}> {
	const queued = await db.transaction('rw', db.tokens, db.revocations, async () => {
		const tokens = await db.tokens.get(partition);
		if (!tokens) return undefined;
		await db.tokens.delete(partition);
		// The refresh token revokes its access tokens too (salesforce-facts.md §13.1).
		const token = tokens.refreshToken ?? tokens.accessToken;
		return queueRevocation(db, {partition, host: tokens.host, token}, options.now ?? Date.now());
	});
	if (!queued) return {revoked: false};
	return {revoked: await sendRevocation(db, queued, options.fetchImpl)};
}

/** Keeps `token` for revoking, and revokes it now; true when Salesforce confirmed (or already knew it void). */
export async function revokeOrRetryLater(
	db: CredentialsDb,
	input: {partition: string; host: string; token: string},
	options: {fetchImpl?: typeof fetch; now?: number} = {},
): Promise<boolean> {
	const queued = await queueRevocation(db, input, options.now ?? Date.now());
	return sendRevocation(db, queued, options.fetchImpl);
}

async function queueRevocation(
	db: CredentialsDb,
	input: {partition: string; host: string; token: string},
	now: number,
): Promise<PendingRevocation> {
	const entry: PendingRevocation = {...input, since: now, attempts: 0};
	const id = await db.revocations.add(entry);
	return id === undefined ? entry : {...entry, id};
}

/**
 * One attempt. Salesforce answers 200 for a revoked token and 400 for one it no longer knows (already
 * revoked or expired): either way there is nothing left to revoke. No answer, or a 5xx, keeps it for later.
 */
async function sendRevocation(db: CredentialsDb, entry: PendingRevocation, fetchImpl?: typeof fetch): Promise<boolean> {
	let status: number | undefined;
	try {
		status = await revokeStatus({host: entry.host, token: entry.token}, fetchImpl);
	} catch {
		status = undefined;
	}

	const done = status !== undefined && status >= 200 && status < 500;
	if (entry.id !== undefined) {
		if (done) await db.revocations.delete(entry.id);
		else await db.revocations.update(entry.id, {attempts: entry.attempts + 1});
	}

	return done;
}

/** Sends every revoke still pending (worker start, alarms); never throws. Returns how many are left. */
export async function retryRevocations(db: CredentialsDb, options: {fetchImpl?: typeof fetch} = {}): Promise<number> {
	try {
		for (const entry of await db.revocations.toArray()) await sendRevocation(db, entry, options.fetchImpl);
		return await db.revocations.count();
	} catch {
		// The credentials store could not be read: the next start or alarm tries again.
		return -1;
	}
}

/** What the settings page may know: where a revoke is still pending and since when — never the token. */
export async function pendingRevocations(
	db: CredentialsDb,
): Promise<Array<{partition: string; host: string; since: number}>> {
	return (await db.revocations.toArray()).map(({partition, host, since}) => ({partition, host, since}));
}
