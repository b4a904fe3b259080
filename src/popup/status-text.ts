/**
 * What the status line says (R20, R21, R22), decided from stored state only. Pure, so every wording is
 * table-tested; the three plain states are pinned by the issue.
 */
import {toMyDomainHost} from '@/shared/salesforce-hosts.js';
import type {Partition} from '@/shared/store/schema.js';

export const SYNC_OFF = 'Sync is off — turn it on in Settings';
export const SIGN_IN = 'Sign in to Salesforce to resume sync';
export const RECONNECT = 'Reconnect to Salesforce';
export const API_ACCESS_REFUSED =
	"Your company's Salesforce doesn't let browser sessions use the API. Connect Tickler once to sync.";
/** R21: above this share of the org's daily allowance the popup says usage is high. */
export const HIGH_USAGE = 0.8;

export type StatusView =
	| {kind: 'off'; text: string}
	| {kind: 'paused'; text: string; signIn: boolean; signInUrl?: string; connect?: 'reconnect' | 'connect'}
	| {kind: 'running'; text: string; syncing: boolean; usage?: string};

/**
 * R20: the org's own sign-in page — its My Domain root, which shows the login form to a signed-out rep and
 * goes on to the org when a session exists (salesforce-facts.md §1.2: the My Domain host is where the
 * API-capable `sid` is set). Undefined for a host that is not a known Salesforce org host.
 */
export function signInPage(instanceHost: string): string | undefined {
	const host = toMyDomainHost(instanceHost);
	return host === undefined ? undefined : `https://${host}/`;
}

export function statusView(input: {
	partition: Partition | undefined;
	pending: number;
	errors: number;
	formatTime: (epochMs: number) => string;
}): StatusView {
	const {partition} = input;
	if (!partition?.enabled) return {kind: 'off', text: SYNC_OFF};
	const status = partition.status;
	if (status.phase === 'paused') {
		// R20: one plain sentence whatever the cause (no cookie, or Salesforce refused the session).
		if (status.pauseReason === 'no-session' || status.pauseReason === 'session-expired') {
			const signInUrl = signInPage(partition.instanceHost);
			return signInUrl === undefined
				? {kind: 'paused', text: SIGN_IN, signIn: true}
				: {kind: 'paused', text: SIGN_IN, signIn: true, signInUrl};
		}
		// R28: only the rep can fix these: one click reconnects, or leads to Connect in the settings. R54: the
		// worker's message says why the connection ended (expired, revoked, not approved by the admin).
		if (status.pauseReason === 'reconnect')
			return {kind: 'paused', text: status.message || RECONNECT, signIn: false, connect: 'reconnect'};
		if (status.pauseReason === 'api-access-refused')
			return {kind: 'paused', text: API_ACCESS_REFUSED, signIn: false, connect: 'connect'};
		const fallback: Record<string, string> = {
			'other-identity': 'Sync paused: this Salesforce session belongs to another user or org',
			'api-limit': "Sync paused: your org has nearly used its daily API allowance. Use Sync now if it can't wait.",
			offline: 'Sync paused: Salesforce cannot be reached',
		};
		return {kind: 'paused', text: status.message ?? fallback[status.pauseReason ?? ''] ?? 'Sync paused', signIn: false};
	}

	const parts = [
		status.lastSyncAt === undefined ? 'Not synced yet' : `Last sync ${input.formatTime(status.lastSyncAt)}`,
	];
	if (input.pending > 0) parts.push(`${input.pending} pending`);
	if (input.errors > 0) parts.push(input.errors === 1 ? '1 error' : `${input.errors} errors`);
	const view: StatusView = {kind: 'running', text: parts.join(' · '), syncing: status.phase === 'syncing'};
	const usage = partition.apiUsage;
	if (usage !== undefined && usage.limit > 0 && usage.used / usage.limit >= HIGH_USAGE) {
		view.usage = `Org API usage ${Math.round((usage.used / usage.limit) * 100)}% — syncing less often`;
	}

	return view;
}
