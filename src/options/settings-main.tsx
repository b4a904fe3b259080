import {render} from 'preact';
import {App} from './settings-app.js';
// The shared base first, so the page's own rules override it.
import '@/shared/ui/base.css';
import './options.css';

const root = document.querySelector('#app');
if (root) render(<App />, root);
