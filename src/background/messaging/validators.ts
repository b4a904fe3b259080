/**
 * What each message may carry (R27): the runtime checks message-rules.ts gives each method. Anything else is
 * refused before a handler sees it, with an InvalidMessageError that names what was wrong — or, for a
 * reminder's fields, the store's own InvalidReminderError, so a form can mark the field.
 */
import {remindObjectOf} from '@/shared/record-page-url.js';
import {cutAt} from '@/shared/subject-template.js';
import {isSnoozePreset, SNOOZE_UNTIL_MAX_MS} from '@/shared/snooze.js';
import {
	MAX_NAME_LENGTH,
	type NewReminderInput,
	validateDueDate,
	validateName,
	validateNewReminder,
	validatePatch,
	validateReminderAt,
} from '@/shared/store/reminder-validation.js';
import type {Input} from '@/shared/messages.js';
import type {SyncReason} from '@/shared/types.js';
import {isWhoAlerts} from '@/shared/store/reminder-time.js';
import {CLIENT_ID_PATTERN} from '../oauth/presets.js';

export class InvalidMessageError extends Error {
	override name = 'InvalidMessageError';
}

/** A Salesforce page's hostname (My Domain or Lightning), as a content script may name it. */
const SALESFORCE_HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.(my\.salesforce\.com|lightning\.force\.com)$/i;

const SYNC_REASONS = ['user', 'popup-opened', 'page-visit', 'local-change'] as const satisfies readonly SyncReason[];

/** More local-only reminders than anyone keeps (the All reminders page paints 20,000 at once). */
export const MAX_SEND_IDS = 100_000;

export function noInput(input: unknown): undefined {
	if (input !== undefined && input !== null) throw new InvalidMessageError('This message takes no input');
	return undefined;
}

function oneOf<const T extends readonly string[]>(value: unknown, allowed: T, what: string): T[number] {
	if (typeof value !== 'string' || !allowed.includes(value)) {
		throw new InvalidMessageError(`Invalid ${what}`);
	}

	return value;
}

function record(input: unknown): Record<string, unknown> {
	if (typeof input !== 'object' || input === null || Array.isArray(input)) {
		throw new InvalidMessageError('Expected an object');
	}

	return input as Record<string, unknown>;
}

/** `${orgId18}:${userId18}` (R2). The local-only partition is not an org and cannot be disabled or forgotten. */
function partitionId(value: unknown): string {
	if (typeof value !== 'string' || !/^00D[a-zA-Z0-9]{15}:005[a-zA-Z0-9]{15}$/.test(value)) {
		throw new InvalidMessageError('Invalid partition');
	}

	return value;
}

/** A local reminder id (a uuid for every reminder Tickler creates); only looked up, never trusted further. */
function reminderId(value: unknown): string {
	if (typeof value !== 'string' || value.length === 0 || value.length > 100) {
		throw new InvalidMessageError('Invalid reminder id');
	}

	return value;
}

/** The id the popup chose for a new reminder: a uuid, like every id Tickler makes. */
function newReminderId(value: unknown): string {
	if (typeof value !== 'string' || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) {
		throw new InvalidMessageError('Invalid reminder id');
	}

	return value.toLowerCase();
}

export function requestSyncInput(input: unknown): {reason: SyncReason} {
	return {reason: oneOf(record(input)['reason'], SYNC_REASONS, 'reason')};
}

/** The store's own rules (reminder-validation.ts), so a bad name or date is refused with the message the form shows. */
export function addReminderInput(input: unknown): Input<'addReminder'> {
	const {id, reminder} = record(input);
	return {id: newReminderId(id), reminder: validateNewReminder(record(reminder) as NewReminderInput)};
}

export function editReminderInput(input: unknown): Input<'editReminder'> {
	const {id, patch} = record(input);
	return {id: reminderId(id), patch: validatePatch(record(patch))};
}

export function reminderIdInput(input: unknown): {id: string} {
	return {id: reminderId(record(input)['id'])};
}

/**
 * R50: a reminder and one of the Snooze presets, or a time the rep chose: an instant from now (a minute's
 * slack for the clock) to a year ahead. Nothing else.
 */
export function snoozeInput(input: unknown, now: number = Date.now()): Input<'snoozeReminder'> {
	const {id, preset, until} = record(input);
	if (until === undefined) {
		if (!isSnoozePreset(preset)) throw new InvalidMessageError('Invalid snooze');
		return {id: reminderId(id), preset};
	}

	const at = typeof until === 'string' && preset === undefined ? Date.parse(until) : Number.NaN;
	if (!Number.isFinite(at) || at < now - 60_000 || at > now + SNOOZE_UNTIL_MAX_MS) {
		throw new InvalidMessageError('Invalid snooze time');
	}

	return {id: reminderId(id), until: new Date(at).toISOString()};
}

/** R44: the ids the rep confirmed; bounded so a bad page cannot make the worker read without end. */
export function sendLocalOnlyInput(input: unknown): {ids: string[]} {
	const {ids} = record(input);
	if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_SEND_IDS) {
		throw new InvalidMessageError('Invalid reminder ids');
	}

	return {ids: ids.map(reminderId)};
}

