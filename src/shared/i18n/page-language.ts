/** R46: a page's `<html lang>` is the UI language, so screen readers and hyphenation follow the words shown. */
import {uiLanguage} from './t.js';

export function setPageLanguage(root: HTMLElement = document.documentElement): void {
	root.lang = uiLanguage();
}
