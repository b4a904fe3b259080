/**
 * What the worker tells the rep, in one place: why sync is paused or slowed, why a Task page's badge shows
 * what it shows, and the hint beside a reminder Salesforce refused. Wording is the product's; tests assert
 * much of it, so change it here and let them tell you what else must follow. In `src/shared` because the
 * worker writes these into the store and messages, and the pages show them as they are.
 */
import type {Overruled, SyncedField} from './store/schema.js';
import type {ReconnectReason} from './types.js';

/** The sync status line (partition.status.message) for each pause or slowdown (R19–R21, R2). */
export const SYNC_STATUS_COPY = {
	/** R20: no session, or Salesforce refused it as expired. */
	signIn: 'Sign in to Salesforce to resume sync',
	otherIdentity:
		'You are signed in to Salesforce as a different user or org than the one sync was enabled for, so sync is paused.',
	manualOnly:
		'Your org has used over 95 % of its daily API allowance: automatic sync is paused. "Sync now" still works.',
	slow: 'Your org has used over 80 % of its daily API allowance: syncing less often.',
	limitExceeded: 'Your org has used its daily API allowance: sync is paused and will retry later.',
	retrying: 'Salesforce did not answer; retrying shortly.',
	/** R28: the org refuses browser sessions for the API (`api-access-refused`). */
	apiAccessRefused: "Your company's Salesforce doesn't let browser sessions use the API. Connect Tickler once to sync.",
	/** R28: the refresh token was refused (`reconnect`). */
	reconnect: 'Reconnect to Salesforce',
	/** The org's My Domain answered with a redirect to another one (`org-moved`). */
	orgMoved: 'Your Salesforce org has moved to a new address. Sign in to Salesforce at its new address to resume sync.',
} as const;

/**
 * R54: why Tickler's OAuth connection must be made again, as the status line's message (`reconnect`). Each
 * says what happened and what helps; none repeats Salesforce's own words.
 */
export const RECONNECT_COPY: Readonly<Record<Exclude<ReconnectReason, 'refused'>, string>> = {
	expired:
		"Salesforce no longer accepts Tickler's connection: it expired or was revoked (unused for longer than your org allows, replaced when Tickler was connected on more than five computers, or revoked by your admin). Reconnect to Salesforce to resume sync.",
	'app-not-approved':
		"Your Salesforce admin has not approved Tickler for your user (API Access Control), so Salesforce refused its connection. Ask them to approve Tickler's External Client App for your profile or permission set, then reconnect to Salesforce.",
};

/** The message for a reason; any other refusal (or none recorded) is the plain "Reconnect to Salesforce". */
export function reconnectMessage(reason: ReconnectReason | undefined): string {
	return reason === undefined || reason === 'refused' ? SYNC_STATUS_COPY.reconnect : RECONNECT_COPY[reason];
}

/**
 * R28/R54: what "Connect with Salesforce" says when the flow fails. Only the error codes listed here are
 * named, in Tickler's own words: a redirect's `error_description` (or an unknown code) could be any page's
 * text, so it is never shown.
 */
export const CONNECT_COPY = {
	stateMismatch: 'Salesforce answered a different sign-in request. Click Connect again.',
	noRedirect: 'Salesforce did not send Tickler back an answer. Click Connect again.',
	noCode: 'Salesforce did not send an authorization code. Click Connect again.',
	windowClosed: 'The Salesforce window was closed before Tickler was connected. Click Connect to try again.',
	unreachablePage: (host: string) =>
		`The Salesforce sign-in page at ${host} could not be loaded. Check your My Domain and your connection.`,
	unreachable: (host: string) => `Salesforce could not be reached at ${host}. Check your connection and try again.`,
	accessDenied: 'You did not allow Tickler to use Salesforce. Click Connect again and choose Allow to sync.',
	unknownClient: (clientId: string) =>
		`Salesforce does not know the client id "${clientId}". Check it in Settings, or ask your Salesforce admin for Tickler's client id.`,
	redirectMismatch: (redirectUri: string) =>
		`Your org's External Client App does not list Tickler's callback URL ${redirectUri}. Ask your Salesforce admin to add it.`,
	/** `OAUTH_APP_BLOCKED` / `OAUTH_APP_ACCESS_DENIED` at authorize, `invalid_app_access` at the token endpoint. */
	appNotApproved:
		"Your Salesforce admin has not approved Tickler for your user (API Access Control). Ask them to approve Tickler's External Client App for your profile or permission set, then click Connect again.",
	other: 'Salesforce refused to connect Tickler. Click Connect again; if it happens again, ask your Salesforce admin.',
	/** The optional `identity` permission was refused (it opens Salesforce's sign-in window). */
	permissionRefused:
		"Tickler needs your permission to open Salesforce's sign-in window. Click Connect with Salesforce again and allow it.",
} as const;