export function partitionInput(input: unknown): {partition: string} {
	return {partition: partitionId(record(input)['partition'])};
}

/** R10: the settings page's Subject template; its length is the store's rule (local-edits.ts setSubjectTemplate). */
export function subjectTemplateInput(input: unknown): Input<'saveSubjectTemplate'> {
	const {partition, template} = record(input);
	if (typeof template !== 'string') throw new InvalidMessageError('Invalid template');
	return {partition: partitionId(partition), template};
}

/** R32: who alerts; the store checks the value again (local-edits.ts setWhoAlerts). */
export function whoAlertsInput(input: unknown): Input<'saveWhoAlerts'> {
	const {partition, whoAlerts} = record(input);
	if (!isWhoAlerts(whoAlerts)) throw new InvalidMessageError('Invalid choice of who alerts');
	return {partition: partitionId(partition), whoAlerts};
}

/** Issue 24: what the toolbar button opens. */
export function toolbarOpensInput(input: unknown): Input<'saveToolbarOpens'> {
	const {opens} = record(input);
	if (opens !== 'popup' && opens !== 'panel')
		throw new InvalidMessageError('Invalid choice of what the toolbar button opens');
	return {opens};
}

/** R50: the notification Snooze button's default, one of the popup's presets. */
export function notificationSnoozeInput(input: unknown): Input<'saveNotificationSnooze'> {
	const {preset} = record(input);
	if (!isSnoozePreset(preset)) throw new InvalidMessageError('Invalid snooze');
	return {preset};
}

export function clientIdInput(input: unknown): {clientId: string} {
	const clientId = record(input)['clientId'];
	if (typeof clientId !== 'string' || !CLIENT_ID_PATTERN.test(clientId.trim()))
		throw new InvalidMessageError('Invalid client id');
	return {clientId: clientId.trim()};
}

export function connectInput(input: unknown): Input<'connectSalesforce'> {
	const host = record(input)['host'];
	if (host === undefined || host === null) return {};
	// Only a Salesforce host is ever an authorize URL (R26); connect-oauth maps it to the My Domain host.
	if (typeof host !== 'string' || !SALESFORCE_HOST.test(host.trim())) throw new InvalidMessageError('Invalid host');
	return {host: host.trim().toLowerCase()};
}

/**
 * R34: from a content script beside an untrusted page: a Salesforce host, a Lead/Contact/Account/Opportunity
 * id, and the store's own rules for the name and date.
 */
/** R32/R34: the record page "Remind me" asks about (issue 20: who will alert). */
export function recordPageInput(input: unknown): Input<'remindMeAlerts'> {
	const {host, recordId} = record(input);
	if (
		typeof host !== 'string' ||
		typeof recordId !== 'string' ||
		!SALESFORCE_HOST.test(host) ||
		remindObjectOf(recordId) === undefined
	) {
		throw new InvalidMessageError('Invalid record');
	}

	return {host: host.toLowerCase(), recordId};
}

export function remindAboutRecordInput(input: unknown): Input<'remindAboutRecord'> {
	const {id, host, recordId, name, dueDate, recordName, reminderAt} = record(input);
	if (
		typeof host !== 'string' ||
		typeof recordId !== 'string' ||
		!SALESFORCE_HOST.test(host) ||
		remindObjectOf(recordId) === undefined
	) {
		throw new InvalidMessageError('Invalid record');
	}

	if (typeof recordName !== 'string') throw new InvalidMessageError('Invalid record name');
	return {
		id: newReminderId(id),
		host: host.toLowerCase(),
		recordId,
		name: validateName(name),
		dueDate: validateDueDate(dueDate),
		// Page text: cut on a whole character, never half of a surrogate pair (subject-template.ts cutAt).
		recordName: cutAt(recordName.replaceAll(/\s+/g, ' ').trim(), MAX_NAME_LENGTH),
		// R31: optional; absent, null or '' is none, anything else must be a real instant Salesforce accepts.
		reminderAt: validateReminderAt(reminderAt),
	};
}

export function saveSeenInput(input: unknown): {host: string} {
	const {host} = record(input);
	if (typeof host !== 'string' || !SALESFORCE_HOST.test(host)) throw new InvalidMessageError('Invalid host');
	return {host};
}

/** A content script runs beside an untrusted page: accept only a Salesforce hostname and a Task id. */
export function taskBadgeInput(input: unknown): Input<'getTaskBadge'> {
	const {host, taskId} = record(input);
	if (typeof host !== 'string' || !SALESFORCE_HOST.test(host)) throw new InvalidMessageError('Invalid host');
	if (typeof taskId !== 'string' || !/^00T[a-zA-Z0-9]{12}([a-zA-Z0-9]{3})?$/.test(taskId)) {
		throw new InvalidMessageError('Invalid Task id');
	}

	return {host, taskId};
}
