/**
 * R51: the popup opened by "Remind me about this" finds the worker's draft in `storage.session` and opens its
 * add form filled with it — once: the draft is removed as it is read, so the next click on the toolbar button
 * opens the plain popup. The popup may open before the worker has written the draft (Firefox opens it at the
 * click, before anything is awaited), so it also listens while it is open.
 */
import {useEffect} from 'preact/hooks';
import browser from 'webextension-polyfill';
import {MENU_DRAFT_KEY, type MenuDraft, readMenuDraft} from '@/shared/menu-draft.js';

async function takeDraft(onDraft: (draft: MenuDraft) => void): Promise<void> {
	const stored = await browser.storage.session.get(MENU_DRAFT_KEY);
	const draft = readMenuDraft(stored[MENU_DRAFT_KEY], Date.now());
	if (stored[MENU_DRAFT_KEY] !== undefined) await browser.storage.session.remove(MENU_DRAFT_KEY);
	if (draft) onDraft(draft);
}

export function useMenuDraft(onDraft: (draft: MenuDraft) => void): void {
	useEffect(() => {
		const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
			if (area === 'session' && changes[MENU_DRAFT_KEY]?.newValue !== undefined) void takeDraft(onDraft);
		};

		browser.storage.onChanged.addListener(onChanged);
		void takeDraft(onDraft);
		return () => browser.storage.onChanged.removeListener(onChanged);
		// The draft is taken once per popup; the callback's identity does not matter.
	}, []);
}
