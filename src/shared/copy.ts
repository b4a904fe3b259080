/**
 * What the worker tells the rep, in one place: why sync is paused or slowed, why a Task page's badge shows
 * what it shows, and the hint beside a reminder Salesforce refused. The words are in the catalogs
 * (`public/_locales/<lang>/messages.json`, R46); each object here names the catalog key of each message and
 * reads it in the UI language when asked, so callers keep writing `SYNC_STATUS_COPY.signIn`. Tests assert
 * much of the English, so change it in the catalogs and let them tell you what else must follow. In
 * `src/shared` because the worker writes these into the store and messages, and the pages show them as they are.
 */
import {plural, t} from './i18n/t.js';
import type {Overruled} from './store/kept-values.js';
import type {SyncedField} from './store/schema.js';
import type {ReconnectReason} from './types.js';

/**
 * An object whose properties read the catalog: `copyOf({signIn: 'syncSignIn'}).signIn` is `t('syncSignIn')`,
 * read at each use (the language is the browser's; nothing is cached). Pure, so a bundle that uses none of
 * these objects drops them (the content script's size, R24).
 */
function copyOf<Name extends string>(keys: Record<Name, string>): Readonly<Record<Name, string>> {
	const copy = {} as Record<Name, string>;
	for (const [name, key] of Object.entries(keys) as Array<[Name, string]>) {
		Object.defineProperty(copy, name, {get: () => t(key), enumerable: true});
	}

	return copy;
}

/** The sync status line (partition.status.message) for each pause or slowdown (R19–R21, R2). */
export const SYNC_STATUS_COPY = /* @__PURE__ */ copyOf({
	/** R20: no session, or Salesforce refused it as expired. */
	signIn: 'syncSignIn',
	otherIdentity: 'syncOtherIdentity',
	manualOnly: 'syncManualOnly',
	slow: 'syncSlow',
	limitExceeded: 'syncLimitExceeded',
	retrying: 'syncRetrying',
	/** R28: the org refuses browser sessions for the API (`api-access-refused`). */
	apiAccessRefused: 'syncApiAccessRefused',
	/** R28: the refresh token was refused (`reconnect`). */
	reconnect: 'syncReconnect',
	/** The org's My Domain answered with a redirect to another one (`org-moved`). */
	orgMoved: 'syncOrgMoved',
});

/**
 * R54: why Tickler's OAuth connection must be made again, as the status line's message (`reconnect`). Each
 * says what happened and what helps; none repeats Salesforce's own words.
 */
export const RECONNECT_COPY: Readonly<Record<Exclude<ReconnectReason, 'refused'>, string>> = /* @__PURE__ */ copyOf({
	expired: 'reconnectExpired',
	'app-not-approved': 'reconnectAppNotApproved',
});

/** The message for a reason; any other refusal (or none recorded) is the plain "Reconnect to Salesforce". */
export function reconnectMessage(reason: ReconnectReason | undefined): string {
	return reason === undefined || reason === 'refused' ? SYNC_STATUS_COPY.reconnect : RECONNECT_COPY[reason];
}

/**
 * R28/R54: what "Connect with Salesforce" says when the flow fails. Only the error codes listed here are
 * named, in Tickler's own words: a redirect's `error_description` (or an unknown code) could be any page's
 * text, so it is never shown.
 */
export const CONNECT_COPY = /* @__PURE__ */ Object.assign(
	copyOf({
		stateMismatch: 'connectStateMismatch',
		noRedirect: 'connectNoRedirect',
		noCode: 'connectNoCode',
		windowClosed: 'connectWindowClosed',
		accessDenied: 'connectAccessDenied',
		/** `OAUTH_APP_BLOCKED` / `OAUTH_APP_ACCESS_DENIED` at authorize, `invalid_app_access` at the token endpoint. */
		appNotApproved: 'connectAppNotApproved',
		other: 'connectOther',
		/** The optional `identity` permission was refused (it opens Salesforce's sign-in window). */
		permissionRefused: 'connectPermissionRefused',
	}),
	{
		unreachablePage: (host: string) => t('connectUnreachablePage', {host}),
		unreachable: (host: string) => t('connectUnreachable', {host}),
		unknownClient: (clientId: string) => t('connectUnknownClient', {client: clientId}),
		redirectMismatch: (redirectUri: string) => t('connectRedirectMismatch', {url: redirectUri}),
	},
);

/** R28: a Disconnect whose revoke Salesforce has not confirmed yet (the settings page, until it has). */
export function revokePendingText(host: string, since: string): string {
	return t('revokePending', {host, since});
}

/** Why turning sync on was refused (R3, R20, R30): the settings page shows the error's message. */
export const ENABLE_SYNC_COPY = /* @__PURE__ */ copyOf({
	noSession: 'enableNoSession',
	sessionExpired: 'enableSessionExpired',
	otherUser: 'enableOtherUser',
	keptOnByAdmin: 'enableKeptOnByAdmin',
	turnedOffByAdmin: 'enableTurnedOffByAdmin',
});

