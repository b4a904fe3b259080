/** Recent sync runs (R23): when, pulled, pushed, deleted, conflicts, API requests, errors. */
import {useId} from 'preact/hooks';
import type {SyncHistoryRow} from '@/shared/store/schema.js';

const OUTCOME: Record<SyncHistoryRow['outcome'], string> = {
	ok: 'OK',
	skipped: 'Skipped',
	paused: 'Paused',
	failed: 'Failed, retrying',
};

export function HistorySection({rows}: {rows: SyncHistoryRow[]}) {
	const id = useId();
	return (
		<section aria-labelledby={`${id}-heading`}>
			<h2 id={`${id}-heading`}>Sync history</h2>
			{rows.length === 0 ? (
				<p class="empty">No sync has run yet.</p>
			) : (
				<table aria-labelledby={`${id}-heading`}>
					<thead>
						<tr>
							<th scope="col">When</th>
							<th scope="col">Outcome</th>
							<th scope="col">Pulled</th>
							<th scope="col">Pushed</th>
							<th scope="col">Deleted</th>
							<th scope="col">Conflicts</th>
							<th scope="col">API requests</th>
							<th scope="col">Errors</th>
						</tr>
					</thead>
					<tbody>
						{rows.map(row => (
							<tr key={row.seq}>
								<td>{new Date(row.startedAt).toLocaleString()}</td>
								<td>{OUTCOME[row.outcome]}</td>
								<td>{row.pulled}</td>
								<td>{row.pushed}</td>
								<td>{row.deleted}</td>
								<td>{row.conflicts}</td>
								<td>{row.apiRequests}</td>
								<td>{[...row.errors.map(error => error.code), ...row.notes].join('; ') || '—'}</td>
							</tr>
						))}
					</tbody>
				</table>
			)}
		</section>
	);
}
