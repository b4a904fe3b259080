/**
 * The conflict log (R16, R23): which field both sides changed, which side won, and what was overwritten. First,
 * R58: the rep's own values that lost and still wait for their choice, with "Keep mine" and "Keep Salesforce's"
 * as on the popup's rows.
 */
import {useId} from 'preact/hooks';
import type {ConflictRow, Reminder} from '@/shared/store/schema.js';
import {OverruledChoice} from '@/shared/ui/overruled-choice.js';

const FIELD: Record<ConflictRow['field'], string> = {
	name: 'Name',
	status: 'Status',
	priority: 'Priority',
	dueDate: 'Due date',
	details: 'Details',
	whoId: 'Name (Contact or Lead)',
	whatId: 'Related to',
	reminderAt: 'Reminder time',
};

/** A logged value as the rep reads it: a reminder time (R31) on their clock, anything else as it was. */
function shown(field: ConflictRow['field'], value: string | null): string {
	if (value === null) return '(empty)';
	return field === 'reminderAt' ? new Date(value).toLocaleString() : value;
}

type Props = {rows: ConflictRow[]; names: ReadonlyMap<string, string>; overruled: readonly Reminder[]};

export function ConflictsSection({rows, names, overruled}: Props) {
	const id = useId();
	return (
		<section aria-labelledby={`${id}-heading`}>
			<h2 id={`${id}-heading`}>Conflicts</h2>
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
				<p class="empty">
					No conflicts. When the same field changes on both sides, the later edit wins and the other is listed here.
				</p>
			) : (
				<table aria-labelledby={`${id}-heading`}>
					<thead>
						<tr>
							<th scope="col">When</th>
							<th scope="col">Reminder</th>
							<th scope="col">Field</th>
							<th scope="col">Kept</th>
							<th scope="col">Overwritten</th>
						</tr>
					</thead>
					<tbody>
						{rows.map(row => (
							<tr key={row.seq}>
								<td>{new Date(row.at).toLocaleString()}</td>
								<td>{names.get(row.reminderId) ?? row.taskId}</td>
								<td>{FIELD[row.field]}</td>
								<td>
									{shown(row.field, row.kept)}{' '}
									<span class="weak">({row.winner === 'salesforce' ? 'Salesforce’s edit' : 'your edit'})</span>
								</td>
								<td>
									{shown(row.field, row.overwritten)}{' '}
									<span class="weak">({row.winner === 'salesforce' ? 'your edit' : 'Salesforce’s edit'})</span>
								</td>
							</tr>
						))}
					</tbody>
				</table>
			)}
		</section>
	);
}
