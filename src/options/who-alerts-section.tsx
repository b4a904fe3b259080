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

export const WHO_ALERTS_CHOICES: ReadonlyArray<{value: WhoAlerts; label: string; explanation: string}> = [
	{
		value: 'tickler',
		label: 'Tickler',
		explanation:
			'A browser notification from Tickler on each computer you use. Salesforce keeps the time but stays silent. Reminders whose reminder you switched on in Salesforce itself still come from Salesforce only.',
	},
	{
		value: 'salesforce',
		label: 'Salesforce',
		explanation:
			'Salesforce’s own reminder window and mobile app. Tickler notifies only for reminders Salesforce does not (for example ones not synced).',
	},
	{
		value: 'both',
		label: 'Both',
		explanation: 'Tickler’s notification and Salesforce’s reminder: two alerts for each reminder.',
	},
];

export function WhoAlertsSection({partition}: {partition: Partition}) {
	const id = useId();
	const [value, setValue] = useState<WhoAlerts>(partition.whoAlerts ?? DEFAULT_WHO_ALERTS);
	const [message, setMessage] = useState<{error: boolean; text: string} | undefined>(undefined);
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
			if (!granted) setMessage({error: false, text: NOTIFICATIONS_PERMISSION_COPY.refused});
		});
	}

	async function choose(next: WhoAlerts) {
		if (next !== 'salesforce' && mayNotify === false) askToNotify();
		setValue(next);
		try {
			// Through the worker like every write of a page (one write path).
			await callBackground('saveWhoAlerts', {partition: partition.id, whoAlerts: next});
			setMessage({error: false, text: 'Saved.'});
		} catch (caught) {
			setMessage({error: true, text: caught instanceof Error ? caught.message : String(caught)});
		}
	}

	return (
		<section aria-labelledby={`${id}-heading`}>
			<h2 id={`${id}-heading`}>Reminder alerts</h2>
			<fieldset>
				<legend>Who alerts you at a reminder time</legend>
				{WHO_ALERTS_CHOICES.map(choice => (
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
			{message ? (
				<span role={message.error ? 'alert' : 'status'} class={message.error ? 'error' : 'saved'}>
					{message.text}
				</span>
			) : null}
		</section>
	);
}
