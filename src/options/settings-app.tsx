/**
 * The settings page (R3, R23). Like the popup it reads IndexedDB directly (settings-data.ts) and asks the
 * worker only for what needs Salesforce or the session. The rep's things come first — sync on or off with its
 * state, then the account and its one Disconnect — then the connection (R28), whose client id is the admin's.
 */
import {useState} from 'preact/hooks';
import type {AdminPresets, ConnectionSettings} from '@/shared/types.js';
import type {Partition} from '@/shared/store/schema.js';
import {LocalFailureNotice, useLocalFailureReport} from '@/shared/ui/local-failure-notice.js';
import {AccountSection} from './account-section.js';
import {ConflictsSection} from './conflicts-section.js';
import {ConnectionSection, useConnectionSettings} from './connection-section.js';
import {RevokePendingNotice} from './revoke-pending-notice.js';
import {ErrorsSection} from './errors-section.js';
import {ExportButton} from './export-button.js';
import {HistorySection} from './history-section.js';
import {type Settings, useSettingsData} from './settings-data.js';
import {SyncToggle} from './sync-toggle.js';
import {TemplateSection} from './template-section.js';
import {WhoAlertsSection} from './who-alerts-section.js';
import {ToolbarSection} from './toolbar-section.js';
import {ShortcutsSection} from './shortcuts-section.js';
import {NotificationsSection} from './notifications-section.js';
import {t} from '@/shared/i18n/t.js';

/** The signed-in account's own sections after the connection, once sync has a partition. */
function PartitionSections({partition, data, presets}: {partition: Partition; data: Settings; presets: AdminPresets}) {
	return (
		<>
			<TemplateSection key={partition.id} partition={partition} presetTemplate={presets.subjectTemplate} />
			<WhoAlertsSection key={`alerts-${partition.id}`} partition={partition} />
			<ErrorsSection reminders={data.errors} />
			<ConflictsSection rows={data.conflictRows} names={data.names} overruled={data.overruled} />
			<HistorySection rows={data.history} />
		</>
	);
}

/** The host a partition is connected to with OAuth (R28), whose grant its Disconnect revokes; undefined if none. */
function oauthHost(settings: ConnectionSettings | undefined, partitionId: string): string | undefined {
	return settings?.oauth.find(entry => entry.partition === partitionId)?.host;
}

function YourDataSection() {
	return (
		<section aria-labelledby="data-heading">
			<h2 id="data-heading">{t('settingsYourData')}</h2>
			<p class="explanation">{t('settingsDataKept')}</p>
			<ExportButton />
			<p class="explanation">
				{t('settingsPrivacyLead')}{' '}
				<a href="/privacy.txt" target="_blank" rel="noopener">
					{t('settingsPrivacyLink')}
				</a>
				.
			</p>
		</section>
	);
}

export function App() {
	const {data, readFailure, retry} = useSettingsData();
	const reported = useLocalFailureReport();
	const localFailure = readFailure ?? reported?.kind ?? data?.partition?.status.localFailure;

	const partition = data?.partition;
	const connection = useConnectionSettings(partition);
	// R28: turning sync on found that the org refuses the browser session: the Connect section says so.
	const [refused, setRefused] = useState(false);
	const presets = connection.settings?.presets ?? {};
	const oauthConnected = partition !== undefined && oauthHost(connection.settings, partition.id) !== undefined;
	return (
		<main aria-labelledby="title">
			<h1 id="title">{t('settingsTitle')}</h1>
			{localFailure ? <LocalFailureNotice kind={localFailure} /> : null}
			{readFailure ? (
				<button type="button" onClick={retry}>
					{t('settingsTryAgain')}
				</button>
			) : null}
			{data ? (
				<>
					<SyncToggle
						partition={partition}
						oauthConnected={oauthConnected}
						presetSyncEnabled={presets.syncEnabled}
						onRefused={setRefused}
						host={connection.settings?.suggestedHost}
					/>
					{partition ? (
						<AccountSection partition={partition} canSend oauthHost={oauthHost(connection.settings, partition.id)} />
					) : null}
					<ConnectionSection
						partition={partition}
						settings={connection.settings}
						reload={connection.reload}
						refusedHere={refused}
					/>
					<RevokePendingNotice settings={connection.settings} />
					{partition ? <PartitionSections partition={partition} data={data} presets={presets} /> : null}
					{data.others.map(other => (
						<AccountSection
							key={other.id}
							title={t('settingsOtherAccount')}
							partition={other}
							oauthHost={oauthHost(connection.settings, other.id)}
						/>
					))}
					<NotificationsSection />
					<ToolbarSection />
					<ShortcutsSection />
					<YourDataSection />
				</>
			) : null}
		</main>
	);
}
