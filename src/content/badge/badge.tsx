import {useState} from 'preact/hooks';
import type {TaskBadge} from '@/shared/types.js';

/**
 * The badge on a Salesforce Task page (R24): a small pill with the state, which opens a card with the
 * details and the R10 note. Every Salesforce-derived string is a JSX text child, so preact sets it as
 * text and never parses it as HTML (R27).
 */
export const SUBJECT_NOTE = 'Subject edits made in Salesforce do not change the reminder.';

type Tone = 'success' | 'warning' | 'error' | 'neutral';

type View = {tone: Tone; label: string; title?: string; detail: string; hint?: string};

export function describeBadge(badge: TaskBadge, now: Date = new Date()): View {
	switch (badge.state) {
		case 'synced': {
			const at = formatSyncTime(badge.lastSyncedAt, now);
			return {
				tone: 'success',
				label: `Synced ${at}`,
				title: badge.reminderName,
				detail: `Linked to this reminder; last synced ${at}.`,
			};
		}

		case 'pending': {
			return {
				tone: 'warning',
				label: 'Pending',
				title: badge.reminderName,
				detail: 'Linked; a change is waiting to sync.',
			};
		}

		case 'error': {
			return {
				tone: 'error',
				label: 'Sync error',
				title: badge.reminderName,
				detail: badge.message,
				...(badge.hint === undefined ? {} : {hint: badge.hint}),
			};
		}

		case 'conflict': {
			return {tone: 'error', label: 'Conflict', title: badge.reminderName, detail: badge.message};
		}

		case 'not-linked': {
			return {tone: 'neutral', label: 'Not linked', detail: badge.message};
		}
	}
}

/** "10:42" today, "Mar 3, 10:42" otherwise, in the rep's locale and time zone. */
export function formatSyncTime(iso: string, now: Date): string {
	const at = new Date(iso);
	if (Number.isNaN(at.getTime())) return 'recently';
	const time = at.toLocaleTimeString(undefined, {hour: '2-digit', minute: '2-digit'});
	return at.toDateString() === now.toDateString()
		? time
		: `${at.toLocaleDateString(undefined, {month: 'short', day: 'numeric'})}, ${time}`;
}

export function Badge({badge, now}: {badge: TaskBadge; now?: Date}) {
	const [open, setOpen] = useState(false);
	const view = describeBadge(badge, now);
	return (
		<div class={`badge ${view.tone}`} data-state={badge.state}>
			<button
				type="button"
				class="pill"
				aria-expanded={open}
				aria-controls="tickler-card"
				title={SUBJECT_NOTE}
				onClick={() => setOpen(value => !value)}
			>
				<span class="dot" aria-hidden="true" />
				<span class="brand">Tickler</span>
				<span class="label">{view.label}</span>
			</button>
			<section id="tickler-card" class="card" role="status" hidden={!open} aria-label="Tickler reminder status">
				{view.title === undefined ? null : <p class="title">{view.title}</p>}
				<p class="detail">{view.detail}</p>
				{view.hint === undefined ? null : <p class="hint">{view.hint}</p>}
				<p class="note">{SUBJECT_NOTE}</p>
			</section>
		</div>
	);
}
