/**
 * R32: who alerts at reminder times — Tickler's notification, Salesforce's own reminder, or both. Saved at
 * once on choosing (a radio group); the worker reads it at each alarm and each push. Tickler's notifications
 * need the optional `notifications` permission: while Tickler (or Both) is chosen without it, the section
 * says Salesforce alerts meanwhile and offers "Allow notifications"; choosing Tickler or Both asks for it too.
 */
import {callBackground} from '@/shared/messages.js';
import {useEffect, useId, useState} from 'preact/hooks';
import {NOTIFICATIONS_PERMISSION_COPY} from '@/shared/copy.js';
import {
	notificationsGranted,
	requestNotifications,
	watchNotificationsPermission,
} from '@/shared/notifications-permission.js';
import {DEFAULT_WHO_ALERTS} from '@/shared/store/reminder-time.js';
import type {Partition, WhoAlerts} from '@/shared/store/schema.js';
import {t} from '@/shared/i18n/t.js';
import {SaveNoteLine, useSaveNote} from './save-note.js';

/** The choices, their words read from the catalog when the section renders (R46). */
export function whoAlertsChoices(): ReadonlyArray<{value: WhoAlerts; label: string; explanation: string}> {
	return [
		{value: 'tickler', label: t('alertsTickler'), explanation: t('alertsTicklerNote')},
		{value: 'salesforce', label: t('alertsSalesforce'), explanation: t('alertsSalesforceNote')},
		{value: 'both', label: t('alertsBoth'), explanation: t('alertsBothNote')},
	];
}

export function WhoAlertsSection({partition}: {partition: Partition}) {
	const id = useId();
	const [value, setValue] = useState<WhoAlerts>(partition.whoAlerts ?? DEFAULT_WHO_ALERTS);
	const {note, setNote, save} = useSaveNote();
	const [mayNotify, setMayNotify] = useState<boolean | undefined>(undefined);

	useEffect(() => {
		void notificationsGranted().then(setMayNotify, () => setMayNotify(false));
		// Granted from the popup (or withdrawn in the browser's settings) while this page is open.
		return watchNotificationsPermission(setMayNotify);
	}, []);

	/** Called synchronously in a click (the browser accepts a permission request only in a user gesture). */
	function askToNotify() {
		void requestNotifications().then(granted => {
			setMayNotify(granted);
			if (!granted) setNote({error: false, text: NOTIFICATIONS_PERMISSION_COPY.refused});
		});
	}

	async function choose(next: WhoAlerts) {
		if (next !== 'salesforce' && mayNotify === false) askToNotify();
		setValue(next);
		// Through the worker like every write of a page (one write path).
		await save(async () => callBackground('saveWhoAlerts', {partition: partition.id, whoAlerts: next}));
	}

	return (
		<section aria-labelledby={`${id}-heading`}>
			<h2 id={`${id}-heading`}>{t('alertsTitle')}</h2>
			<fieldset>
				<legend>{t('alertsLegend')}</legend>
				{whoAlertsChoices().map(choice => (
					<div key={choice.value} class="choice">
						<input
							type="radio"
							id={`${id}-${choice.value}`}
							name={`${id}-who`}
							value={choice.value}
							checked={value === choice.value}
							aria-describedby={`${id}-${choice.value}-note`}
							onChange={() => void choose(choice.value)}
						/>
						<label for={`${id}-${choice.value}`}>{choice.label}</label>
						<p id={`${id}-${choice.value}-note`} class="explanation">
							{choice.explanation}
						</p>
					</div>
				))}
			</fieldset>
			{value !== 'salesforce' && mayNotify === false ? (
				<p class="explanation">
					{NOTIFICATIONS_PERMISSION_COPY.settingsLine}{' '}
					<button type="button" onClick={askToNotify}>
						{NOTIFICATIONS_PERMISSION_COPY.allow}
					</button>
				</p>
			) : null}
			<SaveNoteLine note={note} />
		</section>
	);
}
