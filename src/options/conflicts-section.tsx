/** The conflict log (R16, R23): which field both sides changed, which side won, and what was overwritten. */
import {useId} from 'preact/hooks';
import type {ConflictRow} from '@/shared/store/schema.js';
import {t} from '@/shared/i18n/t.js';
import {formatDateTime, formatShortDate} from '@/shared/i18n/format.js';

const FIELD = {
	name: () => t('fieldName'),
	status: () => t('fieldStatus'),
	priority: () => t('fieldPriority'),
	dueDate: () => t('fieldDueDate'),
	details: () => t('fieldDetails'),
	whoId: () => t('fieldWho'),
	whatId: () => t('fieldWhat'),
	reminderAt: () => t('fieldReminderAt'),
} as const satisfies Record<ConflictRow['field'], () => string>;

/**
 * A logged value as the rep reads it: a reminder time (R31) on their clock; R46: the store's own values —
 * `open`/`complete`, `normal`/`high`, calendar dates — in the rep's words, never as stored; text as it was.
 */
function shown(field: ConflictRow['field'], value: string | null): string {
	if (value === null) return t('conflictsEmpty');
	switch (field) {
		case 'reminderAt': {
			return formatDateTime(Date.parse(value));
		}

		case 'dueDate': {
			return formatShortDate(value);
		}

		case 'status': {
			return value === 'complete' ? t('statusComplete') : t('statusOpen');
		}

		case 'priority': {
			return value === 'high' ? t('priorityHigh') : t('priorityNormal');
		}

		default: {
			return value;
		}
	}
}

const SALESFORCE_EDIT = () => t('conflictsSalesforceEdit');
const YOUR_EDIT = () => t('conflictsYourEdit');

export function ConflictsSection({rows, names}: {rows: ConflictRow[]; names: ReadonlyMap<string, string>}) {
	const id = useId();
	return (
		<section aria-labelledby={`${id}-heading`}>
			<h2 id={`${id}-heading`}>{t('conflictsTitle')}</h2>
			{rows.length === 0 ? (
				<p class="empty">{t('conflictsNone')}</p>
			) : (
				<table aria-labelledby={`${id}-heading`}>
					<thead>
						<tr>
							<th scope="col">{t('conflictsWhen')}</th>
							<th scope="col">{t('conflictsReminder')}</th>
							<th scope="col">{t('conflictsField')}</th>
							<th scope="col">{t('conflictsKept')}</th>
							<th scope="col">{t('conflictsOverwritten')}</th>
						</tr>
					</thead>
					<tbody>
						{rows.map(row => (
							<tr key={row.seq}>
								<td>{formatDateTime(row.at)}</td>
								<td>{names.get(row.reminderId) ?? row.taskId}</td>
								<td>{FIELD[row.field]()}</td>
								<td>
									{shown(row.field, row.kept)}{' '}
									<span class="weak">{row.winner === 'salesforce' ? SALESFORCE_EDIT() : YOUR_EDIT()}</span>
								</td>
								<td>
									{shown(row.field, row.overwritten)}{' '}
									<span class="weak">{row.winner === 'salesforce' ? YOUR_EDIT() : SALESFORCE_EDIT()}</span>
								</td>
							</tr>
						))}
					</tbody>
				</table>
			)}
		</section>
	);
}
