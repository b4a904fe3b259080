/**
 * R48: settings lists the keyboard shortcuts — the browser's shortcut that opens Tickler, with the key the rep
 * really has (`commands.getAll()`: the suggested one, or what the rep or another extension changed it to), and
 * the keys of the reminder lists — and opens the browser's page where the shortcut is changed: Chrome's
 * chrome://extensions/shortcuts (a tab may open it), Firefox's own through `commands.openShortcutSettings()`,
 * and where that is missing the words to find it.
 */
import {useEffect, useId, useState} from 'preact/hooks';
import browser from 'webextension-polyfill';
import {t} from '@/shared/i18n/t.js';
import {KeyList} from '../popup/keyboard-help.js';

/** The manifest's command for the toolbar button (manifest.json `commands`). */
export const OPEN_COMMAND = '_execute_action';
export const CHROME_SHORTCUTS_PAGE = 'chrome://extensions/shortcuts';

type Commands = typeof browser.commands & {openShortcutSettings?: () => Promise<void>};

/** The shortcut that opens Tickler, '' when none is set; undefined until read (or when it cannot be). */
function useOpenShortcut(): string | undefined {
	const [shortcut, setShortcut] = useState<string | undefined>(undefined);
	useEffect(() => {
		browser.commands.getAll().then(
			all => setShortcut(all.find(command => command.name === OPEN_COMMAND)?.shortcut ?? ''),
			() => undefined,
		);
	}, []);
	return shortcut;
}

export function ShortcutsSection() {
	const id = useId();
	const shortcut = useOpenShortcut();
	const commands = browser.commands as Commands;
	const firefox = browser.runtime.getURL('').startsWith('moz-extension:');
	const canOpen = typeof commands.openShortcutSettings === 'function' || !firefox;

	async function openShortcutPage() {
		if (typeof commands.openShortcutSettings === 'function') await commands.openShortcutSettings();
		else await browser.tabs.create({url: CHROME_SHORTCUTS_PAGE});
	}

	return (
		<section aria-labelledby={`${id}-heading`}>
			<h2 id={`${id}-heading`}>{t('keysTitle')}</h2>
			<dl class="key-list">
				<div>
					<dt>
						<kbd>{shortcut === '' ? t('shortcutsNotSet') : shortcut}</kbd>
					</dt>
					<dd>{t('shortcutsOpen')}</dd>
				</div>
			</dl>
			{canOpen ? (
				<button type="button" onClick={() => void openShortcutPage().catch(() => undefined)}>
					{t('shortcutsChange')}
				</button>
			) : (
				<p class="explanation">{t('shortcutsFirefoxWhere')}</p>
			)}
			<p class="explanation">{t('shortcutsInLists')}</p>
			<KeyList />
		</section>
	);
}
