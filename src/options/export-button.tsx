/** Export of everything stored locally as JSON (a download; nothing leaves the computer). The session id is never stored, so never exported (R25). */
import {exportAll} from '@/shared/store/queries.js';
import {localDateString} from '@/shared/local-date.js';
import {db} from './settings-db.js';
import {t} from '@/shared/i18n/t.js';

export async function downloadExport(): Promise<void> {
	const data = await exportAll(db);
	const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], {type: 'application/json'}));
	const link = document.createElement('a');
	link.href = url;
	link.download = `tickler-export-${localDateString(new Date())}.json`;
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportButton() {
	return (
		<button type="button" onClick={() => void downloadExport()}>
			{t('settingsExport')}
		</button>
	);
}
