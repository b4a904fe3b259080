import {render} from 'preact';
import {setPageLanguage} from '@/shared/i18n/page-language.js';
import {App} from './popup-app.js';
import {localDays} from './dates.js';
import {startFirstRead} from './store-view.js';
// The shared base first, so the page's own rules override it.
import '@/shared/ui/base.css';
import './popup.css';

// The store read starts before preact mounts: the first paint of the due list waits only for IndexedDB,
// not for the first render (R22; the benchmark's first paint).
startFirstRead(localDays());
setPageLanguage();
const root = document.querySelector('#app');
if (root) render(<App />, root);
