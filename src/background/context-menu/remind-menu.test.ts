import {afterEach, beforeEach, expect, test, vi} from 'vitest';
import browser, {type Menus} from 'webextension-polyfill';
import {MENU_DRAFT_KEY} from '@/shared/menu-draft.js';
import type {TicklerDb} from '@/shared/store/open-db.js';
import {partitionFixture, TEST_PARTITION_ID} from '../../../test/fakes/partition.js';
import {openTestDb} from '../../../test/fakes/test-db.js';
import {createRemindMenu, onRemindMenuClicked, REMIND_MENU_ID, REMIND_MENU_PANEL_ID} from './remind-menu.js';

const NOW = 1_800_000_000_000;
const ARTICLE = 'https://news.example.com/acme';
const PROPOSAL = 'https://drive.example.com/proposal';
const CONTACT = '0035e00000ABCDEAAA';
let db: TicklerDb;
const opened = {popup: 0, windows: [] as string[]};
let linkText: () => Promise<Array<{result: unknown}>>;
let openPopup: () => Promise<void>;

type Stubbed = {
	scripting: {executeScript: (details: unknown) => Promise<Array<{result: unknown}>>};
	action: {openPopup: () => Promise<void>};
	windows: {create: (details: {url: string}) => Promise<unknown>};
};

beforeEach(async () => {
	db = openTestDb(`remind-menu-${Math.random()}`);
	await db.partitions.put(partitionFixture());
	await db.meta.put({key: 'activePartition', value: TEST_PARTITION_ID});
	opened.popup = 0;
	opened.windows = [];
	linkText = async () => [{result: '  Proposal\n v3 '}];
	openPopup = async () => {
		opened.popup++;
	};
	const stubbed = browser as unknown as Stubbed;
	stubbed.scripting = {executeScript: async () => linkText()};
	stubbed.action.openPopup = async () => openPopup();
	stubbed.windows = {
		async create(details) {
			opened.windows.push(details.url);
			return {};
		},
	};
	await browser.storage.session.clear();
});

afterEach(async () => {
	db.close();
	vi.restoreAllMocks();
});

/** A menu click as the browser passes it; `extra` is what the rep pointed at. */
const click = (extra: Partial<Menus.OnClickData>): Menus.OnClickData => ({
	menuItemId: REMIND_MENU_ID,
	editable: false,
	modifiers: [],
	...extra,
});

async function draft(): Promise<unknown> {
	return (await browser.storage.session.get(MENU_DRAFT_KEY))[MENU_DRAFT_KEY];
}

const tab = (url: string, title: string) => ({
	id: 4,
	url,
	title,
	index: 0,
	active: true,
	highlighted: true,
	pinned: false,
	incognito: false,
});

test('R51: a link in Chrome (no link text in the click): its words are read with the click’s access, and the popup opens', async () => {
	await onRemindMenuClicked(
		db,
		click({linkUrl: PROPOSAL, pageUrl: ARTICLE, frameId: 0}),
		tab(ARTICLE, 'Acme news'),
		NOW,
	);
	expect(await draft()).toEqual({name: 'Proposal v3', details: PROPOSAL, at: NOW});
	expect(opened).toEqual({popup: 1, windows: []});
});

test('R51: where the page keeps extensions out, the title names it; where no popup can open, a small window does', async () => {
	linkText = async () => {
		throw new Error('Cannot access contents of the page');
	};
	openPopup = async () => {
		throw new Error('Could not find an active browser window.');
	};
	await onRemindMenuClicked(db, click({linkUrl: PROPOSAL, pageUrl: ARTICLE}), tab(ARTICLE, 'Acme news'), NOW);
	expect(await draft()).toEqual({name: 'Acme news', details: PROPOSAL, at: NOW});
	expect(opened.windows).toEqual([browser.runtime.getURL('src/popup/index.html')]);
});

