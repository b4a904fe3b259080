/**
 * Issue 24: what the toolbar button opens — the popup, or Tickler in the side panel beside the page. Saved at once
 * through the worker, which applies it to the browser's toolbar button; shown as the admin's choice, and not
 * changeable, while a policy presets it (R30).
 */
import {useEffect, useId, useState} from 'preact/hooks';
import {t} from '@/shared/i18n/t.js';
import {callBackground} from '@/shared/messages.js';
import type {ToolbarOpens} from '@/shared/types.js';
import {SaveNoteLine, useSaveNote} from './save-note.js';

const CHOICES = [
	{value: 'popup', label: () => t('toolbarOpensPopup')},
	{value: 'panel', label: () => t('toolbarOpensPanel')},
] as const satisfies ReadonlyArray<{value: ToolbarOpens; label: () => string}>;

export function ToolbarSection() {
	const id = useId();
	const [choice, setChoice] = useState<{opens: ToolbarOpens; byAdmin: boolean} | undefined>(undefined);
	const {note, setNote, save} = useSaveNote();

	useEffect(() => {
		callBackground('getToolbarOpens').then(setChoice, (caught: unknown) => {
			setNote({error: true, text: caught instanceof Error ? caught.message : String(caught)});
		});
	}, []);

	async function choose(opens: ToolbarOpens) {
		await save(async () => setChoice(await callBackground('saveToolbarOpens', {opens})));
	}

	return (
		<section aria-labelledby={`${id}-heading`}>
			<h2 id={`${id}-heading`}>{t('toolbarOpensTitle')}</h2>
			<fieldset aria-labelledby={`${id}-heading`} disabled={choice === undefined || choice.byAdmin}>
				{CHOICES.map(option => (
					<div key={option.value} class="choice">
						<input
							type="radio"
							id={`${id}-${option.value}`}
							name={`${id}-opens`}
							value={option.value}
							checked={choice?.opens === option.value}
							onChange={() => void choose(option.value)}
						/>
						<label for={`${id}-${option.value}`}>{option.label()}</label>
					</div>
				))}
			</fieldset>
			{choice?.byAdmin ? <p class="explanation">{t('toolbarOpensByAdmin')}</p> : null}
			<SaveNoteLine note={note} />
		</section>
	);
}
