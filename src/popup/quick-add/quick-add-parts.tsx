/**
 * R47: what quick add understood, as parts the rep sees before saving — the name, the due date, the reminder
 * time — each phrase-made part with a button that drops it (its words go back into the name). The field's
 * Backspace at its start drops the last one too (quick-add.tsx).
 */
import {formatClockTime, formatDueDay} from '@/shared/i18n/format.js';
import {t} from '@/shared/i18n/t.js';
import type {Understood} from './understand.js';

export type PartKind = 'date' | 'time';

type Props = {id: string; understood: Understood; onDrop: (part: PartKind) => void};

export function QuickAddParts({id, understood, onDrop}: Props) {
	const date = formatDueDay(understood.dueDate);
	const time = understood.reminderAt === null ? undefined : formatClockTime(new Date(understood.reminderAt));
	return (
		<ul id={id} class="quick-parts" aria-label={t('quickAddUnderstood')}>
			<li class="quick-part">{t('quickAddPartName', {name: understood.name})}</li>
			<li class="quick-part">
				{t('quickAddPartDue', {date})}
				{understood.datePhrase === undefined ? null : (
					<button type="button" aria-label={t('quickAddDropDue', {date})} onClick={() => onDrop('date')}>
						×
					</button>
				)}
			</li>
			{time === undefined ? null : (
				<li class="quick-part">
					{t('quickAddPartTime', {time})}
					<button type="button" aria-label={t('quickAddDropTime', {time})} onClick={() => onDrop('time')}>
						×
					</button>
				</li>
			)}
		</ul>
	);
}
