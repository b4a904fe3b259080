/**
 * R50: settings' Notifications — how long a notification's Snooze button snoozes (this computer's choice, saved
 * at once through the worker), and "Send a test notification". The browser taking a notification is all
 * Tickler can know; whether the system then shows it is out of its sight, so after a test the section says
 * where to look on the rep's own system when nothing appeared.
 */
import {useEffect, useId, useState} from 'preact/hooks';
import {SNOOZE_COPY} from '@/shared/copy.js';
import {t} from '@/shared/i18n/t.js';
import {callBackground, type TestNotificationResult} from '@/shared/messages.js';
import {isSnoozePreset, SNOOZE_PRESETS, type SnoozePreset} from '@/shared/snooze.js';
import {SaveNoteLine, useSaveNote} from './save-note.js';

/** What to check, for the system the worker reported (runtime.getPlatformInfo). */
export function whereToLook(system: TestNotificationResult['system']): string {
	switch (system) {
		case 'win': {
			return t('testNotificationHintWin');
		}

		case 'mac': {
			return t('testNotificationHintMac');
		}

		case 'linux': {
			return t('testNotificationHintLinux');
		}

		case 'cros': {
			return t('testNotificationHintCros');
		}

		default: {
			return t('testNotificationHintOther');
		}
	}
}

function TestNotificationResultLine({result}: {result: TestNotificationResult | Error | undefined}) {
	if (result === undefined) return null;
	if (result instanceof Error) {
		return (
			<p role="alert" class="error">
				{result.message}
			</p>
		);
	}

	if (!result.sent) {
		return (
			<p role="status" class="explanation">
				{t('testNotificationNoPermission')}
			</p>
		);
	}

	return (
		<div role="status" class="explanation">
			<p>{t('testNotificationSent')}</p>
			<p>{whereToLook(result.system)}</p>
			<p>{t('testNotificationHintFullScreen')}</p>
		</div>
	);
}

export function NotificationsSection() {
	const id = useId();
	const [snooze, setSnooze] = useState<SnoozePreset | undefined>(undefined);
	const {note, setNote, save} = useSaveNote();
	const [tested, setTested] = useState<TestNotificationResult | Error | undefined>(undefined);

	useEffect(() => {
		callBackground('getNotificationSnooze').then(
			answer => setSnooze(answer.preset),
			(caught: unknown) => setNote({error: true, text: caught instanceof Error ? caught.message : String(caught)}),
		);
	}, []);

	async function choose(value: string) {
		if (!isSnoozePreset(value)) return;
		setSnooze(value);
		await save(async () => setSnooze((await callBackground('saveNotificationSnooze', {preset: value})).preset));
	}

	async function sendTest() {
		setTested(undefined);
		try {
			setTested(await callBackground('sendTestNotification'));
		} catch (caught) {
			setTested(caught instanceof Error ? caught : new Error(String(caught)));
		}
	}

	return (
		<section aria-labelledby={`${id}-heading`}>
			<h2 id={`${id}-heading`}>{t('notificationsTitle')}</h2>
			<p>
				<label for={`${id}-snooze`}>{t('notificationSnoozeLabel')}</label>{' '}
				<select
					id={`${id}-snooze`}
					value={snooze ?? ''}
					disabled={snooze === undefined}
					onChange={event => void choose(event.currentTarget.value)}
				>
					{SNOOZE_PRESETS.map(preset => (
						<option key={preset} value={preset}>
							{SNOOZE_COPY[preset]}
						</option>
					))}
				</select>{' '}
				<SaveNoteLine note={note} />
			</p>
			<p>
				<button type="button" onClick={() => void sendTest()}>
					{t('testNotificationButton')}
				</button>
			</p>
			<TestNotificationResultLine result={tested} />
		</section>
	);
}
