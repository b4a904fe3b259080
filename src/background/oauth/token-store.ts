/**
 * Where the OAuth tokens live (R28): a database of their own, `tickler-credentials`, opened only by the
 * service worker. Not the Tickler database (the settings page reads that, and its JSON export copies it),
 * not `storage.local` (content scripts may read it unless its access level is restricted). A content script
 * runs in the page's origin and cannot open the extension's IndexedDB at all.
 *
 * Keyed by the partition `${orgId18}:${userId18}`, never by host (R2, salesforce-facts.md §13.1: keyed per host,
 * Login-As and user switches would use another user's token).
 */
import {Dexie, type EntityTable} from 'dexie';
import type {ReconnectReason} from '@/shared/types.js';

export type StoredTokens = {
	/** `${orgId18}:${userId18}` */
	partition: string;
	/** The My Domain host the rep connected on: token and revoke calls go here. */
	host: string;
	/** The API host (instance_url); a My Domain host. */
	instanceHost: string;
	clientId: string;
	accessToken: string;
	refreshToken?: string;
	connectedAt: number;
	/** The refresh token was refused: no request is sent until the rep reconnects (R28). */
	needsReconnect?: boolean;
	/** Why it was refused, said to the rep (R54). Absent on tokens marked before it was recorded. */
	reconnectReason?: ReconnectReason;
};

/**
 * A token Salesforce has not yet confirmed revoked (Disconnect while offline, or Salesforce down): kept only
 * so the revoke can be sent again, never used for anything else, and deleted once Salesforce answers.
 */
export type PendingRevocation = {
	id?: number;
	partition: string;
	/** The My Domain host the revoke goes to. */
	host: string;
	token: string;
	/** When Disconnect asked for it. */
	since: number;
	attempts: number;
};

export type CredentialsDb = Dexie & {
	tokens: EntityTable<StoredTokens, 'partition'>;
	revocations: EntityTable<PendingRevocation, 'id'>;
};

export const CREDENTIALS_DB_NAME = 'tickler-credentials';

export function openCredentialsDb(
	options: {name?: string; indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange} = {},
): CredentialsDb {
	const dexieOptions: {indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange} = {};
	if (options.indexedDB) dexieOptions.indexedDB = options.indexedDB;
	if (options.IDBKeyRange) dexieOptions.IDBKeyRange = options.IDBKeyRange;
	const db = new Dexie(options.name ?? CREDENTIALS_DB_NAME, dexieOptions) as CredentialsDb;
	// Schemas only grow (convention 9).
	db.version(1).stores({tokens: 'partition'});
	db.version(2).stores({tokens: 'partition', revocations: '++id'});
	return db;
}

export async function readTokens(db: CredentialsDb, partition: string): Promise<StoredTokens | undefined> {
	return db.tokens.get(partition);
}

export async function saveTokens(db: CredentialsDb, tokens: StoredTokens): Promise<void> {
	await db.tokens.put(tokens);
}

/** A refresh's answer: the new access token, and the rotated refresh token when Salesforce sent one (R54). */
export async function updateAccessToken(
	db: CredentialsDb,
	partition: string,
	update: {accessToken: string; refreshToken?: string},
): Promise<void> {
	await db.tokens.update(
		partition,
		update.refreshToken === undefined
			? {accessToken: update.accessToken}
			: {accessToken: update.accessToken, refreshToken: update.refreshToken},
	);
}

export async function markNeedsReconnect(
	db: CredentialsDb,
	partition: string,
	reason: ReconnectReason = 'refused',
): Promise<void> {
	await db.tokens.update(partition, {needsReconnect: true, reconnectReason: reason});
}

/** What the settings page may know: which partitions are connected with OAuth, never a token. */
export async function oauthConnections(
	db: CredentialsDb,
): Promise<Array<{partition: string; host: string; needsReconnect: boolean}>> {
	return (await db.tokens.toArray()).map(tokens => ({
		partition: tokens.partition,
		host: tokens.host,
		needsReconnect: tokens.needsReconnect === true,
	}));
}
