/** Types shared by every context. Nothing here may import from a context folder. */

/** Whether sync is running, and if not, why. The popup and the badge render this. */
export type SyncPhase = 'off' | 'idle' | 'syncing' | 'paused';

export type PauseReason = 'no-session' | 'session-expired' | 'other-identity' | 'api-limit' | 'offline';

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

export type Ping = {pong: true; version: string; context: 'background'; libraries: {jsforce: string; dexie: string}};
