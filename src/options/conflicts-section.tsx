/**
 * The conflict log (R16, R23): which field both sides changed, which side won, and what was overwritten. First,
 * R58: the rep's own values that lost and still wait for their choice, with "Keep mine" and "Keep Salesforce's"
 * as on the popup's rows.
 */
import {useId} from 'preact/hooks';
import type {ConflictRow, Reminder} from '@/shared/store/schema.js';
import {t} from '@/shared/i18n/t.js';
import {formatDateTime} from '@/shared/i18n/format.js';
import {OverruledChoice} from '@/shared/ui/overruled-choice.js';
import {fieldValueText} from '@/shared/ui/field-value.js';

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

const SALESFORCE_EDIT = () => t('conflictsSalesforceEdit');
const YOUR_EDIT = () => t('conflictsYourEdit');

type Props = {rows: ConflictRow[]; names: ReadonlyMap<string, string>; overruled: readonly Reminder[]};

export function ConflictsSection({rows, names, overruled}: Props) {
	const id = useId();
	return (
		<section aria-labelledby={`${id}-heading`}>
			<h2 id={`${id}-heading`}>{t('conflictsTitle')}</h2>
			{overruled.length > 0 ? (
				<ul class="overruled-list">
					{overruled.map(reminder => (
						<li key={reminder.id}>
							<strong>{reminder.name}</strong>
							<OverruledChoice reminder={reminder} />
						</li>
					))}
				</ul>
			) : null}
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
									{fieldValueText(row.field, row.kept)}{' '}
									<span class="weak">{row.winner === 'salesforce' ? SALESFORCE_EDIT() : YOUR_EDIT()}</span>
								</td>
								<td>
									{fieldValueText(row.field, row.overwritten)}{' '}
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
