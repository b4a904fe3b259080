/**
 * Tickler in the browser's side panel (issue 24; `side_panel` in Chrome, `sidebar_action` in Firefox): the
 * popup's command center, the same components and reads, staying open beside the page — and, beside a
 * Salesforce record of the synced org, the reminders about it and "Remind me" (record-reminders.tsx).
 */
import {render} from 'preact';
import {setPageLanguage} from '@/shared/i18n/page-language.js';
import {App} from '../popup/popup-app.js';
import {localDays} from '../popup/dates.js';
import {startFirstRead} from '../popup/store-view.js';
import {useActiveRecord} from './active-record.js';
import {RecordReminders} from './record-reminders.js';
import '@/shared/ui/base.css';
import '../popup/popup.css';
import './panel.css';

function PanelApp() {
	const record = useActiveRecord();
	return (
		<>
			{record ? <RecordReminders record={record} /> : null}
			<App surface="panel" />
		</>
	);
}

startFirstRead(localDays());
setPageLanguage();
const root = document.querySelector('#app');
if (root) render(<PanelApp />, root);
