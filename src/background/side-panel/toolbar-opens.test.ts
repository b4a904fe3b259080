import {afterEach, beforeEach, expect, test} from 'vitest';
import browser from 'webextension-polyfill';
import {resetFakeBrowser, setManagedStorage} from '../../../test/fakes/browser.js';
import {parsePresets} from '../oauth/presets.js';
import {
	applyToolbarOpens,
	openSidebarOnActionClick,
	saveToolbarOpens,
	ToolbarOpensPresetError,
	toolbarOpensChoice,
} from './toolbar-opens.js';

/** What the browser was told: the action's popup, Chrome's panel behaviour, Firefox's sidebar opens. */
const told = {popup: undefined as string | undefined, panelOnClick: undefined as boolean | undefined, sidebarOpens: 0};

/** The test's `chrome` (its catalog, test/fakes/chrome-i18n.ts), put back after each test. */
const realChrome = (globalThis as {chrome?: unknown}).chrome;
afterEach(() => {
	(globalThis as {chrome?: unknown}).chrome = realChrome;
});

beforeEach(() => {
	resetFakeBrowser();
	told.popup = undefined;
	told.panelOnClick = undefined;
	told.sidebarOpens = 0;
	(browser.action as unknown as {setPopup: (details: {popup: string}) => Promise<void>}).setPopup = async ({popup}) => {
		told.popup = popup;
	};
	(globalThis as {chrome?: unknown}).chrome = {
		...(realChrome as object),
		sidePanel: {
			async setPanelBehavior({openPanelOnActionClick}: {openPanelOnActionClick: boolean}) {
				told.panelOnClick = openPanelOnActionClick;
			},
		},
	};
});

test('issue 24: the popup by default; the rep’s choice of the panel takes the popup off the button and opens the panel', async () => {
	expect(await toolbarOpensChoice()).toEqual({opens: 'popup', byAdmin: false});
	expect(await applyToolbarOpens()).toBe('popup');
	expect(told).toMatchObject({popup: 'src/popup/index.html', panelOnClick: false});
	expect(await saveToolbarOpens('panel')).toEqual({opens: 'panel', byAdmin: false});
	expect(told).toMatchObject({popup: '', panelOnClick: true});
	// A restart sets it again from what was saved (a browser forgets a popup set at run time).
	told.popup = undefined;
	expect(await applyToolbarOpens()).toBe('panel');
	expect(told.popup).toBe('');
	expect(await saveToolbarOpens('popup')).toEqual({opens: 'popup', byAdmin: false});
	expect(told).toMatchObject({popup: 'src/popup/index.html', panelOnClick: false});
});

test('issue 24 with R30: an admin preset wins and the rep cannot change it; a bad preset is ignored', async () => {
	expect(parsePresets({toolbarOpens: 'sidebar'})).toEqual({});
	await saveToolbarOpens('popup');
	setManagedStorage({toolbarOpens: 'panel'});
	expect(await toolbarOpensChoice()).toEqual({opens: 'panel', byAdmin: true});
	await expect(saveToolbarOpens('popup')).rejects.toBeInstanceOf(ToolbarOpensPresetError);
	expect(await applyToolbarOpens()).toBe('panel');
	expect(told).toMatchObject({popup: '', panelOnClick: true});
});

test('issue 24: in Firefox (no Chrome side panel API) the toolbar click opens the sidebar; in Chrome it does nothing itself', async () => {
	(globalThis as {chrome?: unknown}).chrome = {...(realChrome as object)};
	await saveToolbarOpens('panel');
	expect(told).toMatchObject({popup: '', panelOnClick: undefined});
	openSidebarOnActionClick(); // Chrome: no sidebarAction, nothing to do
	(browser as unknown as {sidebarAction?: {open: () => Promise<void>}}).sidebarAction = {
		async open() {
			told.sidebarOpens++;
		},
	};
	openSidebarOnActionClick();
	expect(told.sidebarOpens).toBe(1);
	delete (browser as unknown as {sidebarAction?: unknown}).sidebarAction;
});
