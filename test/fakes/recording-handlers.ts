/**
 * Test helper (kept out of the shipping tree): a stand-in for the worker's message handlers that records every
 * input it is given, and the senders the router tests use (an own page, a content script on a Task page).
 */
import type {BackgroundHandlers} from '@/background/messaging/message-rules.js';

export const OWN_ID = 'own-extension';
export const SELF = {id: OWN_ID, pagesBaseUrl: `chrome-extension://${OWN_ID}/`};
export const POPUP = {id: OWN_ID, url: `chrome-extension://${OWN_ID}/src/popup/index.html`};
export const TASK_PAGE = 'https://acme.lightning.force.com/lightning/r/Task/00T000000000001AAA/view';
export const CONTENT = {id: OWN_ID, url: TASK_PAGE, frameId: 0, tab: {id: 7, url: TASK_PAGE}};
export const calls: unknown[] = [];
export const DRAFT_ID = '3f2a6b1c-0d4e-4f5a-8b6c-7d8e9f0a1b2c';
export const api: BackgroundHandlers = {
	ping: async () => ({pong: true, version: '1', context: 'background', libraries: {jsforce: '3', dexie: '4'}}),
	getSyncStatus: async () => ({phase: 'off', pendingCount: 0, errorCount: 0}),
	requestSync: async input => {
		calls.push(input);
		return {queued: true};
	},
	getTaskBadge: async input => ({state: 'not-linked', reason: 'sync-off', message: `sync is off for ${input.taskId}`}),
	addTaskToTickler: async input => {
		calls.push(input);
		return {id: `reminder-for-${input.taskId}`};
	},
	salesforceSaveSeen: async input => {
		calls.push(input);
		return {action: 'sync-now'};
	},
	enableSync: async () => ({
		partition: 'p',
		orgId: '00D000000000001AAA',
		userId: '005000000000001AAA',
		username: 'rep@example.com',
		displayName: 'Rep',
		instanceHost: 'acme.my.salesforce.com',
	}),
	disableSync: async () => ({enabled: false}),
	enablePartition: async input => {
		calls.push(input);
		return {
			partition: input.partition,
			orgId: '00D000000000001AAA',
			userId: '005000000000001AAA',
			username: 'rep@example.com',
			displayName: 'Rep',
			instanceHost: 'acme.my.salesforce.com',
		};
	},
	getConnectionSettings: async () => {
		calls.push('getConnectionSettings');
		return {redirectUrl: 'https://own-extension.chromiumapp.org/', presets: {}, oauth: []};
	},
	saveOAuthClientId: async input => {
		calls.push(input);
		return input;
	},
	connectSalesforce: async input => {
		calls.push(input);
		return {
			partition: '00D000000000001AAA:005000000000001AAA',
			orgId: '00D000000000001AAA',
			userId: '005000000000001AAA',
			username: 'rep@example.com',
			displayName: 'Rep',
			instanceHost: input.host ?? 'acme.my.salesforce.com',
		};
	},
	disconnectOAuth: async input => {
		calls.push(input);
		return {revoked: true};
	},
	forgetPartition: async input => {
		calls.push(input);
		return {deletedReminders: 0};
	},
	addReminder: async input => {
		calls.push(input);
		return {id: 'new'};
	},
	editReminder: async input => {
		calls.push(input);
		return {id: input.id};
	},
	deleteReminder: async input => {
		calls.push(input);
		return {id: input.id};
	},
	completeReminder: async input => {
		calls.push(input);
		return {id: input.id};
	},
	snoozeReminder: async input => {
		calls.push(input);
		return {id: input.id};
	},
	undoEdit: async input => {
		calls.push(input);
		return {id: input.id};
	},
	holdUndo: async input => {
		calls.push(input);
		return {id: input.id, held: true};
	},
	keepMine: async input => {
		calls.push(input);
		return {id: input.id};
	},
	keepTheirs: async input => {
		calls.push(input);
		return {id: input.id};
	},
	undoDelete: async input => {
		calls.push(input);
		return {id: input.id};
	},
	sendLocalOnly: async input => {
		calls.push(input);
		return {sent: input.ids.length};
	},
	remindAboutRecord: async input => {
		calls.push(input);
		return {id: input.id};
	},
	remindMeAlerts: async input => {
		calls.push(input);
		return {whoAlerts: 'tickler'};
	},
	saveSubjectTemplate: async input => {
		calls.push(input);
		return {subjectTemplate: input.template};
	},
	retryReminder: async input => {
		calls.push(input);
		return {id: input.id};
	},
	getToolbarOpens: async () => ({opens: 'popup', byAdmin: false}),
	saveToolbarOpens: async input => {
		calls.push(input);
		return {opens: input.opens, byAdmin: false};
	},
	getNotificationSnooze: async () => ({preset: '1-hour'}),
	saveNotificationSnooze: async input => {
		calls.push(input);
		return {preset: input.preset};
	},
	sendTestNotification: async () => ({sent: true, system: 'linux'}),
	saveWhoAlerts: async input => {
		calls.push(input);
		return {whoAlerts: input.whoAlerts};
	},
};
