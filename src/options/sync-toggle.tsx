/** The one sync checkbox (R3) with its plain explanation of R4–R6. */
import {useEffect, useId, useState} from 'preact/hooks';
import {callBackground} from '@/shared/messages.js';
import type {Partition} from '@/shared/store/schema.js';
import {t} from '@/shared/i18n/t.js';

export function syncExplanation(): string {
	return t('syncExplanation');
}

export function SyncToggle({
	partition,
	oauthConnected = false,
	presetSyncEnabled,
	onRefused,
}: {
	partition: Partition | undefined;
	/** R28: the shown partition is connected with OAuth: turning sync on uses that connection. */
	oauthConnected?: boolean;
	/** R30: the admin's preset wins; the box is then not the rep's to change. */
	presetSyncEnabled?: boolean | undefined;
	onRefused?: (refused: boolean) => void;
}) {
	const id = useId();
	/**
	 * The state the rep asked for, shown at once and kept until the stored partition says the same (the
	 * worker's write reaches this page through a live query a moment after its reply), so the box never
	 * flips back for an instant; dropped on failure, or after a short while if the store never agrees.
	 */
	const [target, setTarget] = useState<boolean | undefined>(undefined);
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<string | undefined>(undefined);
	const enabled = partition?.enabled === true;

	useEffect(() => {
		if (target === undefined || busy) return undefined;
		if (enabled === target) {
			setTarget(undefined);
			return undefined;
		}

		const giveUp = setTimeout(() => setTarget(undefined), 2000);
		return () => clearTimeout(giveUp);
	}, [target, busy, enabled]);

	async function toggle(on: boolean) {
		setTarget(on);
		setBusy(true);
		setError(undefined);
		try {
			if (on && partition && oauthConnected) await callBackground('enablePartition', {partition: partition.id});
			else if (on) await callBackground('enableSync');
			else if (partition) await callBackground('disableSync', {partition: partition.id});
			onRefused?.(false);
		} catch (caught) {
			onRefused?.(caught instanceof Error && caught.name === 'ApiAccessRefusedError');
			setError(caught instanceof Error ? caught.message : String(caught));
			setTarget(undefined);
		} finally {
			setBusy(false);
		}
	}

	return (
		<section aria-labelledby={`${id}-heading`}>
			<h2 id={`${id}-heading`}>{t('syncTitle')}</h2>
			<div class="checkbox-row">
				<input
					id={`${id}-sync`}
					type="checkbox"
					checked={target ?? enabled}
					disabled={busy || (presetSyncEnabled !== undefined && presetSyncEnabled === enabled)}
					aria-describedby={`${id}-explanation`}
					onChange={event => void toggle(event.currentTarget.checked)}
				/>
				<label for={`${id}-sync`}>{t('syncLabel')}</label>
			</div>
			{presetSyncEnabled === undefined ? null : (
				<p class="preset">{presetSyncEnabled ? t('syncPresetOn') : t('syncPresetOff')}</p>
			)}
			<p id={`${id}-explanation`} class="explanation">
				{syncExplanation()}
			</p>
			{busy ? <p role="status">{target ? t('syncConnecting') : t('syncTurningOff')}</p> : null}
			{error ? (
				<p class="error" role="alert">
					{error}
				</p>
			) : null}
		</section>
	);
}
