/**
 * The command center (R22). Everything on screen is read straight from IndexedDB (store-view.ts) — the
 * first paint never waits for the service worker to wake (engineering guide §1); writes go to the worker
 * (writes.ts), which makes them durable and pushes them (R13, R17).
 */
import {useEffect, useMemo, useState} from 'preact/hooks';
import browser from 'webextension-polyfill';
import {t} from '@/shared/i18n/t.js';
import {LocalFailureNotice, useLocalFailureReport} from '@/shared/ui/local-failure-notice.js';
import {formatMoment} from '@/shared/i18n/format.js';
import {localDays} from './dates.js';
import {DueList} from './due-list.js';
import {useFocusReturn} from './focus-return.js';
import {nudgeSync} from './nudge.js';
import {AddForm, type Draft, newDraft} from './add-form.js';
import {QuickAdd} from './quick-add/quick-add.js';
import {StatusLine} from './status-line.js';
import {statusView} from './status-text.js';
import {useStoreView} from './store-view.js';
import {useUndoOffer} from './undo-toast.js';
import {SendPrompt, useSendLocalOnly} from './all/send-local-only.js';
import {useMenuDraft} from './menu-draft-open.js';
import {KeyboardHelp} from './keyboard-help.js';

/** The All reminders page (R44) in a tab of its own; the popup closes, as it would on any click away. */
export const ALL_REMINDERS_PAGE = 'src/popup/all/index.html';
async function openAllReminders(surface: Surface): Promise<void> {
	await browser.tabs.create({url: browser.runtime.getURL(ALL_REMINDERS_PAGE)});
	// The side panel stays open beside the page; only the popup closes.
	if (surface === 'popup') window.close();
}

/** Where the command center is shown: the toolbar popup, or the browser's side panel (issue 24). */
export type Surface = 'popup' | 'panel';

export function App({surface = 'popup'}: {surface?: Surface}) {
	const days = useMemo(() => localDays(), []);
	const {view: data, readError, readFailure, refresh} = useStoreView(days);
	const {remove, complete, snooze, toast} = useUndoOffer(refresh);
	// R59/R5: a reminder that exists only on this computer can be sent from here too, on purpose.
	const sending = useSendLocalOnly(refresh);
	const canSend = data?.partition?.enabled === true;
	// R40: this computer's storage failed — from the popup's own read, the worker's report, or the last cycle.
	const reported = useLocalFailureReport();
	const localFailure = readFailure ?? reported?.kind ?? data?.partition?.status.localFailure;
	/** The open add form's draft, or undefined. */
	const [draft, setDraft] = useState<Draft | undefined>(undefined);
	const adding = draft !== undefined;
	// R51: "Remind me about this" opened the popup: the add form, filled with what the rep pointed at.
	useMenuDraft(menu => setDraft(newDraft(days.today, {name: menu.name, details: menu.details}, menu.about)));

	useEffect(() => {
		// R13: opening the popup syncs, and for two minutes after it the Salesforce cadence (ten minutes) applies.
		nudgeSync('popup-opened');
	}, []);

	// Keyboard users land back on "Add reminder" when the form closes, not at the top of the page.
	const addButton = useFocusReturn(adding);

	const view = data
		? statusView({
				partition: data.partition,
				pending: data.pending,
				errors: data.errors,
				enableRefused: data.enableRefused,
				formatTime: ms => formatMoment(ms),
			})
		: undefined;

	return (
		<main aria-labelledby="title">
			<header class="header">
				<h1 id="title">{t('appName')}</h1>
				<span class="header-actions">
					{adding ? null : (
						<button type="button" class="primary" ref={addButton} onClick={() => setDraft(newDraft(days.today))}>
							{t('popupAddReminder')}
						</button>
					)}
					{/* R44: every reminder, not only today's and tomorrow's, one click away. */}
					<button type="button" class="link" onClick={() => void openAllReminders(surface)}>
						{t('popupAllReminders')}
					</button>
				</span>
			</header>
			{/* R47: one line makes a reminder; "More options…" opens the form below with what it understood. */}
			{/* R48: the popup opens (by its shortcut too) ready to type, unless "Remind me about this" opened the form. */}
			<QuickAdd
				autoFocus={!adding}
				onAdded={refresh}
				onMoreOptions={values => setDraft(newDraft(days.today, values))}
			/>
			{view ? <StatusLine view={localFailure && view.kind === 'running' ? {...view, syncing: false} : view} /> : null}
			{localFailure ? <LocalFailureNotice kind={localFailure} /> : null}
			{readError === undefined || readFailure ? null : (
				<p class="form-error" role="alert">
					{t('popupReadError', {reason: readError})}
				</p>
			)}
			{draft === undefined ? null : (
				<AddForm key={draft.id} draft={draft} onAdded={refresh} onClose={() => setDraft(undefined)} />
			)}
			{data ? (
				<DueList
					due={data.due}
					instanceHost={data.partition?.instanceHost}
					onDelete={reminder => void remove(reminder)}
					onComplete={complete}
					onSnooze={(reminder, preset) => void snooze(reminder, preset)}
					onChanged={refresh}
					onSend={
						canSend ? target => sending.ask({ids: [target.id], what: t('allSendOne', {name: target.name})}) : undefined
					}
				/>
			) : null}
			<SendPrompt sending={sending} />
			{toast}
			<KeyboardHelp />
		</main>
	);
}