/** R28: a Disconnect whose revoke Salesforce has not confirmed yet (the settings page, until it has). */
export function revokePendingText(host: string, since: string): string {
	return `Tickler is disconnected from ${host} here, but Salesforce has not yet confirmed revoking its access (asked ${since}). Tickler asks again whenever your browser is open; your Salesforce admin can also revoke it.`;
}

/** Why turning sync on was refused (R3, R20, R30): the settings page shows the error's message. */
export const ENABLE_SYNC_COPY = {
	noSession: 'Sign in to Salesforce in a tab first, then turn sync on.',
	sessionExpired: 'Your Salesforce session has expired. Sign in again, then turn sync on.',
	otherUser: 'Salesforce answered for another user than the one connected. Connect again.',
	keptOnByAdmin: 'Your admin keeps Salesforce sync on for Tickler.',
	turnedOffByAdmin: 'Your admin has turned Salesforce sync off for Tickler.',
} as const;

/** The Task page badge (R24, R38): what it says beside a Task. */
export const BADGE_COPY = {
	deleted: 'You deleted this reminder in Tickler; the Task is deleted at the next sync.',
	errorFallback: 'Salesforce refused the last change.',
	conflictResolved:
		'Resolved: this field was changed in Tickler and in Salesforce, and the later edit was kept. Tickler’s settings show what was overwritten.',
	notFound: 'Tickler cannot see this Task: it may be deleted or not shared with you.',
	ownedBySomeoneElse: 'This Task is owned by someone else; Tickler syncs only your own Tasks.',
	notAReminderType: 'Logged emails, calls and other activity types are not reminders, so Tickler leaves them out.',
	recurringSeries: 'This is a recurring series; Tickler syncs single Tasks only.',
	archived: 'This Task is archived in Salesforce, so Tickler leaves it out.',
	createdBeforeSync:
		'This Task was last changed before sync was turned on; only Tasks changed in the 24 hours before are imported.',
	signedOut: 'Sign in to Salesforce to resume sync.',
	reconnect: 'Reconnect to Salesforce to resume sync.',
	checkInAMoment: 'Tickler will check this Task in a moment.',
	checkAtNextSync: 'Tickler will check this Task at its next sync.',
	couldNotCheck: 'Tickler could not check this Task right now.',
	syncOff: 'Sync is off — turn it on in Tickler’s settings.',
	otherOrg: 'This Task belongs to another Salesforce org than the one Tickler syncs.',
	otherUser:
		'You are signed in to Salesforce as another user than the one Tickler syncs, so Tickler shows nothing here.',
} as const;

/** R37: a reminder whose Task is no longer the rep's, or no longer visible to them. */
export const DETACHED_COPY = {
	notYours: {
		message: 'This Task now belongs to someone else or to a queue in Salesforce, so Tickler no longer syncs it.',
		hint: 'The reminder stays here with your changes. Delete it (the Task stays in Salesforce), or ask for the Task to be assigned back to you: it then syncs again.',
	},
	noAccess: {
		message: 'Tickler can no longer read or change this Task in Salesforce: your access to it was removed.',
		hint: 'The reminder stays here with your changes. Ask your Salesforce admin for access to the Task, or delete the reminder (nothing is deleted in Salesforce).',
	},
} as const;

/** R19: the hint beside a reminder Salesforce refused, by the error's statusCode; `other` for any code not listed. */
export const RECORD_ERROR_HINTS = {
	STRING_TOO_LONG: 'Shorten the name or details, then retry.',
	INSUFFICIENT_ACCESS_OR_READONLY:
		'Your Salesforce user may not edit this Task. Ask your admin, or delete the reminder.',
	INSUFFICIENT_ACCESS: 'Your Salesforce user may not edit this Task. Ask your admin, or delete the reminder.',
	// Issue 20: what to do in Tickler — a rule or a required field Tickler has no field for is met in Salesforce.
	FIELD_CUSTOM_VALIDATION_EXCEPTION:
		'Open the Task in Salesforce to fill in what your org asks for (Tickler has no field for it), then Retry. Or delete the reminder.',
	REQUIRED_FIELD_MISSING:
		'Open the Task in Salesforce to fill in the field your org requires (Tickler has no field for it), then Retry. Or delete the reminder.',
	INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST:
		'Your org refused a picklist value. Retry after the next sync refreshes the values.',
	FIELD_INTEGRITY_EXCEPTION: 'Salesforce refused the values. Edit the reminder, then retry.',
	// R39: refusals of a whole request narrowed down to this one record.
	JSON_PARSER_ERROR: "Salesforce could not read one of this reminder's values. Edit the reminder, then retry.",
	INVALID_FIELD: 'Your org does not accept one of the fields Tickler sends. Ask your admin about the Task fields.',
	MALFORMED_ID: "Salesforce does not recognise this reminder's Task. Delete the reminder, or ask your admin.",
	other: 'Edit the reminder and retry, or delete it. Other reminders keep syncing.',
} as const;

