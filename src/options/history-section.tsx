/** Recent sync runs (R23): when, pulled, pushed, deleted, conflicts, API requests, and in plain words what went wrong. */
import {useId} from 'preact/hooks';
import type {SyncHistoryRow} from '@/shared/store/schema.js';
import {t} from '@/shared/i18n/t.js';
import {formatDateTime, formatNumber} from '@/shared/i18n/format.js';
import {historyDetails} from './history-words.js';

const OUTCOME = {
	ok: () => t('historyOk'),
	skipped: () => t('historySkipped'),
	paused: () => t('historyPaused'),
	failed: () => t('historyFailed'),
} as const satisfies Record<SyncHistoryRow['outcome'], () => string>;

export function HistorySection({rows}: {rows: SyncHistoryRow[]}) {
	const id = useId();
	return (
		<section aria-labelledby={`${id}-heading`}>
			<h2 id={`${id}-heading`}>{t('historyTitle')}</h2>
			{rows.length === 0 ? (
				<p class="empty">{t('historyNone')}</p>
			) : (
				<table aria-labelledby={`${id}-heading`}>
					<thead>
						<tr>
							<th scope="col">{t('conflictsWhen')}</th>
							<th scope="col">{t('historyOutcome')}</th>
							<th scope="col">{t('historyPulled')}</th>
							<th scope="col">{t('historyPushed')}</th>
							<th scope="col">{t('historyDeleted')}</th>
							<th scope="col">{t('historyConflicts')}</th>
							<th scope="col">{t('historyApiRequests')}</th>
							<th scope="col">{t('historyErrors')}</th>
						</tr>
					</thead>
					<tbody>
						{rows.map(row => (
							<tr key={row.seq}>
								<td>{formatDateTime(row.startedAt)}</td>
								<td>{OUTCOME[row.outcome]()}</td>
								<td>{formatNumber(row.pulled)}</td>
								<td>{formatNumber(row.pushed)}</td>
								<td>{formatNumber(row.deleted)}</td>
								<td>{formatNumber(row.conflicts)}</td>
								<td>{formatNumber(row.apiRequests)}</td>
								<td>{historyDetails(row) ?? '—'}</td>
							</tr>
						))}
					</tbody>
				</table>
			)}
		</section>
	);
}