/** The Task page badge (R24, R38): what it says beside a Task. */
export const BADGE_COPY = /* @__PURE__ */ copyOf({
	deleted: 'badgeWhyDeleted',
	errorFallback: 'badgeWhyErrorFallback',
	conflictResolved: 'badgeWhyConflictResolved',
	notFound: 'badgeWhyNotFound',
	ownedBySomeoneElse: 'badgeWhyOwnedBySomeoneElse',
	notAReminderType: 'badgeWhyNotAReminderType',
	recurringSeries: 'badgeWhyRecurringSeries',
	archived: 'badgeWhyArchived',
	createdBeforeSync: 'badgeWhyCreatedBeforeSync',
	closedBeforeSync: 'badgeWhyClosedBeforeSync',
	signedOut: 'badgeWhySignedOut',
	reconnect: 'badgeWhyReconnect',
	checkInAMoment: 'badgeWhyCheckInAMoment',
	checkAtNextSync: 'badgeWhyCheckAtNextSync',
	couldNotCheck: 'badgeWhyCouldNotCheck',
	syncOff: 'badgeWhySyncOff',
	otherOrg: 'badgeWhyOtherOrg',
	otherUser: 'badgeWhyOtherUser',
	userUnconfirmed: 'badgeWhyUserUnconfirmed',
});

/** R5/R4: why the badge's "Add to Tickler" could not add an older Task (task-page/add-to-tickler.ts). */
export const ADD_TASK_COPY = /* @__PURE__ */ copyOf({
	afterFirstSync: 'addTaskAfterFirstSync',
	failed: 'addTaskFailed',
});

/** R37: a reminder whose Task is no longer the rep's, or no longer visible to them. */
export const DETACHED_COPY = {
	notYours: /* @__PURE__ */ copyOf({
		message: 'detachedNotYoursMessage',
		hint: 'detachedNotYoursHint',
	}),
	noAccess: /* @__PURE__ */ copyOf({
		message: 'detachedNoAccessMessage',
		hint: 'detachedNoAccessHint',
	}),
} as const;

/** R19: the hint beside a reminder Salesforce refused, by the error's statusCode; `other` for any code not listed. */
export const RECORD_ERROR_HINTS = /* @__PURE__ */ copyOf({
	STRING_TOO_LONG: 'hintStringTooLong',
	INSUFFICIENT_ACCESS_OR_READONLY: 'hintInsufficientAccess',
	INSUFFICIENT_ACCESS: 'hintInsufficientAccess',
	FIELD_CUSTOM_VALIDATION_EXCEPTION: 'hintValidationRule',
	REQUIRED_FIELD_MISSING: 'hintRequiredFieldMissing',
	INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST: 'hintRestrictedPicklist',
	FIELD_INTEGRITY_EXCEPTION: 'hintFieldIntegrity',
	// R39: refusals of a whole request narrowed down to this one record.
	JSON_PARSER_ERROR: 'hintJsonParser',
	INVALID_FIELD: 'hintInvalidField',
	MALFORMED_ID: 'hintMalformedId',
	other: 'hintOther',
});

/**
 * R19: the message beside a reminder Salesforce refused (its own message, cut to 500 characters, or the code),
 * one sentence ending in its stop, so the hint after it never runs into it (issue 20).
 */
export function recordErrorMessage(detail: string): string {
	const sentence = detail.trim();
	return t('recordErrorMessage', {detail: `${sentence}${/[.!?…]$/.test(sentence) ? '' : '.'}`});
}

/** The toolbar icon's tooltip (R22). */
export function toolbarTitle(dueToday: number): string {
	return plural('toolbarTitle', dueToday);
}

/** R34: the "Remind me" control on Lead, Contact, Account and Opportunity pages, and the worker's refusals. */
export const REMIND_ME_COPY = /* @__PURE__ */ copyOf({
	button: 'remindMeButton',
	title: 'remindMeTitle',
	name: 'remindMeName',
	due: 'remindMeDue',
	/** R31: the optional reminder time, on the due date. */
	time: 'remindMeTime',
	/** R32 (issue 20): under the time field, who will alert at that time (the rep's who-alerts setting in effect). */
	alertsTickler: 'remindMeAlertsTickler',
	alertsSalesforce: 'remindMeAlertsSalesforce',
	alertsBoth: 'remindMeAlertsBoth',
	save: 'remindMeSave',
	cancel: 'remindMeCancel',
	saved: 'remindMeSaved',
});

/** R34: the name prefilled: "Follow up: Ana Ruiz"; the object's name when the page shows none. */
export function remindMeName(record: string): string {
	return t('remindMePrefilledName', {record});
}