test('R51 with R33/R34: a record page of the synced org makes the reminder about that record; another org’s does not', async () => {
	const url = `https://acme.lightning.force.com/lightning/r/Contact/${CONTACT}/view`;
	await onRemindMenuClicked(db, click({pageUrl: url}), tab(url, 'Ana Ruiz | Contact | Salesforce'), NOW);
	expect(await draft()).toEqual({
		name: 'Follow up: Ana Ruiz',
		details: url,
		about: {recordId: CONTACT, field: 'whoId', recordName: 'Ana Ruiz'},
		at: NOW,
	});
	const other = `https://globex.lightning.force.com/lightning/r/Contact/${CONTACT}/view`;
	await onRemindMenuClicked(db, click({pageUrl: other}), tab(other, 'Ana Ruiz | Contact | Salesforce'), NOW);
	expect(await draft()).toEqual({name: 'Ana Ruiz | Contact | Salesforce', details: other, at: NOW});
});

test('R51: another menu item’s click proposes nothing and opens nothing', async () => {
	await onRemindMenuClicked(db, click({menuItemId: 'other', pageUrl: ARTICLE}), tab(ARTICLE, 'Acme news'), NOW);
	expect(await draft()).toBeUndefined();
	expect(opened).toEqual({popup: 0, windows: []});
});

/** Chrome's side panel API as the worker reads it (toolbar-opens.ts), recording each open before any await. */
function stubSidePanel(open: (options: {windowId: number}) => Promise<void>): () => void {
	const scope = globalThis as {chrome?: Record<string, unknown> | undefined};
	const real = scope.chrome;
	scope.chrome = {...real, sidePanel: {setPanelBehavior: async () => undefined, open}};
	return () => {
		scope.chrome = real;
	};
}

test('issue 24 with R51: while the toolbar opens the panel, the menu entry carries it and its click opens the panel at once', async () => {
	const created: unknown[] = [];
	(browser as unknown as {contextMenus: unknown}).contextMenus = {
		async removeAll() {
			created.length = 0;
		},
		create: (item: unknown) => created.push(item),
	};
	await createRemindMenu('panel');
	expect(created).toEqual([
		expect.objectContaining({id: REMIND_MENU_PANEL_ID, contexts: ['page', 'link', 'selection']}),
	]);
	await createRemindMenu('popup');
	expect(created).toEqual([expect.objectContaining({id: REMIND_MENU_ID})]);

	const panelOpens: number[] = [];
	const restore = stubSidePanel(async ({windowId}) => {
		panelOpens.push(windowId);
	});
	try {
		// The panel is asked for synchronously, inside the click's handler: the browser allows it only there.
		const handled = onRemindMenuClicked(
			db,
			click({menuItemId: REMIND_MENU_PANEL_ID, pageUrl: ARTICLE}),
			{...tab(ARTICLE, 'Acme news'), windowId: 7},
			NOW,
		);
		expect(panelOpens).toEqual([7]);
		await handled;
		expect(await draft()).toEqual({name: 'Acme news', details: ARTICLE, at: NOW});
		expect(opened).toEqual({popup: 0, windows: []});
	} finally {
		restore();
	}
});

test('issue 24 with R51: where the panel cannot open (no user action left, an old browser), the small window shows the draft', async () => {
	const restore = stubSidePanel(async () => {
		throw new Error('sidePanel.open() may only be called in response to a user gesture.');
	});
	openPopup = async () => {
		throw new Error('no popup on the action');
	};
	try {
		await onRemindMenuClicked(
			db,
			click({menuItemId: REMIND_MENU_PANEL_ID, pageUrl: ARTICLE}),
			{...tab(ARTICLE, 'Acme news'), windowId: 7},
			NOW,
		);
		expect(opened.windows).toEqual([browser.runtime.getURL('src/popup/index.html')]);
		expect(await draft()).toEqual({name: 'Acme news', details: ARTICLE, at: NOW});
	} finally {
		restore();
	}
});
