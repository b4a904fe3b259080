/**
 * R46: a page's `<html lang>` is the UI language, so screen readers and hyphenation follow the words shown;
 * its title (the tab's, the window's) is in that language too when the page has one of its own.
 */
import {uiLanguage} from './t.js';

export function setPageLanguage(root: HTMLElement = document.documentElement, title?: string): void {
	root.lang = uiLanguage();
	if (title !== undefined) root.ownerDocument.title = title;
}
