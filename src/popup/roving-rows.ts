/**
 * R48: a reminder list is one Tab stop. Each row's checkbox is its anchor; only the current row's anchor and
 * buttons are in the Tab order (a roving tabindex, which screen readers follow as plain focus moves: "Complete
 * Call Ana, checkbox"), and ↑ ↓ Home End move between rows. The current row is the one focus was last in, else
 * the first. The rows' own components know nothing of it: the tabindex is set on their DOM after each change.
 */
import {useEffect, useRef} from 'preact/hooks';
import {focusAfterRemoval, isTyping, movedIndex, rowMove} from './row-keys.js';

const ROW = 'li.reminder';
const ANCHOR = 'input.complete';
const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]';
/** Marks a control this module took out of the Tab order, so only those are put back. */
const OFF = 'data-roving-off';

const rowsIn = (container: ParentNode): HTMLElement[] => [...container.querySelectorAll<HTMLElement>(ROW)];

/** A row is reached by its checkbox; a row being edited (no checkbox) by its first field. */
export function rowAnchor(row: Element): HTMLElement | null {
	return row.querySelector<HTMLElement>(ANCHOR) ?? row.querySelector<HTMLElement>(FOCUSABLE);
}

/** Every row in the page, in order: the popup's lists are one sequence (overdue, today, tomorrow). */
function applyTabOrder(container: HTMLElement, current: Element | null): void {
	const rows = rowsIn(container);
	const active = current && rows.includes(current as HTMLElement) ? current : rows[0];
	for (const row of rows) {
		const inOrder = row === active || row.classList.contains('editing') || row.contains(document.activeElement);
		for (const control of row.querySelectorAll<HTMLElement>(FOCUSABLE)) {
			if (inOrder && control.hasAttribute(OFF)) {
				control.removeAttribute(OFF);
				control.removeAttribute('tabindex');
			} else if (!inOrder && !control.hasAttribute('tabindex')) {
				control.setAttribute(OFF, '');
				control.tabIndex = -1;
			}
		}
	}
}

/**
 * The row `control` is in is about to leave the list: focus moves to the next row's anchor, or the previous
 * one, or quick add when it was the only row (R48: focus is never lost after an action).
 */
export function moveFocusFrom(control: Element): void {
	const row = control.closest(ROW);
	const rows = rowsIn(document);
	const index = focusAfterRemoval(
		rows.findIndex(each => each === row),
		rows.length,
	);
	const target = index === undefined || index < 0 ? undefined : rows[index];
	const fallback = document.querySelector<HTMLElement>('.quick-add input') ?? document.querySelector('.header button');
	(target ? rowAnchor(target) : fallback)?.focus();
}

/** Wires a list's container: returns the ref to put on it. */
export function useRovingRows<T extends HTMLElement>() {
	const container = useRef<T>(null);
	useEffect(() => {
		const element = container.current;
		if (!element) return undefined;
		let current: Element | null = null;
		const apply = () => applyTabOrder(element, current);
		const onFocusIn = (event: FocusEvent) => {
			current = (event.target as Element).closest(ROW) ?? current;
			apply();
		};

		const onKeyDown = (event: KeyboardEvent) => {
			const move = rowMove(event);
			const row = (event.target as Element).closest(ROW);
			if (!move || !row || row.classList.contains('editing') || isTyping(event.target)) return;
			const rows = rowsIn(element);
			const target = rows[movedIndex(rows.indexOf(row as HTMLElement), rows.length, move)];
			event.preventDefault();
			if (target) rowAnchor(target)?.focus();
		};

		// Rows come and go with every read of the store, and a row's own state (editing, a refusal's Retry).
		const observer = new MutationObserver(apply);
		observer.observe(element, {childList: true, subtree: true});
		element.addEventListener('focusin', onFocusIn);
		element.addEventListener('keydown', onKeyDown);
		apply();
		return () => {
			observer.disconnect();
			element.removeEventListener('focusin', onFocusIn);
			element.removeEventListener('keydown', onKeyDown);
		};
	}, []);
	return container;
}
