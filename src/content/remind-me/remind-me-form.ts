import {REMIND_ME_COPY as COPY} from '@/shared/copy.js';
import type {WhoAlerts} from '@/shared/store/schema.js';
import {recordKind} from '@/shared/i18n/record-kind.js';
import {uiLanguage} from '@/shared/i18n/t.js';
import {localDateString} from '@/shared/local-date.js';
import type {RecordPage} from '@/shared/record-page-url.js';
import {adoptStyles} from '../task-badge/badge-mount.js';
import {isRepAction} from '../rep-action.js';
import {prefilledName, readRecordName, whenRecordNameShows} from './record-name.js';
import {REMIND_ME_CSS} from './remind-me-styles.js';

export const REMIND_ME_TAG = 'tickler-remind-me';

export type RemindInput = {name: string; dueDate: string | null; recordName: string; reminderAt?: string};
export type SaveReminder = (page: RecordPage, input: RemindInput) => Promise<unknown>;
/** R32 (issue 20): who will alert at a reminder time on this record's page (the worker's `remindMeAlerts`). */
export type AskWhoAlerts = (page: RecordPage) => Promise<WhoAlerts>;

const ALERTS_LINE = {
	tickler: () => COPY.alertsTickler,
	salesforce: () => COPY.alertsSalesforce,
	both: () => COPY.alertsBoth,
} as const satisfies Record<WhoAlerts, () => string>;

/** The control's elements inside its shadow root. */
type Parts = {
	button: HTMLButtonElement;
	form: HTMLFormElement;
	name: HTMLInputElement;
	due: HTMLInputElement;
	time: HTMLInputElement;
	/** Under the time field: who will alert at that time (R32), once the worker has said. */
	alerts: HTMLParagraphElement;
	status: HTMLParagraphElement;
	cancel: HTMLButtonElement;
	submit: HTMLButtonElement;
};

function buildParts(doc: Document, shadow: ShadowRoot): Parts {
	const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: object = {}): HTMLElementTagNameMap[K] =>
		Object.assign(doc.createElement(tag), props);
	const parts: Parts = {
		button: el('button', {type: 'button', textContent: COPY.button, title: COPY.title}),
		form: el('form', {hidden: true}),
		name: el('input', {name: 'name', required: true, maxLength: 255}),
		due: el('input', {name: 'dueDate', type: 'date'}),
		time: el('input', {name: 'reminderTime', type: 'time'}),
		alerts: el('p', {className: 'alerts', hidden: true}),
		status: el('p', {role: 'status'}),
		cancel: el('button', {type: 'button', textContent: COPY.cancel}),
		submit: el('button', {type: 'submit', textContent: COPY.save, className: 'primary'}),
	};
	const label = (text: string, input: HTMLInputElement) => {
		const l = el('label', {textContent: text});
		l.append(input);
		return l;
	};
	const row = el('div', {className: 'row'});
	row.append(parts.cancel, parts.submit);
	parts.form.setAttribute('aria-label', COPY.title);
	parts.form.append(
		label(COPY.name, parts.name),
		label(COPY.due, parts.due),
		label(COPY.time, parts.time),
		parts.alerts,
		parts.status,
		row,
	);
	// R46: Tickler's words on a Salesforce page are in the rep's language, whatever the page's.
	shadow.host.setAttribute('lang', uiLanguage());
	shadow.append(parts.button, parts.form);
	return parts;
}

/** R32 (issue 20): says under the time field who will alert; nothing when the worker cannot say. */
function showWhoAlerts(alerts: HTMLParagraphElement, page: RecordPage, ask: AskWhoAlerts | undefined): void {
	alerts.hidden = true;
	ask?.(page).then(
		who => {
			alerts.textContent = ALERTS_LINE[who]();
			alerts.hidden = false;
		},
		() => undefined,
	);
}

