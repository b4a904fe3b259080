// @vitest-environment happy-dom
import {describe, expect, test} from 'vitest';
import {
	focusAfterRemoval,
	isHelpKey,
	isTyping,
	isUndoKey,
	type KeyPress,
	movedIndex,
	rowAction,
	rowMove,
} from './row-keys.js';

const press = (key: string, mods: Partial<KeyPress & {shiftKey: boolean}> = {}) => ({
	key,
	ctrlKey: false,
	metaKey: false,
	altKey: false,
	shiftKey: false,
	...mods,
});

describe('R48: a key on the focused row', () => {
	test.each([
		['c', 'complete'],
		['x', 'complete'],
		['C', 'complete'],
		['s', 'snooze'],
		['e', 'edit'],
		['Delete', 'delete'],
		['d', 'delete'],
		['Backspace', 'delete'],
		['o', 'open'],
		['q', undefined],
		['Enter', undefined],
		[' ', undefined],
	])('%j → %s', (key, action) => {
		expect(rowAction(press(key))).toBe(action);
	});

	test('R48: with Ctrl, ⌘ or Alt a letter is the browser’s (Ctrl+C copies), never a row action', () => {
		expect(rowAction(press('c', {ctrlKey: true}))).toBeUndefined();
		expect(rowAction(press('d', {metaKey: true}))).toBeUndefined();
		expect(rowAction(press('e', {altKey: true}))).toBeUndefined();
	});

	test('R48: arrows, Home and End move; the move stops at either end instead of wrapping', () => {
		expect(['ArrowDown', 'ArrowUp', 'Home', 'End', 'ArrowLeft'].map(key => rowMove(press(key)))).toEqual([
			'next',
			'previous',
			'first',
			'last',
			undefined,
		]);
		expect(rowMove(press('ArrowDown', {altKey: true}))).toBeUndefined();
		expect(movedIndex(0, 3, 'next')).toBe(1);
		expect(movedIndex(2, 3, 'next')).toBe(2);
		expect(movedIndex(0, 3, 'previous')).toBe(0);
		expect(movedIndex(1, 3, 'first')).toBe(0);
		expect(movedIndex(0, 3, 'last')).toBe(2);
	});

	test('R48: after a row leaves, focus goes to the next one, the previous when it was last, quick add when alone', () => {
		expect(focusAfterRemoval(1, 3)).toBe(2);
		expect(focusAfterRemoval(0, 3)).toBe(1);
		expect(focusAfterRemoval(2, 3)).toBe(1);
		expect(focusAfterRemoval(0, 1)).toBeUndefined();
	});

	test('R48: ? shows the keys (Shift types it); Z, Ctrl+Z and ⌘Z undo; Shift+Z and Ctrl+Shift+Z (redo) do not', () => {
		expect(isHelpKey(press('?', {shiftKey: true}))).toBe(true);
		expect(isHelpKey(press('/'))).toBe(false);
		expect(isHelpKey(press('?', {ctrlKey: true}))).toBe(false);
		expect(isUndoKey(press('z'))).toBe(true);
		expect(isUndoKey(press('z', {ctrlKey: true}))).toBe(true);
		expect(isUndoKey(press('z', {metaKey: true}))).toBe(true);
		expect(isUndoKey(press('Z', {shiftKey: true}))).toBe(false);
		expect(isUndoKey(press('z', {ctrlKey: true, shiftKey: true}))).toBe(false);
		expect(isUndoKey(press('z', {altKey: true}))).toBe(false);
	});

	test('R48: keys never act while the rep types in a field; a checkbox or a button is not typed into', () => {
		const element = (html: string) => {
			const host = document.createElement('div');
			host.innerHTML = html;
			return host.firstElementChild;
		};

		for (const html of ['<input>', '<input type="search">', '<textarea></textarea>', '<select></select>']) {
			expect(isTyping(element(html)), html).toBe(true);
		}

		const editable = element('<div contenteditable="true"></div>') as HTMLElement;
		document.body.append(editable);
		expect(isTyping(editable)).toBe(true);
		editable.remove();
		for (const html of ['<input type="checkbox">', '<button></button>', '<li></li>']) {
			expect(isTyping(element(html)), html).toBe(false);
		}

		expect(isTyping(null)).toBe(false);
	});
});
