/** The conflict log (R16, R23): which field both sides changed, which side won, and what was overwritten. */
import {useId} from 'preact/hooks';
import type {ConflictRow} from '@/shared/store/schema.js';

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

export function ConflictsSection({rows, names}: {rows: ConflictRow[]; names: ReadonlyMap<string, string>}) {
	const id = useId();
	return (
		<section aria-labelledby={`${id}-heading`}>
			<h2 id={`${id}-heading`}>Conflicts</h2>
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
