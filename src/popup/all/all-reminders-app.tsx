/**
 * The All reminders page (R44): every reminder within reach — upcoming by date, no due date, completed,
 * local-only — with search, and edit, complete, delete (with Undo, R43) and "Send to Salesforce" for
 * local-only ones (R5: only on purpose, after a confirmation that says how many Tasks it creates).
 * Reads come straight from IndexedDB (store-read.ts); writes go to the worker like the popup's.
 */
import {useEffect, useLayoutEffect, useMemo, useRef, useState} from 'preact/hooks';
import {callBackground} from '@/shared/messages.js';
import {LocalFailureNotice, useLocalFailureReport} from '@/shared/ui/local-failure-notice.js';
import {localDays} from '../dates.js';
import {nudgeSync} from '../nudge.js';
import {ReminderRow} from '../reminder-row.js';
import {useDeleteWithUndo} from '../undo-toast.js';
import {GROUP_LABELS, GROUPS, type Group, groupAll, sendConfirmation} from './groups.js';
import {PAGE_SIZE, useAllReminders} from './store-read.js';

export const ALL_PAINT_MARK = 'tickler:all-reminders-painted';

type Confirm = {ids: string[]; what: string};

export function AllRemindersApp() {
	const {today} = useMemo(() => localDays(), []);
	const {first, all, readError, readFailure, refresh} = useAllReminders();
	const {remove, toast} = useDeleteWithUndo(refresh);
	// R40: this computer's storage failed — from this page's own read, the worker's report, or the last cycle.
	const reported = useLocalFailureReport();
	const [group, setGroup] = useState<Group>('upcoming');
	const [query, setQuery] = useState('');
	const [shown, setShown] = useState(PAGE_SIZE);
	const [confirm, setConfirm] = useState<Confirm | undefined>(undefined);
	const [notice, setNotice] = useState<string | undefined>(undefined);
	const confirmButton = useRef<HTMLButtonElement>(null);

	useEffect(() => {
		nudgeSync('popup-opened');
	}, []);
	useEffect(() => {
		confirmButton.current?.focus();
	}, [confirm]);

	const grouped = useMemo(() => (all ? groupAll(all.reminders, query) : undefined), [all, query]);
	const partition = all?.partition ?? first?.partition;
	const localFailure = readFailure ?? reported?.kind ?? partition?.status.localFailure;
	// Until everything is read, the opening view is the first page of upcoming reminders (fast first paint).
	const rows = grouped ? grouped[group] : group === 'upcoming' ? (first?.upcoming ?? []) : [];
	const loading = grouped === undefined;

	useLayoutEffect(() => {
		if (first !== undefined && performance.getEntriesByName(ALL_PAINT_MARK).length === 0) {
			performance.mark(ALL_PAINT_MARK);
		}
	}, [first]);

	async function send(ids: string[]) {
		setConfirm(undefined);
		try {
			const {sent} = await callBackground('sendLocalOnly', {ids});
			setNotice(
				sent === 1
					? 'Sent 1 reminder: its Task is being created in Salesforce.'
					: `Sent ${sent} reminders: their Tasks are being created in Salesforce.`,
			);
		} catch (error) {
			setNotice(error instanceof Error ? error.message : String(error));
		}

		refresh();
	}

	const canSend = partition?.enabled === true;
	const localOnly = grouped?.['local-only'] ?? [];

	return (
		<main class="all" aria-labelledby="title">
			<header class="header">
				<h1 id="title">All reminders</h1>
				<label class="search">
					<span>Search by name</span>
					<input
						type="search"
						value={query}
						onInput={event => {
							setQuery(event.currentTarget.value);
							setShown(PAGE_SIZE);
						}}
					/>
				</label>
			</header>
			{localFailure ? <LocalFailureNotice kind={localFailure} /> : null}
			{readError === undefined || readFailure ? null : (
				<p class="form-error" role="alert">
					Tickler could not read your reminders ({readError}). Reload the page.
				</p>
			)}
			<nav class="groups" aria-label="Which reminders">
				{GROUPS.map(name => (
					<button
						type="button"
						key={name}
						aria-pressed={group === name}
						onClick={() => {
							setGroup(name);
							setShown(PAGE_SIZE);
						}}
					>
						{GROUP_LABELS[name]}
						{grouped ? <span class="count"> ({grouped[name].length})</span> : null}
					</button>
				))}
			</nav>
			{notice === undefined ? null : (
				<p class="notice" role="status">
					{notice}
				</p>
			)}
			{group === 'local-only' && grouped ? (
				<div class="send-all">
					{canSend ? (
						<>
							<p>These were added before sync was on, so they stay on this computer unless you send them.</p>
							<button
								type="button"
								disabled={localOnly.length === 0}
								onClick={() =>
									setConfirm({
										ids: localOnly.map(reminder => reminder.id),
										what: `Send ${localOnly.length === 1 ? 'this reminder' : `all ${localOnly.length}`} to Salesforce?`,
									})
								}
							>
								Send all to Salesforce
							</button>
						</>
					) : (
						<p>Turn sync on in Settings to send these to Salesforce.</p>
					)}
				</div>
			) : null}
			{confirm ? (
				<div class="confirm" role="alertdialog" aria-labelledby="confirm-what" aria-describedby="confirm-count">
					<p id="confirm-what">
						<strong>{confirm.what}</strong>
					</p>
					<p id="confirm-count">{sendConfirmation(confirm.ids.length)}</p>
					<button type="button" class="primary" ref={confirmButton} onClick={() => void send(confirm.ids)}>
						Send
					</button>
					<button type="button" onClick={() => setConfirm(undefined)}>
						Cancel
					</button>
				</div>
			) : null}
			<section aria-labelledby="group-title" class="all-list">
				<h2 id="group-title">{GROUP_LABELS[group]}</h2>
				{rows.length === 0 ? (
					<p class="empty">{loading ? 'Loading…' : query.trim() === '' ? 'None' : 'No reminder matches'}</p>
				) : (
					<ul aria-labelledby="group-title">
						{rows.slice(0, shown).map(reminder => (
							<ReminderRow
								key={reminder.id}
								reminder={reminder}
								overdue={reminder.status === 'open' && reminder.dueDate !== null && reminder.dueDate < today}
								instanceHost={partition?.instanceHost}
								onDelete={target => void remove(target)}
								onChanged={refresh}
								onSend={
									canSend
										? target => setConfirm({ids: [target.id], what: `Send “${target.name}” to Salesforce?`})
										: undefined
								}
							/>
						))}
					</ul>
				)}
				{rows.length > shown ? (
					<button type="button" class="more" onClick={() => setShown(shown + PAGE_SIZE)}>
						Show {Math.min(PAGE_SIZE, rows.length - shown)} more of {rows.length - shown}
					</button>
				) : null}
			</section>
			{toast}
		</main>
	);
}