/**
 * R19: the message beside a reminder Salesforce refused (its own message, cut to 500 characters, or the code),
 * one sentence ending in its stop, so the hint after it never runs into it (issue 20).
 */
export function recordErrorMessage(detail: string): string {
	const sentence = detail.trim();
	return `Salesforce refused this change: ${sentence}${/[.!?…]$/.test(sentence) ? '' : '.'}`;
}

/** The toolbar icon's tooltip (R22). */
export function toolbarTitle(dueToday: number): string {
	return dueToday === 1 ? 'Tickler — 1 reminder due today' : `Tickler — ${dueToday} reminders due today`;
}

/** R34: the "Remind me" control on Lead, Contact, Account and Opportunity pages, and the worker's refusals. */
export const REMIND_ME_COPY = {
	button: 'Remind me',
	title: 'Remind me about this record',
	name: 'Reminder',
	due: 'Due date',
	/** R31: the optional reminder time, on the due date. */
	time: 'Reminder time (optional)',
	save: 'Save',
	cancel: 'Cancel',
	saved: 'Reminder saved. Tickler will sync it to Salesforce.',
	/** The name prefilled: "Follow up: Ana Ruiz"; the object's name when the page shows none. */
	prefix: 'Follow up: ',
} as const;

/** R34: why the worker refuses a "Remind me" (kept apart so the content script does not bundle it). */
export const REMIND_REFUSAL_COPY = {
	syncOff: 'Turn on sync for this Salesforce org in Tickler first: a reminder about a record needs it.',
	otherOrg: 'This record belongs to another Salesforce org than the one Tickler syncs.',
} as const;
/** R31: Tickler's notification at a reminder time, and the snooze choices offered with it and in the popup. */
export const REMINDER_ALERT_COPY = {
	complete: 'Complete',
	/** The notification's second button (Chrome allows two): the popup's edit form offers the other choices. */
	snoozeButton: 'Snooze 1 hour',
	snooze: {'10-minutes': '10 minutes', '1-hour': '1 hour', 'tomorrow-morning': 'Tomorrow morning'},
	noDueDate: 'No due date',
	/** The heading of the one summary shown for several reminders at once (missed while the browser was closed). */
	summaryTitle: (count: number) => `${count} reminders`,
	summaryMore: (count: number) => `and ${count} more`,
	late: 'missed while your browser was closed',
	/** R60: the notification after a Complete or Snooze from a notification, with its Undo (held till it passes). */
	completed: 'Completed.',
	snoozedUntil: (time: string) => `Snoozed until ${time}.`,
	undo: 'Undo',
	/** Where notifications have no buttons (Firefox): the click is the Undo. */
	clickToUndo: 'Click to undo.',
} as const;

/** R31: the notification's line under the name: the due date and, when late, that it was missed. */
export function reminderAlertMessage(dueDate: string | null, late: boolean, reminderTime: string): string {
	const due = dueDate === null ? REMINDER_ALERT_COPY.noDueDate : `Due ${dueDate}`;
	return late ? `${due} · ${reminderTime}, ${REMINDER_ALERT_COPY.late}` : `${due} · ${reminderTime}`;
}

/** R32: the optional `notifications` permission — what the rep reads while Tickler may not notify. */
export const NOTIFICATIONS_PERMISSION_COPY = {
	/** Beside the reminder time in the popup's forms, while the permission is not granted. */
	formLine: 'Tickler may not show notifications, so Salesforce alerts you at this time.',
	/** Settings, "Reminder alerts", while Tickler is to alert but may not. */
	settingsLine:
		'Tickler may not show notifications in this browser yet, so Salesforce alerts you meanwhile (its own reminder).',
	allow: 'Allow notifications',
	refused: 'Notifications stay off: Salesforce keeps alerting you.',
} as const;

/**
 * R58: a reminder whose edit Salesforce's later edit overruled (R16) — said on the popup's row, All reminders,
 * Settings and the Task page badge, with the rep's choice. Field names as the rep knows them from the form.
 */
export const OVERRULED_COPY = {
	fields: {
		name: 'Name',
		status: 'Status',
		priority: 'Priority',
		dueDate: 'Due date',
		details: 'Details',
		whoId: 'Name (Contact or Lead)',
		whatId: 'Related to',
		reminderAt: 'Reminder time',
	},
	replaced: (fields: string) => `Salesforce’s later edit replaced yours: ${fields}.`,
	yours: 'Yours',
	empty: '(empty)',
	keepMine: 'Keep mine',
	keepTheirs: 'Keep Salesforce’s',
	/** The badge has no buttons of its own: the choice is in Tickler. */
	choose: 'Open Tickler to keep yours or Salesforce’s.',
} as const;

/** R58: the overruled fields as the rep knows them, in a sentence: "Details, Due date". */
export function overruledFieldNames(overruled: Pick<Overruled, 'mine'>): string {
	return (Object.keys(overruled.mine) as SyncedField[]).map(field => OVERRULED_COPY.fields[field]).join(', ');
}
