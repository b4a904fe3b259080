/**
 * Issue 24: what the toolbar button opens — the popup (the default) or Tickler in the side panel. The rep chooses
 * in settings; an admin may preset it for everyone (R30, `toolbarOpens`), and then the rep's choice is kept but
 * not used. Applied at every worker start and at each change, because a browser forgets an action's popup
 * set at run time when it restarts.
 *
 * Chrome: no popup on the action, and `sidePanel.setPanelBehavior({openPanelOnActionClick})` makes the click open
 * the panel. Firefox: no popup, and the click (`action.onClicked`, fired only without a popup) opens the
 * sidebar — `sidebarAction.open()` is allowed only inside that click's handler, so it is called before any await.
 */
import browser from 'webextension-polyfill';
import {t} from '@/shared/i18n/t.js';
import type {ToolbarOpens} from '@/shared/types.js';
import {readPresets} from '../oauth/presets.js';

const TOOLBAR_OPENS_KEY = 'tickler:toolbarOpens';
/** The popup page, as the manifest names it. */
const POPUP_PAGE = 'src/popup/index.html';

export type ToolbarOpensChoice = {opens: ToolbarOpens; byAdmin: boolean};

/** The admin's preset when there is one, else the rep's choice, else the popup. */
export async function toolbarOpensChoice(): Promise<ToolbarOpensChoice> {
	const preset = (await readPresets()).toolbarOpens;
	if (preset !== undefined) return {opens: preset, byAdmin: true};
	const stored = (await browser.storage.local.get(TOOLBAR_OPENS_KEY))[TOOLBAR_OPENS_KEY];
	return {opens: stored === 'panel' ? 'panel' : 'popup', byAdmin: false};
}

type SidePanelApi = {
	setPanelBehavior(behavior: {openPanelOnActionClick: boolean}): Promise<void>;
	open(options: {windowId: number}): Promise<void>;
};

/** Chrome's side panel API: not in webextension-polyfill (Chrome-only), read from `chrome` itself. */
function chromeSidePanel(): SidePanelApi | undefined {
	return (globalThis as {chrome?: {sidePanel?: SidePanelApi}}).chrome?.sidePanel;
}

export async function applyToolbarOpens(): Promise<ToolbarOpens> {
	const {opens} = await toolbarOpensChoice();
	await browser.action.setPopup({popup: opens === 'panel' ? '' : POPUP_PAGE});
	await chromeSidePanel()?.setPanelBehavior({openPanelOnActionClick: opens === 'panel'});
	return opens;
}

/** Refused while the admin presets it (R30): the settings page shows the choice as set by the admin. */
export class ToolbarOpensPresetError extends Error {
	override name = 'ToolbarOpensPresetError';
	constructor() {
		super(t('toolbarOpensByAdmin'));
	}
}

export async function saveToolbarOpens(opens: ToolbarOpens): Promise<ToolbarOpensChoice> {
	if ((await toolbarOpensChoice()).byAdmin) throw new ToolbarOpensPresetError();
	await browser.storage.local.set({[TOOLBAR_OPENS_KEY]: opens});
	await applyToolbarOpens();
	return {opens, byAdmin: false};
}

type SidebarApi = {open(): Promise<void>};

function firefoxSidebar(): SidebarApi | undefined {
	return (browser as unknown as {sidebarAction?: SidebarApi}).sidebarAction;
}

/** Firefox: the toolbar click with no popup set (the panel chosen) opens the sidebar. Chrome opens its panel itself. */
export function openSidebarOnActionClick(): void {
	firefoxSidebar()
		?.open()
		.catch(() => undefined); // already open, or closed by the rep meanwhile: nothing to do
}

/**
 * Opens Tickler's panel from a click the rep made elsewhere (the context menu, R51). Both browsers allow it
 * only in answer to the rep's action, so it is called before the click's handler awaits anything: Chrome's
 * `sidePanel.open` needs the window (Chrome 116+), Firefox's `sidebarAction.open` none. Rejects where the
 * browser has no panel to open, so the caller can fall back to a window.
 */
export async function openPanelFromClick(windowId: number | undefined): Promise<void> {
	const sidePanel = chromeSidePanel();
	if (sidePanel && windowId !== undefined) return sidePanel.open({windowId});
	const sidebar = firefoxSidebar();
	if (sidebar) return sidebar.open();
	throw new Error('this browser has no side panel to open');
}
