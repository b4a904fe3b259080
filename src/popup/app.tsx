/**
 * The command center (R22). Everything on screen is read from IndexedDB through liveQuery — the first
 * paint never waits for the service worker to wake (engineering guide §1); writes go through local-edits
 * and then nudge the worker (R13, R17).
 */
import {useCallback, useEffect, useMemo, useRef, useState} from 'preact/hooks';
import {addReminder, deleteReminder, undoDelete} from '@/shared/store/local-edits.js';
import {activePartition, dueReminders, getPartition, pendingCount, remindersInError} from '@/shared/store/queries.js';
import type {Reminder} from '@/shared/store/schema.js';
import {db} from './db.js';
import {formatTime, localDays} from './dates.js';
import {DueList} from './due-list.js';
import {nudgeSync} from './nudge.js';
import {ReminderForm} from './reminder-form.js';
import {StatusLine} from './status-line.js';
import {statusView} from './status-text.js';
import {UndoToast} from './undo-toast.js';
import {useLiveQuery} from './use-live-query.js';

async function readPopupData(days: {today: string; tomorrow: string}) {
	const partitionId = await activePartition(db);
	const [partition, due, pending, errors] = await Promise.all([
		getPartition(db, partitionId),
		dueReminders(db, partitionId, days),
		pendingCount(db, partitionId),
		remindersInError(db, partitionId),
	]);
	return {partition, due, pending, errors: errors.length};
}

/**
 * Started when this module is evaluated, before preact mounts: the first paint of the due list waits only
 * for IndexedDB, not for the render that subscribes the live query (R22; the benchmark's first paint).
 */
const firstDays = localDays();
const firstRead = readPopupData(firstDays);

export function App() {
	const days = useMemo(() => localDays(), []);
	const data = useLiveQuery(
		async () => readPopupData(days),
		[days.today],
		days.today === firstDays.today ? firstRead : undefined,
	);
	const [adding, setAdding] = useState(false);
	const [deleted, setDeleted] = useState<{reminder: Reminder; error?: string} | undefined>(undefined);

	useEffect(() => {
		// R13: opening the popup syncs, and keeps the minute cadence for a while.
		nudgeSync('popup-opened');
	}, []);

	const dismissUndo = useCallback(() => setDeleted(undefined), []);
	const addButton = useRef<HTMLButtonElement>(null);
	const wasAdding = useRef(false);
	useEffect(() => {
		// Keyboard users land back on "Add reminder" when the form closes, not at the top of the page.
		if (wasAdding.current && !adding) addButton.current?.focus();
		wasAdding.current = adding;
	}, [adding]);

	async function remove(reminder: Reminder) {
		await deleteReminder(db, reminder.id);
		setDeleted({reminder});
		nudgeSync();
	}

	async function undo() {
		if (!deleted) return;
		try {
			await undoDelete(db, deleted.reminder.id);
			setDeleted(undefined);
			nudgeSync();
		} catch (error) {
			setDeleted({...deleted, error: error instanceof Error ? error.message : String(error)});
		}
	}

	const view = data
		? statusView({
				partition: data.partition,
				pending: data.pending,
				errors: data.errors,
				formatTime: ms => formatTime(ms),
			})
		: undefined;

	return (
		<main aria-labelledby="title">
			<header class="header">
				<h1 id="title">Tickler</h1>
				{adding ? null : (
					<button type="button" class="primary" ref={addButton} onClick={() => setAdding(true)}>
						Add reminder
					</button>
				)}
			</header>
			{view ? <StatusLine view={view} /> : null}
			{adding ? (
				<ReminderForm
					label="Add a reminder"
					submitLabel="Add"
					initial={{name: '', priority: 'normal', dueDate: days.today, details: ''}}
					onCancel={() => setAdding(false)}
					onSubmit={async values => {
						await addReminder(db, values);
						nudgeSync();
						setAdding(false);
					}}
				/>
			) : null}
			{data ? (
				<DueList
					due={data.due}
					instanceHost={data.partition?.instanceHost}
					onDelete={reminder => void remove(reminder)}
				/>
			) : null}
			{deleted ? (
				<UndoToast
					name={deleted.reminder.name}
					error={deleted.error}
					onUndo={() => void undo()}
					onDismiss={dismissUndo}
				/>
			) : null}
		</main>
	);
}
