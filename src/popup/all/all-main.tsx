import {render} from 'preact';
import {setPageLanguage} from '@/shared/i18n/page-language.js';
import {t} from '@/shared/i18n/t.js';
import {AllRemindersApp} from './all-reminders-app.js';
import {startFirstRead} from './store-read.js';
// The shared base first, then the popup's rows and forms, then this page's own layout.
import '@/shared/ui/base.css';
import '../popup.css';
import './all.css';

// The first page is read before preact mounts: the first paint waits only for IndexedDB (R44, the benchmark).
startFirstRead();
setPageLanguage(document.documentElement, t('allPageTitle'));
const root = document.querySelector('#app');
if (root) render(<AllRemindersApp />, root);
