/**
 * R48: `?` in the popup, the side panel or All reminders shows the keys (row-keys.ts) in a dialog; Escape or
 * Close shuts it and focus goes back where it was. Settings shows the same list (shortcuts-section.tsx).
 */
import {useEffect, useId, useRef, useState} from 'preact/hooks';
import {t} from '@/shared/i18n/t.js';
import {isHelpKey, isTyping} from './row-keys.js';

/**
 * Each key and what it does. Letters, arrows and `?` are the same on every keyboard; keys with words on them
 * (Delete is "Canc" on an Italian keyboard) and the "or" between keys come from the catalogs (R46).
 */
const KEYS: ReadonlyArray<{keys: () => string; does: () => string}> = [
	{keys: () => '↑ ↓', does: () => t('keysMove')},
	{keys: () => t('keysFirstLastKeys'), does: () => t('keysFirstLast')},
	{keys: () => t('keysCompleteKeys'), does: () => t('keysComplete')},
	{keys: () => 'S', does: () => t('rowSnooze')},
	{keys: () => 'E', does: () => t('rowEdit')},
	{keys: () => t('keysDeleteKeys'), does: () => t('keysDelete')},
	{keys: () => 'O', does: () => t('rowOpen')},
	{keys: () => t('keysUndoKeys'), does: () => t('keysUndo')},
	{keys: () => '?', does: () => t('keysHelp')},
];

export function KeyList() {
	return (
		<dl class="key-list">
			{KEYS.map(({keys, does}) => (
				<div key={keys()}>
					<dt>
						<kbd>{keys()}</kbd>
					</dt>
					<dd>{does()}</dd>
				</div>
			))}
		</dl>
	);
}

/** The `?` key, anywhere on the page but a field the rep types in. */
function useHelpKey(open: boolean, onOpen: () => void) {
	useEffect(() => {
		if (open) return undefined;
		const onKeyDown = (event: KeyboardEvent) => {
			if (event.defaultPrevented || isTyping(event.target) || !isHelpKey(event)) return;
			event.preventDefault();
			onOpen();
		};

		document.addEventListener('keydown', onKeyDown);
		return () => document.removeEventListener('keydown', onKeyDown);
	}, [open, onOpen]);
}

export function KeyboardHelp() {
	const id = useId();
	const [open, setOpen] = useState(false);
	const dialog = useRef<HTMLDialogElement>(null);
	// Where focus was when `?` was pressed: it goes back there.
	const opener = useRef<HTMLElement | null>(null);
	useHelpKey(open, () => {
		opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
		setOpen(true);
	});
	useEffect(() => {
		// Modal: the page behind is inert until it closes, and Escape closes it (the dialog's `cancel`).
		if (open && dialog.current && !dialog.current.open) dialog.current.showModal();
	}, [open]);

	if (!open) return null;
	const closed = () => {
		setOpen(false);
		if (opener.current?.isConnected) opener.current.focus();
	};

	return (
		<dialog ref={dialog} class="keys-help" aria-labelledby={`${id}-title`} onClose={closed}>
			<h2 id={`${id}-title`}>{t('keysTitle')}</h2>
			<p>{t('keysOnRow')}</p>
			<KeyList />
			<button type="button" class="primary" onClick={() => dialog.current?.close()}>
				{t('keysClose')}
			</button>
		</dialog>
	);
}
