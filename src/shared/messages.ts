import browser from 'webextension-polyfill';
import type {NewReminderInput, ReminderPatch} from './store/reminder-validation.js';
import type {WhoAlerts} from './store/schema.js';
import type {SnoozePreset} from './snooze.js';
import type {
	ConnectedAccount,
	ConnectionSettings,
	Ping,
	SyncReason,
	SyncStatus,
	TaskBadge,
	ToolbarOpens,
} from './types.js';

/** R50: the test notification's answer — taken by the browser or not (no permission), and the rep's system. */
export type TestNotificationResult = {sent: boolean; system: 'win' | 'mac' | 'linux' | 'cros' | 'other'};

/**
 * The one list of things other contexts may ask the background to do (engineering guide §3): each method's
 * input and answer. State flows through storage + onChanged; commands and queries flow through these messages.
 * Who may send each one, how the worker checks the sender and what input it takes at run time is the method's
 * entry in the worker's table, src/background/messaging/message-rules.ts: a method without one does not
 * compile. The table stays in the worker so the content script, which imports only callBackground from this
 * file, carries none of it.
 */
export type BackgroundApi = {
	ping: () => Promise<Ping>;
	getSyncStatus: () => Promise<SyncStatus>;
	/**
	 * Asks for a sync cycle soon. `local-change` is the nudge the popup and options page send after a
	 * write through local-edits (R13: pushed within seconds); requests made while a cycle runs coalesce
	 * into one more cycle. `queued` is false when sync is off.
	 */
	requestSync: (input: {reason: SyncReason}) => Promise<{queued: boolean}>;
	/** The badge for a Task page: `host` is the page's hostname, `taskId` a 15- or 18-char 00T id. */
	getTaskBadge: (input: {host: string; taskId: string}) => Promise<TaskBadge>;
	/**
	 * R5/R4: "Add to Tickler" on the badge of an older Task the first sync left out: links that Task to a new
	 * reminder, imported as a pull would. Only for the Task in the asking tab's own address, like `getTaskBadge`.
	 */
	addTaskToTickler: (input: {host: string; taskId: string}) => Promise<{id: string}>;
	/**
	 * R34: "Remind me" on a Lead, Contact, Account or Opportunity page: a reminder about that record — its
	 * `WhoId` (Contact, Lead) or `WhatId` (Account, Opportunity) — in the partition of the page's org, pushed
	 * as a Task by the normal sync. Only for the record in the asking tab's own address. `id` is chosen by the
	 * caller (R18); `recordName` is the page header's name, shown until the first pull brings Salesforce's.
	 * A bad `reminderAt` is refused with an InvalidReminderError on `reminderAt` (validateReminderAt).
	 */
	remindAboutRecord: (input: {
		id: string;
		host: string;
		recordId: string;
		name: string;
		dueDate: string | null;
		recordName: string;
		/** R31: when to alert, an ISO instant (the control's due date + time on the rep's clock); none when absent. */
		reminderAt?: string | null;
	}) => Promise<{id: string}>;
	/**
	 * R32 for "Remind me" (issue 20): who will alert at a reminder time set in its form — the rep's who-alerts
	 * setting in effect (`effectiveWhoAlerts`: Salesforce when Tickler may not notify). Only for the record in
	 * the asking tab's own address, like `remindAboutRecord`.
	 */
	remindMeAlerts: (input: {host: string; recordId: string}) => Promise<{whoAlerts: WhoAlerts}>;
	/**
	 * A change signal from the content script (issue 14): the rep saved a record on this Salesforce page. The
	 * worker may sync at once, rate-limited (schedule-policy.ts changeSignalAction, R13, R21).
	 */
	salesforceSaveSeen: (input: {host: string}) => Promise<{action: string}>;
	/** R3/R4: turns sync on for the org and user of the rep's current Salesforce session; runs the first sync. */
	enableSync: () => Promise<ConnectedAccount>;
	/** R7: turns sync off for a partition at once; nothing local is deleted. */
	disableSync: (input: {partition: string}) => Promise<{enabled: false}>;
	/**
	 * The popup's writes (R22). The worker makes them through local-edits, so the change is durable before the
	 * reply (R17), then asks for a sync so it is pushed within seconds (R13). Bad input is refused with an
	 * InvalidReminderError whose `field` names the form field it is about.
	 */
	/** `id` is chosen by the caller, so an add sent again (its answer lost) finds the first one (R18). */
	addReminder: (input: {id: string; reminder: NewReminderInput}) => Promise<{id: string}>;
	editReminder: (input: {id: string; patch: ReminderPatch}) => Promise<{id: string}>;
	/** Soft delete; undoDelete restores it while the deletion has not reached Salesforce (R14). */
	deleteReminder: (input: {id: string}) => Promise<{id: string}>;
	undoDelete: (input: {id: string}) => Promise<{id: string}>;
	/** R60: Complete with an Undo offer: held from Salesforce until the offer has passed; undoEdit takes it back. */
	completeReminder: (input: {id: string}) => Promise<{id: string}>;
	undoEdit: (input: {id: string}) => Promise<{id: string}>;
	/** R48: the rep holds the Undo offer open: the delete or held edit waits DELETE_HOLD_MS more from now. */
	holdUndo: (input: {id: string}) => Promise<{id: string; held: boolean}>;
	/** R50: Snooze by a preset in one action, held for an Undo offer like a Complete (undoEdit takes it back). */
	snoozeReminder: (input: {id: string; preset: SnoozePreset} | {id: string; until: string}) => Promise<{id: string}>;
	/** R58: the rep's values Salesforce overruled go to Salesforce as a new edit (keepMine), or are dropped. */
	keepMine: (input: {id: string}) => Promise<{id: string}>;
	keepTheirs: (input: {id: string}) => Promise<{id: string}>;
	/**
	 * R44/R5: sends these local-only reminders to Salesforce on purpose (the All reminders page, one or all
	 * after a confirmation naming how many). Each becomes a create through the outbox (R18); a reminder
	 * already sent is skipped, so sending again never duplicates. `sent` is how many were queued.
	 */
	sendLocalOnly: (input: {ids: string[]}) => Promise<{sent: number}>;
	/** R28: turns sync on for a partition with its OAuth connection (its token, not the cookie); the browser session when it has none. */
	enablePartition: (input: {partition: string}) => Promise<ConnectedAccount>;
	/** R28/R30: the callback URL, client id, admin presets and which partitions are connected with OAuth — never a token. */
	getConnectionSettings: () => Promise<ConnectionSettings>;
	/** R28: the rep's OAuth client id (refused when the admin preset one, R30). */
	saveOAuthClientId: (input: {clientId: string}) => Promise<{clientId: string}>;
	/**
	 * R28: "Connect with Salesforce" (and "Reconnect"): the OAuth flow with PKCE in a launchWebAuthFlow window on
	 * `host` (a My Domain host; the open tab's or active partition's when absent), then sync on for who connected.
	 */
	connectSalesforce: (input: {host?: string}) => Promise<ConnectedAccount>;
	/** R19/R23: the settings page's Retry on a reminder Salesforce refused: back to pending, pushed within seconds. */
	retryReminder: (input: {id: string}) => Promise<{id: string}>;
	/** R32: who alerts at a reminder time for a partition — Tickler, Salesforce or both. */
	saveWhoAlerts: (input: {partition: string; whoAlerts: WhoAlerts}) => Promise<{whoAlerts: WhoAlerts}>;
	/** Issue 24: what the toolbar button opens, and whether the admin preset it (R30). */
	getToolbarOpens: () => Promise<{opens: ToolbarOpens; byAdmin: boolean}>;
	/** Issue 24: the rep's choice of what the toolbar button opens (refused while the admin presets it). */
	saveToolbarOpens: (input: {opens: ToolbarOpens}) => Promise<{opens: ToolbarOpens; byAdmin: boolean}>;
	/** R50: how long a notification's Snooze button snoozes (this computer's choice; one hour until chosen). */
	getNotificationSnooze: () => Promise<{preset: SnoozePreset}>;
	saveNotificationSnooze: (input: {preset: SnoozePreset}) => Promise<{preset: SnoozePreset}>;
	/** R50: settings' test notification: whether the browser took it, and the rep's system for the advice. */
	sendTestNotification: () => Promise<TestNotificationResult>;
	/** R10: the settings page's Subject template for a partition's new Tasks (the admin's preset wins, R30). */
	saveSubjectTemplate: (input: {partition: string; template: string}) => Promise<{subjectTemplate: string}>;
	/** R28: revokes a partition's OAuth tokens and forgets them; its reminders stay. */
	disconnectOAuth: (input: {partition: string}) => Promise<{revoked: boolean}>;
	/** Disconnect: forgets one partition — its reminders, outbox, history and conflicts — and nothing else. */
	forgetPartition: (input: {partition: string}) => Promise<{deletedReminders: number}>;
};

