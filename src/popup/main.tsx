import {render} from 'preact';
import {App} from './app.js';
// The shared base first, so the page's own rules override it.
import '@/shared/ui/base.css';
import './popup.css';

const root = document.querySelector('#app');
if (root) render(<App />, root);
