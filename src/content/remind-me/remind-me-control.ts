import {REMIND_ME_COPY as COPY} from '@/shared/copy.js';
import {localDateString} from '@/shared/local-date.js';
import type {RecordPage} from '@/shared/record-page-url.js';
import {adoptStyles, placeHost} from '../task-badge/badge-mount.js';
import {findRecordHeader, placeBadge} from '../selectors.js';
import {prefilledName, readRecordName} from './record-name.js';
import {REMIND_ME_CSS} from './remind-me-styles.js';

export const REMIND_ME_TAG = 'tickler-remind-me';

export type RemindInput = {name: string; dueDate: string | null; recordName: string; reminderAt?: string};
export type RemindControl = {show(page: RecordPage): void; remove(): void};

/**
 * R34: the "Remind me" button and its small form. Like the badge (task-badge/badge-mount.ts) it lives in one custom
 * element with an open shadow root, fixed-positioned by `!important` inline styles just under the record
 * header's right end (or the bottom-right corner), so it never restyles the page and never covers the
 * header's own buttons; the form opens under the button only when the rep asks for it. Plain DOM, no
 * framework: about 1.5 KB gzip of the content script's 15 KB budget. Record text goes in as text only.
 */
export function createRemindControl(
	save: (page: RecordPage, input: RemindInput) => Promise<unknown>,
	doc = document,
): RemindControl {
	let host: HTMLElement | undefined;
	let page: RecordPage | undefined;
	const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: object = {}): HTMLElementTagNameMap[K] =>
		Object.assign(doc.createElement(tag), props);

	const build = (): HTMLElement => {
		const root = doc.createElement(REMIND_ME_TAG);
		const shadow = root.attachShadow({mode: 'open'});
		adoptStyles(shadow, doc, REMIND_ME_CSS);
		const button = el('button', {type: 'button', textContent: COPY.button, title: COPY.title});
		const form = el('form', {hidden: true});
		form.setAttribute('aria-label', COPY.title);
		const name = el('input', {name: 'name', required: true, maxLength: 255});
		const due = el('input', {name: 'dueDate', type: 'date'});
		const time = el('input', {name: 'reminderTime', type: 'time'});
		const status = el('p', {role: 'status'});
		const cancel = el('button', {type: 'button', textContent: COPY.cancel});
		const submit = el('button', {type: 'submit', textContent: COPY.save, className: 'primary'});
		const label = (text: string, input: HTMLInputElement) => {
			const l = el('label', {textContent: text});
			l.append(input);
			return l;
		};
		const row = el('div', {className: 'row'});
		row.append(cancel, submit);
		// R31: the optional reminder time is on the due date, so a time needs a date (the browser says so).
		form.oninput = () => {
			due.required = !!time.value;
		};
		form.append(label(COPY.name, name), label(COPY.due, due), label(COPY.time, time), status, row);
		shadow.append(button, form);

		const close = (): void => {
			form.hidden = true;
			button.focus();
		};
		button.onclick = () => {
			if (!form.hidden || !page) return close();
			name.value = prefilledName(readRecordName(doc, page.object) ?? page.object);
			// Tomorrow in the rep's own calendar (R11): a follow-up is rarely for today.
			due.value = localDateString(new Date(Date.now() + 864e5));
			time.value = '';
			due.required = false;
			status.textContent = '';
			form.hidden = false;
			name.focus();
		};
		cancel.onclick = close;
		form.onkeydown = event => {
			if (event.key === 'Escape') close();
		};
		form.onsubmit = event => {
			event.preventDefault();
			const asked = page;
			if (!asked) return;
			submit.disabled = true;
			status.className = '';
			const input: RemindInput = {
				name: name.value,
				dueDate: due.value || null,
				recordName: readRecordName(doc, asked.object) ?? '',
			};
			// R31: `2026-03-05T09:30` without an offset is the rep's local time in every browser (ECMAScript
			// Date Time String Format), so the instant sent is that moment on the rep's clock.
			if (time.value && due.value) input.reminderAt = new Date(`${due.value}T${time.value}`).toISOString();
			save(asked, input)
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
		};
		return root;
	};

	const place = (): void => {
		if (host) placeHost(host, placeBadge(findRecordHeader(doc), doc.defaultView?.innerWidth ?? 1024));
	};

	let timer: number | undefined;
	return {
		show(next) {
			const moved = page?.recordId !== next.recordId;
			page = next;
			if (moved) host?.remove();
			if (moved || !host) host = build();
			if (!host.isConnected) ((doc.body as HTMLElement | null) ?? doc.documentElement).append(host);
			place();
			// Lightning draws the header after the address changes: follow it for a few seconds.
			let tries = 0;
			clearInterval(timer);
			timer = window.setInterval(() => {
				place();
				if (++tries > 10) clearInterval(timer);
			}, 500);
		},
		remove() {
			clearInterval(timer);
			host?.remove();
			host = undefined;
			page = undefined;
		},
	};
}
