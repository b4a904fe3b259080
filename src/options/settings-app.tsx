/**
 * The settings page (R3, R23). Like the popup it reads IndexedDB directly (liveQuery keeps it current
 * while the worker syncs) and asks the worker only for what needs Salesforce or the session.
 */
import {liveQuery} from 'dexie';
import {useEffect, useState} from 'preact/hooks';
import {
	conflicts,
	getPartition,
	listPartitions,
	listReminders,
	remindersInError,
	syncHistory,
} from '@/shared/store/queries.js';
import {activePartition} from '@/shared/store/local-edits.js';
import {localFailureKind, type LocalFailureKind} from '@/shared/store/storage-errors.js';
import {LocalFailureNotice, useLocalFailureReport} from '@/shared/ui/local-failure-notice.js';
import {AccountSection} from './account-section.js';
import {ConflictsSection} from './conflicts-section.js';
import {ConnectionSection, useConnectionSettings} from './connection-section.js';
import {RevokePendingNotice} from './revoke-pending-notice.js';
import {db} from './settings-db.js';
import {ErrorsSection} from './errors-section.js';
import {ExportButton} from './export-button.js';
import {HistorySection} from './history-section.js';
import {SyncToggle} from './sync-toggle.js';
import {TemplateSection} from './template-section.js';
import {WhoAlertsSection} from './who-alerts-section.js';

async function readSettings() {
	const partitionId = await activePartition(db);
	const [partition, reminders, errors, history, conflictRows, partitions] = await Promise.all([
		getPartition(db, partitionId),
		listReminders(db, partitionId),
		remindersInError(db, partitionId),
		syncHistory(db, partitionId, 20),
		conflicts(db, partitionId, 50),
		listPartitions(db),
	]);
	// R2: other orgs or users this browser has synced with; each can be disconnected on its own.
	const others = await Promise.all(
		partitions
			.filter(other => other.id !== partitionId)
			.map(async other => ({partition: other, reminderCount: (await listReminders(db, other.id)).length})),
	);
	return {
		partition,
		reminders,
		errors,
		history,
		conflictRows,
		others,
		names: new Map(reminders.map(r => [r.id, r.name])),
	};
}

type Settings = Awaited<ReturnType<typeof readSettings>>;

export function App() {
	const [data, setData] = useState<Settings | undefined>(undefined);
	/** R40: reading the store failed because this computer's storage did; "Try again" re-subscribes. */
	const [readFailure, setReadFailure] = useState<LocalFailureKind | undefined>(undefined);
	const [attempt, setAttempt] = useState(0);
	useEffect(() => {
		// R40: Dexie's liveQuery swallows DatabaseClosedError (dexie.mjs `liveQuery`: it waits silently for a
		// reopen), so a store that will not open would leave this page blank. Opening explicitly surfaces it;
		// on a failed database open() also tries again, which is what "Try again" relies on.
		db.open().then(
			() => setReadFailure(undefined),
			(error: unknown) => setReadFailure(localFailureKind(error) ?? 'storage-unavailable'),
		);
		const subscription = liveQuery(readSettings).subscribe({
			next: value => {
				setData(value);
				setReadFailure(undefined);
			},
			// Keep the last good value on screen. A storage failure is said (R40); anything else is surfaced as an
			// uncaught error for developers.
			error: (error: unknown) => {
				const kind = localFailureKind(error);
				if (kind) setReadFailure(kind);
				else
					queueMicrotask(() => {
						throw error;
					});
			},
		});
		return () => subscription.unsubscribe();
	}, [attempt]);
	const reported = useLocalFailureReport();
	const localFailure = readFailure ?? reported?.kind ?? data?.partition?.status.localFailure;

	const partition = data?.partition;
	const connection = useConnectionSettings(partition);
	// R28: turning sync on found that the org refuses the browser session: the Connect section says so.
	const [refused, setRefused] = useState(false);
	const presets = connection.settings?.presets ?? {};
	const oauthConnected = connection.settings?.oauth.some(entry => entry.partition === partition?.id) === true;
	return (
		<main aria-labelledby="title">
			<h1 id="title">Tickler settings</h1>
			{localFailure ? <LocalFailureNotice kind={localFailure} /> : null}
			{readFailure ? (
				<button
					type="button"
					onClick={() => {
						setAttempt(n => n + 1);
					}}
				>
					Try again
				</button>
			) : null}
			{data ? (
				<>
					<SyncToggle
						partition={partition}
						oauthConnected={oauthConnected}
						presetSyncEnabled={presets.syncEnabled}
						onRefused={setRefused}
					/>
					<ConnectionSection
						partition={partition}
						settings={connection.settings}
						reload={connection.reload}
						refusedHere={refused}
					/>
					<RevokePendingNotice settings={connection.settings} />
					{partition ? (
						<>
							<AccountSection partition={partition} reminderCount={data.reminders.length} />
							<TemplateSection key={partition.id} partition={partition} presetTemplate={presets.subjectTemplate} />
							<WhoAlertsSection key={`alerts-${partition.id}`} partition={partition} />
							<ErrorsSection reminders={data.errors} />
							<ConflictsSection rows={data.conflictRows} names={data.names} />
							<HistorySection rows={data.history} />
						</>
					) : (
						<p class="explanation">Sign in to Salesforce in a tab, then tick the box above.</p>
					)}
					{data.others.map(other => (
						<AccountSection
							key={other.partition.id}
							title="Another Salesforce account on this computer"
							partition={other.partition}
							reminderCount={other.reminderCount}
						/>
					))}
					<section aria-labelledby="data-heading">
						<h2 id="data-heading">Your data</h2>
						<p class="explanation">Reminders are kept in this browser. Export them as a JSON file at any time.</p>
						<ExportButton />
						<p class="explanation">
							What Tickler reads, where it goes (only to your own Salesforce org) and how to delete it:{' '}
							<a href="/privacy.txt" target="_blank" rel="noopener">
								privacy policy
							</a>
							.
						</p>
					</section>
				</>
			) : null}
		</main>
	);
}
