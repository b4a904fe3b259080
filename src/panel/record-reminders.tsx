/**
 * The side panel beside a Salesforce record (issue 24, with R33/R34): the open reminders already about the
 * record in the active tab, and "Remind me" about it — the same add form as the popup, filled with "Follow up:
 * <name>" and saved about that record. Shown only for a record of the org Tickler syncs: a reminder about a
 * record of another org could never become its Task.
 */
import {useEffect, useState} from 'preact/hooks';
import {remindMeName} from '@/shared/copy.js';
import {t} from '@/shared/i18n/t.js';
import {to18} from '@/shared/record-ids.js';
import {toMyDomainHost} from '@/shared/salesforce-hosts.js';
import type {Reminder} from '@/shared/store/schema.js';
import {onStoreChanged} from '@/shared/store/store-changed.js';
import {AddForm, type Draft, newDraft} from '../popup/add-form.js';
import {readAbout} from '../popup/all/store-read.js';
import {localDays} from '../popup/dates.js';
import {ReminderRow} from '../popup/reminder-row.js';
import {useRovingRows} from '../popup/roving-rows.js';
import {useUndoOffer} from '../popup/undo-toast.js';
import type {ActiveRecord} from './active-record.js';

type About = {reminders: Reminder[]; instanceHost: string | undefined; synced: boolean};

/**
 * The open reminders about `recordId` in the synced org, read again at every change of the store — only those
 * (all-view.ts readRemindersAbout), however many the rep has.
 */
function useRemindersAbout(record: ActiveRecord): {about: About | undefined; refresh: () => void} {
	const [about, setAbout] = useState<About | undefined>(undefined);
	const [version, setVersion] = useState(0);
	useEffect(() => onStoreChanged(() => setVersion(value => value + 1)), []);
	useEffect(() => {
		let current = true;
		const id = to18(record.recordId);
		void readAbout(id).then(({partition, reminders}) => {
			if (!current) return;
			const synced = partition?.enabled === true && toMyDomainHost(record.host) === partition.instanceHost;
			const mine = reminders
				.filter(reminder => reminder.status === 'open')
				// Soonest first, as the popup reads; no due date last.
				.sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.name.localeCompare(b.name));
			setAbout({reminders: synced ? mine : [], instanceHost: partition?.instanceHost, synced});
		});
		return () => {
			current = false;
		};
	}, [record.recordId, record.host, version]);
	return {about, refresh: () => setVersion(value => value + 1)};
}

type ListProps = {
	reminders: readonly Reminder[];
	instanceHost: string | undefined;
	onDelete: (reminder: Reminder) => void;
	onComplete: (reminder: Reminder) => Promise<void>;
	onChanged: () => void;
};

/**
 * R48: one Tab stop, walked with the arrows, as the popup's lists. Its own component, so the roving rows are
 * wired when the list is first shown (the section renders nothing until the store was read).
 */
function AboutList({reminders, instanceHost, onDelete, onComplete, onChanged}: ListProps) {
	const list = useRovingRows<HTMLUListElement>();
	return (
		<ul class="reminders" ref={list}>
			{reminders.map(reminder => (
				<ReminderRow
					key={reminder.id}
					reminder={reminder}
					overdue={reminder.dueDate !== null && reminder.dueDate < localDays().today}
					instanceHost={instanceHost}
					onDelete={onDelete}
					onComplete={onComplete}
					onChanged={onChanged}
				/>
			))}
		</ul>
	);
}

export function RecordReminders({record}: {record: ActiveRecord}) {
	const {about, refresh} = useRemindersAbout(record);
	const [draft, setDraft] = useState<Draft | undefined>(undefined);
	// Delete and Complete offer Undo here as in the popup (R43, R60).
	const {remove, complete, toast} = useUndoOffer(refresh);
	if (!about?.synced) return null;
	const name = record.name === '' ? record.object : record.name;
	const field = record.object === 'Contact' || record.object === 'Lead' ? 'whoId' : 'whatId';
	return (
		<section class="record-reminders" aria-labelledby="record-reminders-title">
			<h2 id="record-reminders-title">{t('panelAboutRecord', {name})}</h2>
			{about.reminders.length === 0 ? <p class="empty">{t('panelNoneAboutRecord')}</p> : null}
			<AboutList
				reminders={about.reminders}
				instanceHost={about.instanceHost}
				onDelete={target => void remove(target)}
				onComplete={complete}
				onChanged={refresh}
			/>
			{draft === undefined ? (
				<button
					type="button"
					onClick={() =>
						setDraft(
							newDraft(
								localDays().today,
								{name: remindMeName(name)},
								{recordId: to18(record.recordId), field, recordName: name},
							),
						)
					}
				>
					{t('remindMeButton')}
				</button>
			) : (
				<AddForm key={draft.id} draft={draft} onAdded={refresh} onClose={() => setDraft(undefined)} />
			)}
			{toast}
		</section>
	);
}
