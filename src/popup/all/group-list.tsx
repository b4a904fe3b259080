/**
 * The All reminders page's chosen group (R44): its rows, a page at a time ("Show N more"), or why there are
 * none — still loading, none in the group, or none matching the search.
 */
import {formatNumber} from '@/shared/i18n/format.js';
import {t} from '@/shared/i18n/t.js';
import type {Reminder} from '@/shared/store/schema.js';
import type {SnoozeTo} from '@/shared/snooze.js';
import {ReminderRow} from '../reminder-row.js';
import {useRovingRows} from '../roving-rows.js';
import {groupLabel, type Group} from './groups.js';
import {PAGE_SIZE} from './store-read.js';

type Props = {
	group: Group;
	rows: Reminder[];
	shown: number;
	onShowMore: () => void;
	loading: boolean;
	searching: boolean;
	today: string;
	instanceHost: string | undefined;
	onDelete: (reminder: Reminder) => void;
	onComplete: (reminder: Reminder) => Promise<void>;
	onChanged: () => void;
	onSend: ((reminder: Reminder) => void) | undefined;
	onSnooze: (reminder: Reminder, to: SnoozeTo) => void;
};

export function GroupList({group, rows, shown, onShowMore, loading, searching, today, ...row}: Props) {
	// R48: the group's rows are one Tab stop, walked with the arrows.
	const list = useRovingRows<HTMLElement>();
	return (
		<section aria-labelledby="group-title" class="all-list" ref={list}>
			<h2 id="group-title">{groupLabel(group)}</h2>
			{rows.length === 0 ? (
				<p class="empty">{loading ? t('allLoading') : searching ? t('allNoMatch') : t('allNone')}</p>
			) : (
				<ul aria-labelledby="group-title">
					{rows.slice(0, shown).map(reminder => (
						<ReminderRow
							key={reminder.id}
							reminder={reminder}
							overdue={reminder.status === 'open' && reminder.dueDate !== null && reminder.dueDate < today}
							instanceHost={row.instanceHost}
							onDelete={row.onDelete}
							onComplete={row.onComplete}
							onChanged={row.onChanged}
							onSend={row.onSend}
							onSnooze={row.onSnooze}
						/>
					))}
				</ul>
			)}
			{rows.length > shown ? (
				<button type="button" class="more" onClick={onShowMore}>
					{t('allShowMore', {
						shown: formatNumber(Math.min(PAGE_SIZE, rows.length - shown)),
						left: formatNumber(rows.length - shown),
					})}
				</button>
			) : null}
		</section>
	);
}
