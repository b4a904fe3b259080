/**
 * The All reminders page (R44): every reminder within reach — upcoming by date, no due date, completed,
 * local-only — with search, and edit, complete, delete (with Undo, R43) and "Send to Salesforce" for
 * local-only ones (R5: only on purpose, after a confirmation that says how many Tasks it creates).
 * Reads come straight from IndexedDB (store-read.ts); writes go to the worker like the popup's.
 */
import {useEffect, useLayoutEffect, useMemo, useState} from 'preact/hooks';
import {t} from '@/shared/i18n/t.js';
import {LocalFailureNotice, useLocalFailureReport} from '@/shared/ui/local-failure-notice.js';
import {AddArea} from '../add-form.js';
import {localDays} from '../dates.js';
import {nudgeSync} from '../nudge.js';
import {KeyboardHelp} from '../keyboard-help.js';
import {useUndoOffer} from '../undo-toast.js';
import {GroupList} from './group-list.js';
import {GroupNav} from './group-nav.js';
import {type Group, groupAll} from './groups.js';
import {SendAllPanel, SendConfirm, useSendLocalOnly} from './send-local-only.js';
import {PAGE_SIZE, useAllReminders} from './store-read.js';

export const ALL_PAINT_MARK = 'tickler:all-reminders-painted';

function SearchHeader({query, onQuery}: {query: string; onQuery: (query: string) => void}) {
	return (
		<header class="header">
			<h1 id="title">{t('allTitle')}</h1>
			<label class="search">
				<span>{t('allSearch')}</span>
				<input type="search" value={query} onInput={event => onQuery(event.currentTarget.value)} />
			</label>
		</header>
	);
}

export function AllRemindersApp() {
	const {today} = useMemo(() => localDays(), []);
	const {first, all, readError, readFailure, refresh} = useAllReminders();
	const {remove, complete, snooze, toast} = useUndoOffer(refresh);
	// R40: this computer's storage failed — from this page's own read, the worker's report, or the last cycle.
	const reported = useLocalFailureReport();
	const [group, setGroup] = useState<Group>('upcoming');
	const [query, setQuery] = useState('');
	const [shown, setShown] = useState(PAGE_SIZE);
	const sending = useSendLocalOnly(refresh);

	useEffect(() => {
		nudgeSync('popup-opened');
	}, []);

	const grouped = useMemo(() => (all ? groupAll(all.reminders, query) : undefined), [all, query]);
	const partition = all?.partition ?? first?.partition;
	const localFailure = readFailure ?? reported?.kind ?? partition?.status.localFailure;
	// Until everything is read, the opening view is the first page of upcoming reminders (fast first paint).
	const rows = grouped ? grouped[group] : group === 'upcoming' ? (first?.upcoming ?? []) : [];

	useLayoutEffect(() => {
		if (first !== undefined && performance.getEntriesByName(ALL_PAINT_MARK).length === 0) {
			performance.mark(ALL_PAINT_MARK);
		}
	}, [first]);

	const canSend = partition?.enabled === true;
	// A new search or group starts again at the first page of rows.
	const search = (text: string) => {
		setQuery(text);
		setShown(PAGE_SIZE);
	};
	const pick = (name: Group) => {
		setGroup(name);
		setShown(PAGE_SIZE);
	};

	return (
		<main class="all" aria-labelledby="title">
			<SearchHeader query={query} onQuery={search} />
			{/* R47: one line makes a reminder here too; "More options…" opens the full form. */}
			<AddArea today={today} onAdded={refresh} />
			{localFailure ? <LocalFailureNotice kind={localFailure} /> : null}
			{readError === undefined || readFailure ? null : (
				<p class="form-error" role="alert">
					{t('allReadError', {reason: readError})}
				</p>
			)}
			<GroupNav group={group} grouped={grouped} onPick={pick} />
			{sending.notice === undefined ? null : (
				<p class="notice" role="status">
					{sending.notice}
				</p>
			)}
			{group === 'local-only' && grouped ? (
				<SendAllPanel canSend={canSend} localOnly={grouped['local-only']} onAsk={sending.ask} />
			) : null}
			{sending.confirm ? (
				<SendConfirm
					request={sending.confirm}
					confirmButton={sending.confirmButton}
					onSend={ids => void sending.send(ids)}
					onCancel={() => sending.ask(undefined)}
				/>
			) : null}
			<GroupList
				group={group}
				rows={rows}
				shown={shown}
				onShowMore={() => setShown(shown + PAGE_SIZE)}
				loading={grouped === undefined}
				searching={query.trim() !== ''}
				today={today}
				instanceHost={partition?.instanceHost}
				onDelete={target => void remove(target)}
				onComplete={complete}
				onSnooze={(reminder, preset) => void snooze(reminder, preset)}
				onChanged={refresh}
				onSend={
					canSend ? target => sending.ask({ids: [target.id], what: t('allSendOne', {name: target.name})}) : undefined
				}
			/>
			{toast}
			<KeyboardHelp />
		</main>
	);
}
