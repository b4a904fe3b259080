/**
 * R51: "Remind me about this" in the context menu of any page, link or selection. The click is the rep's
 * (a page's script cannot make the browser fire it, R52); it only proposes a reminder: the draft goes to
 * `storage.session` and the popup opens with its add form filled, where the rep adjusts and saves. Nothing
 * is written to the store, and Salesforce is not asked anything, until then.
 *
 * Access: `activeTab` — the click grants this tab, and only it, for the moment — lets Chrome's worker read
 * the clicked link's text (Chrome's click data has none; Firefox's does). No host permission is added.
 */
import browser, {type Menus, type Tabs} from 'webextension-polyfill';
import {remindMeName} from '@/shared/copy.js';
import {t} from '@/shared/i18n/t.js';
import {MENU_DRAFT_KEY, type MenuDraft, type MenuDraftAbout} from '@/shared/menu-draft.js';
import {detectRecordPage} from '@/shared/record-page-url.js';
import {toMyDomainHost} from '@/shared/salesforce-hosts.js';
import {activePartition} from '@/shared/store/local-edits.js';
import type {TicklerDb} from '@/shared/store/open-db.js';
import {to18} from '@/shared/record-ids.js';
import type {ToolbarOpens} from '@/shared/types.js';
import {openPanelFromClick} from '../side-panel/toolbar-opens.js';
import {menuDraftText} from './menu-draft-text.js';

export const REMIND_MENU_ID = 'tickler-remind-me';
/**
 * The same entry while the toolbar button opens the side panel (issue 24). The click's handler must open the
 * panel before it awaits anything (the browsers allow it only in answer to the click), and the only thing it
 * knows at once is which entry was clicked: so the choice is carried in the entry's id, remade at each change.
 */
export const REMIND_MENU_PANEL_ID = 'tickler-remind-me-panel';
/** The popup page, opened in a small window where the browser cannot open the toolbar popup from a menu. */
const POPUP_PAGE = 'src/popup/index.html';

/**
 * Made at install, at each browser start (Firefox forgets an event page's menus with the browser) and when the
 * rep changes what the toolbar button opens; `opens` says where the click shows the draft.
 */
export async function createRemindMenu(opens: ToolbarOpens): Promise<void> {
	await browser.contextMenus.removeAll();
	browser.contextMenus.create({
		id: opens === 'panel' ? REMIND_MENU_PANEL_ID : REMIND_MENU_ID,
		title: t('menuRemindMe'),
		contexts: ['page', 'link', 'selection'],
	});
}

/** Chrome: the text of the link the rep right-clicked, read with the access the click granted (activeTab). */
async function linkTextInTab(tabId: number, frameId: number | undefined, linkUrl: string): Promise<string | undefined> {
	try {
		const [result] = await browser.scripting.executeScript({
			target: {tabId, frameIds: [frameId ?? 0]},
			func: (url: string) =>
				[...document.querySelectorAll('a[href]')].find(link => (link as HTMLAnchorElement).href === url)?.textContent ??
				'',
			args: [linkUrl],
		});
		return typeof result?.result === 'string' ? result.result : undefined;
	} catch {
		return undefined; // a page the browser keeps extensions out of: the title or the address stands in
	}
}

/** R33/R34: on a record page of the org Tickler syncs, the reminder is about that record. */
async function aboutRecord(
	db: TicklerDb,
	pageUrl: string | undefined,
	title: string,
): Promise<MenuDraftAbout | undefined> {
	const page = pageUrl === undefined ? undefined : detectRecordPage(pageUrl);
	if (page === undefined) return undefined;
	const partition = await db.partitions.get(await activePartition(db));
	if (!partition?.enabled || toMyDomainHost(page.host) !== partition.instanceHost) return undefined;
	const who = page.object === 'Contact' || page.object === 'Lead';
	// Lightning titles read "Ana Ruiz | Contact | Salesforce": the record's name is the first part.
	const recordName = title.split(' | ')[0]?.trim() ?? '';
	return {recordId: to18(page.recordId), field: who ? 'whoId' : 'whatId', recordName};
}

/** The draft for a click: what the rep pointed at, and the record when it is one of the synced org's. */
async function draftFor(
	db: TicklerDb,
	info: Menus.OnClickData,
	tab: Tabs.Tab | undefined,
	now: number,
): Promise<MenuDraft> {
	const linkText =
		info.linkUrl !== undefined && info.linkText === undefined && tab?.id !== undefined
			? await linkTextInTab(tab.id, info.frameId, info.linkUrl)
			: info.linkText;
	const pageUrl = info.pageUrl ?? tab?.url;
	const text = menuDraftText({
		selectionText: info.selectionText,
		linkUrl: info.linkUrl,
		linkText,
		pageUrl,
		pageTitle: tab?.title,
	});
	const about = info.linkUrl === undefined ? await aboutRecord(db, pageUrl, tab?.title ?? '') : undefined;
	if (about === undefined) return {...text, at: now};
	// About a record with nothing selected: named as "Remind me" names it ("Follow up: Ana Ruiz", R34).
	const named = info.selectionText === undefined && about.recordName !== '';
	return {...text, name: named ? remindMeName(about.recordName) : text.name, about, at: now};
}

export async function onRemindMenuClicked(
	db: TicklerDb,
	info: Menus.OnClickData,
	tab: Tabs.Tab | undefined,
	now = Date.now(),
): Promise<void> {
	if (info.menuItemId !== REMIND_MENU_ID && info.menuItemId !== REMIND_MENU_PANEL_ID) return;
	// The browsers open the popup or the panel only from inside the click's handler, before any await: open
	// first, fill after (the popup and the panel listen for the draft while they are open, menu-draft-open.ts).
	const opening =
		info.menuItemId === REMIND_MENU_PANEL_ID ? openPanelFromClick(tab?.windowId).catch(openQuickAdd) : openQuickAdd();
	await browser.storage.session.set({[MENU_DRAFT_KEY]: await draftFor(db, info, tab, now)});
	await opening;
}

/** The toolbar popup where the browser allows it from a menu click; else the same page in a small window. */
async function openQuickAdd(): Promise<void> {
	try {
		await browser.action.openPopup();
	} catch {
		await browser.windows.create({url: browser.runtime.getURL(POPUP_PAGE), type: 'popup', width: 420, height: 640});
	}
}
