import {render} from 'preact';
import {App} from './app.js';
import './popup.css';

const root = document.querySelector('#app');
if (root) render(<App />, root);
