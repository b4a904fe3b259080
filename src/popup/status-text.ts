/**
 * What the status line says (R20, R21, R22), decided from stored state only. Pure, so every wording is
 * table-tested; the three plain states are pinned by the issue. A pause shows the worker's own sentence
 * (`partition.status.message`, from `SYNC_STATUS_COPY` in src/shared/copy.ts); the popup words only what
 * the worker never writes: sync off, last sync, pending and errors, API usage.
 */
import {SYNC_STATUS_COPY} from '@/shared/copy.js';
import {formatNumber} from '@/shared/i18n/format.js';
import {plural, t} from '@/shared/i18n/t.js';
import {toMyDomainHost} from '@/shared/salesforce-hosts.js';
import type {Partition} from '@/shared/store/schema.js';
import type {PauseReason} from '@/shared/types.js';

/** The status line while sync is off (read from the catalog each time: the words are the browser's language). */
export function syncOffText(): string {
	return t('statusSyncOff');
}
/** R21: above this share of the org's daily allowance the popup says usage is high. */
export const HIGH_USAGE = 0.8;

/**
 * For a pause stored without the worker's sentence (`status.message`): the sentence the worker writes for
 * that reason. No pause uses `offline` today, so the worker has no sentence for it and the popup keeps one.
 */
function pauseSentence(reason: PauseReason | undefined): string | undefined {
	if (reason === 'other-identity') return SYNC_STATUS_COPY.otherIdentity;
	if (reason === 'api-limit') return SYNC_STATUS_COPY.limitExceeded;
	if (reason === 'org-moved') return SYNC_STATUS_COPY.orgMoved;
	return reason === 'offline' ? t('statusOffline') : undefined;
}

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
	/** R28: the last "turn sync on" was refused, before any partition could be made (PopupView.enableRefused). */
	enableRefused?: boolean | undefined;
}): StatusView {
	const {partition} = input;
	if (!partition?.enabled) {
		// R28 (issue 20): sync is off, but the last word from this org was that it refuses the browser session:
		// "turn it on in Settings" would fail again, so the popup says the real reason and offers Connect. The same
		// when the very first "turn sync on" was refused so, and there is no partition yet to say it on.
		if (partition?.status.pauseReason === 'api-access-refused' || input.enableRefused === true)
			return {kind: 'paused', text: SYNC_STATUS_COPY.apiAccessRefused, signIn: false, connect: 'connect'};
		return {kind: 'off', text: syncOffText()};
	}
	const status = partition.status;
	if (status.phase === 'paused') {
		// R20: one plain sentence whatever the cause (no cookie, or Salesforce refused the session).
		if (status.pauseReason === 'no-session' || status.pauseReason === 'session-expired') {
			const signInUrl = signInPage(partition.instanceHost);
			const text = SYNC_STATUS_COPY.signIn;
			return signInUrl === undefined
				? {kind: 'paused', text, signIn: true}
				: {kind: 'paused', text, signIn: true, signInUrl};
		}
		// R28: only the rep can fix these: one click reconnects, or leads to Connect in the settings. R54: the
		// worker's message says why the connection ended (expired, revoked, not approved by the admin).
		if (status.pauseReason === 'reconnect')
			return {kind: 'paused', text: status.message || SYNC_STATUS_COPY.reconnect, signIn: false, connect: 'reconnect'};
		if (status.pauseReason === 'api-access-refused')
			return {kind: 'paused', text: SYNC_STATUS_COPY.apiAccessRefused, signIn: false, connect: 'connect'};
		const text = status.message ?? pauseSentence(status.pauseReason) ?? t('statusPaused');
		return {kind: 'paused', text, signIn: false};
	}

	const parts = [
		status.lastSyncAt === undefined
			? t('statusNotSynced')
			: t('statusLastSync', {time: input.formatTime(status.lastSyncAt)}),
	];
	if (input.pending > 0) parts.push(plural('statusPending', input.pending));
	if (input.errors > 0) parts.push(plural('statusErrors', input.errors));
	const view: StatusView = {kind: 'running', text: parts.join(' · '), syncing: status.phase === 'syncing'};
	const usage = partition.apiUsage;
	if (usage !== undefined && usage.limit > 0 && usage.used / usage.limit >= HIGH_USAGE) {
		view.usage = t('statusUsage', {percent: formatNumber(usage.used / usage.limit, {style: 'percent'})});
	}

	return view;
}