export type Method = keyof BackgroundApi;
export type Input<M extends Method> = Parameters<BackgroundApi[M]>[0];
export type Output<M extends Method> = Awaited<ReturnType<BackgroundApi[M]>>;

export type Request<M extends Method = Method> = {channel: 'tickler'; method: M; input: Input<M>};
/** An error as it crosses contexts; `field` is kept for input errors so a form can point at the field. */
export type ReplyError = {name: string; message: string; field?: string};
export type Reply<M extends Method = Method> = {ok: true; value: Output<M>} | {ok: false; error: ReplyError};

export const CHANNEL = 'tickler';

export function isRequest(value: unknown): value is {channel: 'tickler'; method: unknown; input: unknown} {
	return typeof value === 'object' && value !== null && (value as {channel?: unknown}).channel === CHANNEL;
}

/** Errors that only mean "the worker is still waking up": safe to retry once it is. */
export const WAKE_UP_ERRORS = [
	'Could not establish connection. Receiving end does not exist.',
	'The message port closed before a response was received.',
] as const;

export function isWakeUpError(error: unknown): boolean {
	const message = error instanceof Error ? error.message : String(error);
	return WAKE_UP_ERRORS.some(known => message.includes(known));
}

/** The worker did not answer even after waking retries: said in words a rep can act on. */
export class WorkerUnreachableError extends Error {
	override name = 'WorkerUnreachableError';
	constructor() {
		super('Tickler’s background service did not answer. Try again in a moment.');
	}
}

/** Caller side: popup, options page and content script all use this. */
export async function callBackground<M extends Method>(
	method: M,
	...input: Input<M> extends undefined ? [] : [Input<M>]
): Promise<Output<M>> {
	const request = {channel: CHANNEL, method, input: input[0]} as Request<M>;
	let reply: Reply<M> | undefined;
	for (let attempt = 0; ; attempt++) {
		try {
			reply = (await browser.runtime.sendMessage(request)) as Reply<M> | undefined; // eslint-disable-line @typescript-eslint/no-unnecessary-type-assertion -- the polyfill types the reply as any
			break;
		} catch (error) {
			if (!isWakeUpError(error)) throw error;
			if (attempt >= 3) throw new WorkerUnreachableError();
			await new Promise(resolve => setTimeout(resolve, 100 * 2 ** attempt));
		}
	}

	if (reply === undefined) {
		throw new Error(`No handler answered "${method}"`);
	}

	if (!reply.ok) {
		const {name, field} = reply.error;
		throw Object.assign(new Error(reply.error.message), field === undefined ? {name} : {name, field});
	}

	return reply.value;
}
