/**
 * The command center's list (R22): open reminders due today — overdue ones first, marked "Overdue" — and
 * tomorrow. Rendered from IndexedDB; `tickler:due-list-painted` marks its first appearance (the popup
 * benchmark measures it with 20,000 reminders stored).
 */
import {useLayoutEffect} from 'preact/hooks';
import type {DueReminders} from '@/shared/store/popup-view.js';
import type {Reminder} from '@/shared/store/schema.js';
import type {SnoozeTo} from '@/shared/snooze.js';
import {t} from '@/shared/i18n/t.js';
import {ReminderRow} from './reminder-row.js';
import {useRovingRows} from './roving-rows.js';

export const PAINT_MARK = 'tickler:due-list-painted';

/** Earliest due first; within a day, high priority first, then by name. */
function byDueThenPriority(a: Reminder, b: Reminder): number {
	return (
		(a.dueDate ?? '').localeCompare(b.dueDate ?? '') ||
		Number(b.priority === 'high') - Number(a.priority === 'high') ||
		a.name.localeCompare(b.name)
	);
}

type Props = {
	due: DueReminders;
	instanceHost: string | undefined;
	onDelete: (reminder: Reminder) => void;
	/** R60: Complete with an Undo offer. */
	onComplete: (reminder: Reminder) => Promise<void>;
	/** After a row's own write: read the store again. */
	onChanged: () => void;
	/** R59/R5: "Send to Salesforce" on a local-only reminder, while sync is on. */
	onSend?: ((reminder: Reminder) => void) | undefined;
	/** R50: Snooze by a preset with an Undo offer. */
	onSnooze?: ((reminder: Reminder, to: SnoozeTo) => void) | undefined;
};

export function DueList({due, instanceHost, onDelete, onComplete, onChanged, onSend, onSnooze}: Props) {
	// R48: today's and tomorrow's rows are one Tab stop, walked with the arrows.
	const rows = useRovingRows<HTMLDivElement>();
	useLayoutEffect(() => {
		if (performance.getEntriesByName(PAINT_MARK).length === 0) performance.mark(PAINT_MARK);
	}, []);

	const overdue = due.overdue.toSorted(byDueThenPriority);
	const today = due.today.toSorted(byDueThenPriority);
	const tomorrow = due.tomorrow.toSorted(byDueThenPriority);
	const row = (reminder: Reminder, isOverdue: boolean) => (
		<ReminderRow
			key={reminder.id}
			reminder={reminder}
			overdue={isOverdue}
			instanceHost={instanceHost}
			onDelete={onDelete}
			onComplete={onComplete}
			onChanged={onChanged}
			onSend={onSend}
			onSnooze={onSnooze}
		/>
	);

	return (
		<div class="due-list" ref={rows}>
			<section aria-labelledby="due-today">
				<h2 id="due-today">{t('popupToday')}</h2>
				{overdue.length + today.length === 0 ? (
					<p class="empty">{t('popupNothingToday')}</p>
				) : (
					<ul aria-labelledby="due-today">
						{overdue.map(reminder => row(reminder, true))}
						{today.map(reminder => row(reminder, false))}
					</ul>
				)}
			</section>
			<section aria-labelledby="due-tomorrow">
				<h2 id="due-tomorrow">{t('popupTomorrow')}</h2>
				{tomorrow.length === 0 ? (
					<p class="empty">{t('popupNothingTomorrow')}</p>
				) : (
					<ul aria-labelledby="due-tomorrow">{tomorrow.map(reminder => row(reminder, false))}</ul>
				)}
			</section>
		</div>
	);
}
