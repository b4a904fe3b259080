/** Types shared by every context. Nothing here may import from a context folder. */

/** Whether sync is running, and if not, why. The popup and the badge render this. */
export type SyncPhase = 'off' | 'idle' | 'syncing' | 'paused';

/**
 * `api-access-refused`: the org refuses the browser session for the API and no OAuth connection exists
 * (R28: "Connect Tickler once to sync"); `reconnect`: the OAuth refresh token was refused (R28); `org-moved`:
 * Salesforce redirected an API call to another My Domain, so the rep signs in at the org's new address (R20).
 */
export type PauseReason =
	| 'no-session'
	| 'session-expired'
	| 'other-identity'
	| 'api-limit'
	| 'offline'
	| 'api-access-refused'
	| 'reconnect'
	| 'org-moved';

/**
 * Why the OAuth connection must be made again (R54), each said in its own plain words (copy.ts
 * RECONNECT_COPY):
 * - `expired`: `invalid_grant` "expired access/refresh token" — the app's policy expired the refresh token
 *   (after N, or unused for N), a sixth grant revoked the oldest (5 per user per app), or an admin revoked
 *   it (Salesforce Help "OAuth 2.0 Refresh Token Flow", "Limit the Idle Refresh Token TTL in Connected Apps");
 * - `app-not-approved`: `invalid_app_access` — API Access Control, the org has not approved the app for
 *   this user (Salesforce Help "Use Any API Client – Restriction"): only the admin can fix it;
 * - `refused`: any other refusal (client id, inactive user or org), or no refresh token to renew with.
 */
export type ReconnectReason = 'expired' | 'app-not-approved' | 'refused';

export type SyncStatus = {
	phase: SyncPhase;
	pauseReason?: PauseReason;
	/** Plain-language explanation shown to the rep when paused. */
	message?: string;
	/** ISO timestamp of the last cycle that completed. */
	lastSyncAt?: string;
	pendingCount: number;
	errorCount: number;
	/** Org API usage from the last `Sforce-Limit-Info` header. */
	apiUsage?: {used: number; limit: number};
};

/** Why a sync cycle is requested (messages.ts `requestSync`). */
export type SyncReason = 'user' | 'popup-opened' | 'page-visit' | 'local-change';

/** The org and user a partition belongs to (R2), as the settings page shows it. */
export type ConnectedAccount = {
	partition: string;
	orgId: string;
	userId: string;
	username: string;
	displayName: string;
	instanceHost: string;
};

export type Ping = {pong: true; version: string; context: 'background'; libraries: {jsforce: string; dexie: string}};

/**
 * What the badge on a Salesforce Task page shows (R24). The content script renders it; the worker
 * decides it (the content script never sees reminders' data beyond this, nor the session).
 */
export type TaskBadge =
	| {state: 'synced'; reminderName: string; lastSyncedAt: string}
	| {state: 'pending'; reminderName: string}
	| {state: 'error'; reminderName: string; message: string; hint?: string}
	| {state: 'conflict'; reminderName: string; message: string}
	| {
			state: 'not-linked';
			reason:
				| 'owned-by-someone-else'
				| 'not-a-reminder-type'
				| 'recurring-series'
				| 'archived'
				| 'created-before-sync'
				| 'closed-before-sync'
				| 'deleted'
				| 'not-found'
				| 'sync-off'
				| 'signed-out'
				| 'other-org'
				| 'other-user';
			message: string;
	  };

/** R30: what the admin preset through browser policy (`chrome.storage.managed`). Absent keys are not preset. */
export type AdminPresets = {
	oauthClientId?: string;
	/** My Domain hosts Tickler may sync with; any host when absent. */
	allowedMyDomainHosts?: string[];
	subjectTemplate?: string;
	syncEnabled?: boolean;
	/** R56: the most API requests each rep's Tickler may spend in any 24 hours (its share of the allowance). */
	maxDailyRequestsPerRep?: number;
	/** Issue 24: what the toolbar button opens for everyone. */
	toolbarOpens?: ToolbarOpens;
};

/** Issue 24: the toolbar button opens the popup, or Tickler in the side panel. */
export type ToolbarOpens = 'popup' | 'panel';

/** What the settings page shows about the second way in (R28, R30). Never a token. */
export type ConnectionSettings = {
	/** The callback URL an admin lists in the External Client App: `https://<extension-id>.chromiumapp.org/`. */
	redirectUrl: string;
	clientId?: string;
	presets: AdminPresets;
	/** Partitions connected with OAuth; `needsReconnect` when the refresh token was refused. */
	oauth: Array<{partition: string; host: string; needsReconnect: boolean}>;
	/** The My Domain host of the rep's open Salesforce tab or active partition, to connect with. */
	suggestedHost?: string;
	/** Disconnects whose revoke Salesforce has not confirmed yet (retried at every worker start and alarm). */
	revocationsPending?: Array<{host: string; since: number}>;
};
