// @vitest-environment happy-dom
import {render} from 'preact';
import {act} from 'preact/test-utils';
import browser from 'webextension-polyfill';
import {afterEach, beforeEach, expect, test, vi} from 'vitest';
import {openTabs, resetFakeBrowser} from '../../test/fakes/browser.js';
import {createDomRoot, removeDomRoot} from '../../test/fakes/dom-root.js';
import {CHROME_SHORTCUTS_PAGE, ShortcutsSection} from './shortcuts-section.js';

// R48: settings lists the shortcuts, with the key the browser really gives the command, and opens the page
// where the browser lets the rep change it.

let root: HTMLElement;

beforeEach(async () => {
	await resetFakeBrowser();
	root = createDomRoot();
});

afterEach(async () => {
	vi.restoreAllMocks();
	await removeDomRoot(root);
});

const mount = async () =>
	act(() => {
		render(<ShortcutsSection />, root);
	});
const row = (does: string) =>
	[...root.querySelectorAll('.key-list > div')].find(entry => entry.querySelector('dd')?.textContent === does);
const button = (name: string) => [...root.querySelectorAll('button')].find(each => each.textContent === name);

test('R48: the shortcut that opens Tickler, as the browser has it, and the keys of the lists', async () => {
	await mount();
	await vi.waitFor(() =>
		expect(row('Open Tickler (its toolbar button)')?.querySelector('kbd')?.textContent).toBe('Alt+Shift+K'),
	);
	expect(row('Next or previous reminder')?.textContent).toContain('↑ ↓');
	expect(row('Delete, with Undo')?.textContent).toContain('Delete or D');
	expect(root.querySelector('h2')?.textContent).toBe('Keyboard shortcuts');
});

test('R48: a shortcut the rep removed shows as not set', async () => {
	vi.spyOn(browser.commands, 'getAll').mockResolvedValue([{name: '_execute_action', shortcut: ''}]);
	await mount();
	await vi.waitFor(() =>
		expect(row('Open Tickler (its toolbar button)')?.querySelector('kbd')?.textContent).toBe('Not set'),
	);
});

test("R48: Change shortcuts opens Chrome's shortcut page in a tab", async () => {
	await mount();
	await act(() => button('Change shortcuts')?.click());
	await vi.waitFor(() => expect(openTabs().map(tab => tab.url)).toContain(CHROME_SHORTCUTS_PAGE));
});

test("R48: in Firefox, Change shortcuts opens Firefox's own page through commands.openShortcutSettings", async () => {
	const commands = browser.commands as typeof browser.commands & {openShortcutSettings?: () => Promise<void>};
	const opened = vi.fn(async () => undefined);
	commands.openShortcutSettings = opened;
	try {
		await mount();
		await act(() => button('Change shortcuts')?.click());
		await vi.waitFor(() => expect(opened).toHaveBeenCalledTimes(1));
		expect(openTabs()).toEqual([]);
	} finally {
		Reflect.deleteProperty(commands, 'openShortcutSettings');
	}
});

test('R48: a Firefox without openShortcutSettings says where its shortcut page is', async () => {
	vi.spyOn(browser.runtime, 'getURL').mockReturnValue('moz-extension://abc/');
	await mount();
	expect(button('Change shortcuts')).toBeUndefined();
	expect(root.textContent).toContain('about:addons → ⚙ → Manage Extension Shortcuts');
});
