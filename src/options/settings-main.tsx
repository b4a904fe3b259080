import {render} from 'preact';
import {setPageLanguage} from '@/shared/i18n/page-language.js';
import {App} from './settings-app.js';
// The shared base first, so the page's own rules override it.
import '@/shared/ui/base.css';
import './options.css';

setPageLanguage();
const root = document.querySelector('#app');
if (root) render(<App />, root);