/** R34: why the worker refuses a "Remind me" (kept apart so the content script does not bundle it). */
export const REMIND_REFUSAL_COPY = /* @__PURE__ */ copyOf({
	syncOff: 'remindRefusedSyncOff',
	otherOrg: 'remindRefusedOtherOrg',
	// R52: a tab's "Remind me" draws on its bounded allowance (task-page/badge-allowance.ts).
	tooFast: 'remindRefusedTooFast',
	hourlyCap: 'remindRefusedHourlyCap',
});
/** R31: Tickler's notification at a reminder time, and the snooze choices offered with it and in the popup. */
export const REMINDER_ALERT_COPY = /* @__PURE__ */ copyOf({
	complete: 'alertComplete',
	noDueDate: 'alertNoDueDate',
	late: 'alertLate',
	/** R60: the notification after a Complete or Snooze from a notification, with its Undo (held till it passes). */
	completed: 'alertCompleted',
	undo: 'undoUndo',
	/** Where notifications have no buttons (Firefox): the click is the Undo. */
	clickToUndo: 'alertClickToUndo',
});

/** R50: the notification's second button (Chrome allows two), snoozing by the rep's default: "Snooze: 1 hour". */
export function alertSnoozeButton(choice: string): string {
	return t('alertSnoozeButton', {choice});
}

/** R60: the Undo notification's line after a Snooze from a notification. */
export function alertSnoozedUntil(time: string): string {
	return t('alertSnoozedUntil', {time});
}

/** R31/R50: the snooze choices and presets, by the id the worker knows them by. */
export const SNOOZE_COPY = /* @__PURE__ */ copyOf({
	'10-minutes': 'snooze10Minutes',
	'1-hour': 'snooze1Hour',
	'tomorrow-morning': 'snoozeTomorrowMorning',
	'next-week': 'snoozeNextWeek',
});

/** The heading of the one summary shown for several reminders at once (missed while the browser was closed). */
export function alertSummaryTitle(count: number): string {
	return plural('alertSummaryTitle', count);
}

/** The summary's last line when it lists only some of the names. */
export function alertSummaryMore(count: number): string {
	return plural('alertSummaryMore', count);
}

/**
 * R31: the notification's line under the name: the due day as the formatter writes it ("tomorrow",
 * "Monday, December 14"), or none, the time and, when late, that it was missed.
 */
export function reminderAlertMessage(dueDay: string | null, late: boolean, reminderTime: string): string {
	const due = dueDay === null ? REMINDER_ALERT_COPY.noDueDate : t('alertDue', {date: dueDay});
	return late
		? t('alertLineLate', {due, late: REMINDER_ALERT_COPY.late, time: reminderTime})
		: t('alertLine', {due, time: reminderTime});
}

/** R32: the optional `notifications` permission — what the rep reads while Tickler may not notify. */
export const NOTIFICATIONS_PERMISSION_COPY = /* @__PURE__ */ copyOf({
	/** Beside the reminder time in the popup's forms, while the permission is not granted. */
	formLine: 'notifyFormLine',
	/** Settings, "Reminder alerts", while Tickler is to alert but may not. */
	settingsLine: 'notifySettingsLine',
	allow: 'notifyAllow',
	refused: 'notifyRefused',
});

/**
 * R58: a reminder whose edit Salesforce's later edit overruled (R16) — said on the popup's row, All reminders,
 * Settings and the Task page badge, with the rep's choice. Field names as the rep knows them from the form.
 */
export const OVERRULED_COPY = /* @__PURE__ */ copyOf({
	yours: 'overruledYours',
	keepMine: 'overruledKeepMine',
	keepTheirs: 'overruledKeepTheirs',
	/** The badge has no buttons of its own: the choice is in Tickler. */
	choose: 'overruledChoose',
});

/** R58: each field a conflict can overrule, named as the rep knows it from the form. */
export const OVERRULED_FIELD_COPY: Readonly<Record<SyncedField, string>> = /* @__PURE__ */ copyOf({
	name: 'fieldName',
	status: 'fieldStatus',
	priority: 'fieldPriority',
	dueDate: 'fieldDueDate',
	details: 'fieldDetails',
	whoId: 'fieldWho',
	whatId: 'fieldWhat',
	reminderAt: 'fieldReminderAt',
});

/** R58: "Salesforce's later edit replaced yours: Details, Due date." */
export function overruledReplaced(fields: string): string {
	return t('overruledReplaced', {fields});
}

/** R58: the overruled fields as the rep knows them, in a sentence: "Details, Due date". */
export function overruledFieldNames(overruled: Pick<Overruled, 'mine'>): string {
	return (Object.keys(overruled.mine) as SyncedField[]).map(field => OVERRULED_FIELD_COPY[field]).join(', ');
}
