/**
 * The protocol's rules (R27): for each method of BackgroundApi (src/shared/messages.ts), who may send it, how
 * the worker checks the sender, and what input it takes at run time. The router (router.ts) applies them the
 * same way to every method; a method of BackgroundApi without an entry here does not compile
 * (message-rules.test-d.ts). The table lives in the worker: the content script imports only callBackground,
 * so none of this weighs on its bundle.
 *
 * A content script runs beside an untrusted Salesforce page (engineering guide §3), so it gets the badge and its
 * "Add to Tickler", its record's "Remind me", the change signal and a health check — never enable/disable, disconnect or a manual
 * sync that skips the budget gates (R21, R27), nothing about the OAuth connection (R28). Only the
 * extension's own pages (popup, settings, All reminders) may call everything.
 */
import type {Input, Method, Output} from '@/shared/messages.js';
import type {Caller, OwnPage, TabCaller} from './caller.js';
import {
	addReminderInput,
	clientIdInput,
	connectInput,
	editReminderInput,
	noInput,
	recordPageInput,
	partitionInput,
	reminderIdInput,
	remindAboutRecordInput,
	requestSyncInput,
	saveSeenInput,
	sendLocalOnlyInput,
	snoozeInput,
	subjectTemplateInput,
	taskBadgeInput,
	toolbarOpensInput,
	notificationSnoozeInput,
	whoAlertsInput,
	InvalidMessageError,
} from './validators.js';
import {isTaskInTabAddress, NotThisTabsTaskError} from '../task-page/badge-caller.js';
import {isRecordInTabAddress, NotThisTabsRecordError} from '../remind-me/remind-about-record.js';
import {isSignalFromItsTab} from '../runner/save-signal.js';

/**
 * What a tab's message must agree with. `any-frame`: nothing (a health check). `top-frame`: it comes from the
 * tab's top frame — where the content script runs (manifest: not `all_frames`) — and `accepts` what the tab's
 * own address says; otherwise the message is refused with `refusal()`, before any handler runs.
 */
export type TabRule<M extends Method> =
	| {frames: 'any-frame'}
	| {frames: 'top-frame'; accepts: (input: Input<M>, tab: TabCaller) => boolean; refusal: () => Error};

export type MethodRule<M extends Method> =
	/** Only the extension's own pages. */
	| {callers: 'own-pages'; validate: (input: unknown) => Input<M>}
	/** The own pages, and the content script on a Salesforce tab as `tab` says. */
	| {callers: 'own-pages-and-content-script'; validate: (input: unknown) => Input<M>; tab: TabRule<M>};

export type MessageRules = {readonly [M in Method]: MethodRule<M>};

export const MESSAGE_RULES = {
	ping: {callers: 'own-pages-and-content-script', validate: noInput, tab: {frames: 'any-frame'}},
	getSyncStatus: {callers: 'own-pages', validate: noInput},
	requestSync: {callers: 'own-pages', validate: requestSyncInput},
	// R38: a content script is answered only about the Task in its own tab's address; the handler learns which
	// tab asked (the badge's request allowance is per tab).
	getTaskBadge: {
		callers: 'own-pages-and-content-script',
		validate: taskBadgeInput,
		tab: {frames: 'top-frame', accepts: isTaskInTabAddress, refusal: () => new NotThisTabsTaskError()},
	},
	// R5/R4: "Add to Tickler" on the badge, as for the badge, only for the Task in the asking tab's own address.
	addTaskToTickler: {
		callers: 'own-pages-and-content-script',
		validate: taskBadgeInput,
		tab: {frames: 'top-frame', accepts: isTaskInTabAddress, refusal: () => new NotThisTabsTaskError()},
	},
	// R34: "Remind me" only about the record in the asking tab's own address.
	remindAboutRecord: {
		callers: 'own-pages-and-content-script',
		validate: remindAboutRecordInput,
		tab: {frames: 'top-frame', accepts: isRecordInTabAddress, refusal: () => new NotThisTabsRecordError()},
	},
	// R32 (issue 20): who alerts, asked by "Remind me"'s form, only about the record in the tab's own address.
	remindMeAlerts: {
		callers: 'own-pages-and-content-script',
		validate: recordPageInput,
		tab: {frames: 'top-frame', accepts: isRecordInTabAddress, refusal: () => new NotThisTabsRecordError()},
	},
	// Issue 14: a save signal counts only from the top frame of a tab on the host it names.
	salesforceSaveSeen: {
		callers: 'own-pages-and-content-script',
		validate: saveSeenInput,
		tab: {
			frames: 'top-frame',
			accepts: isSignalFromItsTab,
			refusal: () => new InvalidMessageError('Not this tab’s host'),
		},
	},
	enableSync: {callers: 'own-pages', validate: noInput},
	disableSync: {callers: 'own-pages', validate: partitionInput},
	addReminder: {callers: 'own-pages', validate: addReminderInput},
	editReminder: {callers: 'own-pages', validate: editReminderInput},
	deleteReminder: {callers: 'own-pages', validate: reminderIdInput},
	undoDelete: {callers: 'own-pages', validate: reminderIdInput},
	completeReminder: {callers: 'own-pages', validate: reminderIdInput},
	undoEdit: {callers: 'own-pages', validate: reminderIdInput},
	holdUndo: {callers: 'own-pages', validate: reminderIdInput},
	snoozeReminder: {callers: 'own-pages', validate: snoozeInput},
	keepMine: {callers: 'own-pages', validate: reminderIdInput},
	keepTheirs: {callers: 'own-pages', validate: reminderIdInput},
	sendLocalOnly: {callers: 'own-pages', validate: sendLocalOnlyInput},
	enablePartition: {callers: 'own-pages', validate: partitionInput},
	getConnectionSettings: {callers: 'own-pages', validate: noInput},
	saveOAuthClientId: {callers: 'own-pages', validate: clientIdInput},
	connectSalesforce: {callers: 'own-pages', validate: connectInput},
	retryReminder: {callers: 'own-pages', validate: reminderIdInput},
	saveWhoAlerts: {callers: 'own-pages', validate: whoAlertsInput},
	getToolbarOpens: {callers: 'own-pages', validate: noInput},
	saveToolbarOpens: {callers: 'own-pages', validate: toolbarOpensInput},
	getNotificationSnooze: {callers: 'own-pages', validate: noInput},
	saveNotificationSnooze: {callers: 'own-pages', validate: notificationSnoozeInput},
	sendTestNotification: {callers: 'own-pages', validate: noInput},
	saveSubjectTemplate: {callers: 'own-pages', validate: subjectTemplateInput},
	disconnectOAuth: {callers: 'own-pages', validate: partitionInput},
	forgetPartition: {callers: 'own-pages', validate: partitionInput},
} as const satisfies MessageRules;

/** The caller a method's handler is given: only an own page, or also a tab, as its entry says. */
export type CallerOf<M extends Method> = (typeof MESSAGE_RULES)[M]['callers'] extends 'own-pages' ? OwnPage : Caller;

/**
 * The worker's answers (background-api.ts): each takes the input its validator returned and the checked
 * caller, and answers exactly what BackgroundApi says.
 */
export type BackgroundHandlers = {
	readonly [M in Method]: (input: Input<M>, caller: CallerOf<M>) => Promise<Output<M>>;
};
