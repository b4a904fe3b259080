/**
 * R48: what a key does in a reminder list (the popup, the side panel, All reminders), as pure decisions the
 * list and its rows act on: arrows move between rows, single keys act on the focused row, `?` shows them all,
 * Z undoes. None of them fires while the rep types in a field (quick add, a form, search).
 */

/** The keys' facts the decisions read (a KeyboardEvent has them). */
export type KeyPress = {key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean};

/** What a single key does to the focused row. */
export type RowAction = 'complete' | 'snooze' | 'edit' | 'delete' | 'open';

/** Where an arrow (or Home, End) moves focus among the rows. */
export type RowMove = 'next' | 'previous' | 'first' | 'last';

const ACTIONS: Readonly<Record<string, RowAction>> = {
	c: 'complete',
	x: 'complete',
	s: 'snooze',
	e: 'edit',
	d: 'delete',
	// "Delete" on a PC keyboard; the key a Mac labels "delete" sends Backspace.
	delete: 'delete',
	backspace: 'delete',
	o: 'open',
};

const MOVES: Readonly<Record<string, RowMove>> = {
	ArrowDown: 'next',
	ArrowUp: 'previous',
	Home: 'first',
	End: 'last',
};

/** With Ctrl, Alt or ⌘ the key is the browser's or the system's (Ctrl+C copies), never a row's. */
const modified = (press: KeyPress): boolean => press.ctrlKey || press.metaKey || press.altKey;

export function rowAction(press: KeyPress): RowAction | undefined {
	return modified(press) ? undefined : ACTIONS[press.key.toLowerCase()];
}

export function rowMove(press: KeyPress): RowMove | undefined {
	return modified(press) ? undefined : MOVES[press.key];
}

/** `?` opens the list of keys (Shift is how most layouts type it, so Shift is allowed). */
export function isHelpKey(press: KeyPress): boolean {
	return press.key === '?' && !modified(press);
}

/** Z, or Ctrl+Z (⌘Z on a Mac) as in any editor: undoes the change the Undo offer is about. */
export function isUndoKey(press: KeyPress & {shiftKey: boolean}): boolean {
	if (press.key.toLowerCase() !== 'z' || press.altKey || press.shiftKey) return false;
	return !(press.ctrlKey && press.metaKey);
}

/** The index `move` goes to from row `current` of `count` rows; it stops at either end rather than wrap. */
export function movedIndex(current: number, count: number, move: RowMove): number {
	if (move === 'first') return 0;
	if (move === 'last') return count - 1;
	return Math.min(count - 1, Math.max(0, current + (move === 'next' ? 1 : -1)));
}

/**
 * Row `index` of `count` is about to leave the list (completed, deleted, snoozed): focus goes to the next row,
 * or the previous one when it was last, or — undefined — to quick add when it was the only one.
 */
export function focusAfterRemoval(index: number, count: number): number | undefined {
	if (index + 1 < count) return index + 1;
	return index > 0 ? index - 1 : undefined;
}

/** Text the rep types into: keys there are letters, not commands. A checkbox or a button is not typed into. */
export function isTyping(target: EventTarget | null): boolean {
	if (!(target instanceof HTMLElement)) return false;
	if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) {
		return true;
	}

	return (
		target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type)
	);
}
