import {render} from 'preact';
import {setPageLanguage} from '@/shared/i18n/page-language.js';
import {t} from '@/shared/i18n/t.js';
import {App} from './settings-app.js';
// The shared base first, so the page's own rules override it.
import '@/shared/ui/base.css';
import './options.css';

setPageLanguage(document.documentElement, t('settingsTitle'));
const root = document.querySelector('#app');
if (root) render(<App />, root);