/** Opens the form prefilled: "Follow up: <name>" (the object's name when the page shows none), due tomorrow. */
function openForm(parts: Parts, doc: Document, page: RecordPage, ask?: AskWhoAlerts): void {
	const recordName = readRecordName(doc, page.object);
	const prefilled = prefilledName(recordName ?? recordKind(page.object));
	parts.name.value = prefilled;
	if (recordName === undefined) {
		// The header may be drawn a moment later: its name replaces the object's while the form is open on the
		// page and the rep has not typed.
		const untouched = () => parts.button.isConnected && !parts.form.hidden && parts.name.value === prefilled;
		whenRecordNameShows(doc, page.object, untouched, name => {
			parts.name.value = prefilledName(name);
		});
	}
	// Tomorrow in the rep's own calendar (R11): a follow-up is rarely for today.
	parts.due.value = localDateString(new Date(Date.now() + 864e5));
	parts.time.value = '';
	parts.due.required = false;
	parts.status.textContent = '';
	parts.form.hidden = false;
	showWhoAlerts(parts.alerts, page, ask);
	parts.name.focus();
}

function readInput(parts: Parts, doc: Document, page: RecordPage): RemindInput {
	const {name, due, time} = parts;
	const input: RemindInput = {
		name: name.value,
		dueDate: due.value || null,
		recordName: readRecordName(doc, page.object) ?? '',
	};
	// R31: `2026-03-05T09:30` without an offset is the rep's local time in every browser (ECMAScript
	// Date Time String Format), so the instant sent is that moment on the rep's clock.
	if (time.value && due.value) input.reminderAt = new Date(`${due.value}T${time.value}`).toISOString();
	return input;
}

/** Sends the form; says "saved" beside the button, or the worker's refusal in the form. */
function submitForm(parts: Parts, doc: Document, page: RecordPage, save: SaveReminder): void {
	const {form, status, submit, button} = parts;
	submit.disabled = true;
	status.className = '';
	save(page, readInput(parts, doc, page))
		.then(
			() => {
				form.hidden = true;
				status.textContent = COPY.saved;
				button.after(status);
			},
			(error: unknown) => {
				status.className = 'error';
				status.textContent = error instanceof Error ? error.message : String(error);
			},
		)
		.finally(() => {
			submit.disabled = false;
		});
}

/**
 * R34: the "Remind me" button and its small form in one custom element with a closed shadow root (R52: page
 * script cannot fill or send the form; the reference stays in this closure), for the record `currentPage()`
 * names when the rep acts. Plain DOM, no framework; record text goes in as text only.
 */
export function buildRemindHost(
	doc: Document,
	save: SaveReminder,
	currentPage: () => RecordPage | undefined,
	askWhoAlerts?: AskWhoAlerts,
) {
	const root = doc.createElement(REMIND_ME_TAG);
	const shadow = root.attachShadow({mode: 'closed'});
	adoptStyles(shadow, doc, REMIND_ME_CSS);
	const parts = buildParts(doc, shadow);
	const {button, form, due, time} = parts;
	// R31: the optional reminder time is on the due date, so a time needs a date (the browser says so).
	form.oninput = () => {
		due.required = !!time.value;
	};
	const close = (): void => {
		form.hidden = true;
		button.focus();
	};
	// R52: only the rep's own clicks open the form or save it (rep-action.ts).
	button.onclick = event => {
		if (!isRepAction(event)) return;
		const page = currentPage();
		if (!form.hidden || !page) close();
		else openForm(parts, doc, page, askWhoAlerts);
	};
	parts.cancel.onclick = close;
	form.onkeydown = event => {
		if (event.key === 'Escape') close();
	};
	// R52: a page's `requestSubmit()` fires a trusted submit event, so `submit` never saves; Save's trusted
	// click does (Enter in a field clicks Save too), after the browser's own check of the fields.
	form.onsubmit = event => {
		event.preventDefault();
	};
	parts.submit.onclick = event => {
		event.preventDefault();
		const page = currentPage();
		if (isRepAction(event) && page && form.reportValidity()) submitForm(parts, doc, page, save);
	};
	return root;
}
