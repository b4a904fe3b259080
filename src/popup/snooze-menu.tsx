/**
 * R50: Snooze from a row in one action — a button that opens the presets (10 minutes, 1 hour, tomorrow
 * morning, next week) and a time of the rep's choosing (snooze-time-form.tsx); one press snoozes, with an Undo offer like Complete (undo-toast.tsx). Escape closes
 * the presets and returns focus to the button.
 */
import {useEffect, useRef, useState} from 'preact/hooks';
import {SNOOZE_COPY} from '@/shared/copy.js';
import {t} from '@/shared/i18n/t.js';
import {SNOOZE_PRESETS, type SnoozeTo} from '@/shared/snooze.js';
import type {Reminder} from '@/shared/store/schema.js';

import {SnoozeTimeForm} from './snooze-time-form.js';

type Props = {reminder: Reminder; onSnooze: (reminder: Reminder, to: SnoozeTo, from: Element) => void};

export function SnoozeMenu({reminder, onSnooze}: Props) {
	const [open, setOpen] = useState(false);
	const button = useRef<HTMLButtonElement>(null);
	const presets = useRef<HTMLSpanElement>(null);
	// R48: opened (by a press or by S on the row), focus goes into the presets, as in any menu.
	useEffect(() => {
		if (open) presets.current?.querySelector('button')?.focus();
	}, [open]);
	const close = () => {
		setOpen(false);
		button.current?.focus();
	};

	return (
		<span class="snooze">
			<button
				type="button"
				ref={button}
				aria-expanded={open}
				aria-label={t('rowSnoozeNamed', {name: reminder.name})}
				title={t('rowSnooze')}
				onClick={() => setOpen(!open)}
			>
				{t('rowSnooze')}
			</button>
			{open ? (
				<span
					ref={presets}
					role="group"
					class="snooze-presets"
					aria-label={t('snoozeGroupNamed', {name: reminder.name})}
					onKeyDown={event => event.key === 'Escape' && close()}
				>
					{SNOOZE_PRESETS.map(preset => (
						<button
							key={preset}
							type="button"
							onClick={event => {
								const from = event.currentTarget;
								close();
								onSnooze(reminder, preset, from);
							}}
						>
							{SNOOZE_COPY[preset]}
						</button>
					))}
					<SnoozeTimeForm
						onChosen={(until, from) => {
							close();
							onSnooze(reminder, {until}, from);
						}}
					/>
				</span>
			) : null}
		</span>
	);
}
