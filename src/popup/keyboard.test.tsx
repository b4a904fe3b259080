// @vitest-environment happy-dom
/**
 * R48 in the popup, on the real worker API over the fake runtime: the popup opens with quick add focused; the
 * rows are one Tab stop walked with the arrows; single keys act on the focused row and focus goes on to the next
 * row; Z undoes; `?` shows the keys and Escape gives focus back; keys typed in a field stay letters.
 */
import 'fake-indexeddb/auto';
import {render} from 'preact';
import {act} from 'preact/test-utils';
import {expect, test, vi} from 'vitest';
import {addReminder} from '@/shared/store/local-edits.js';
import {partitionFixture, TEST_PARTITION_ID} from '../../test/fakes/partition.js';
import {pageRootPerTest, workerDb as db} from '../../test/fakes/worker-for-pages.js';
import {localDays} from './dates.js';
import {App} from './popup-app.js';
import {HOLD_REFRESH_MS, UNDO_MS, UndoToast} from './undo-toast.js';

let root: HTMLElement;
pageRootPerTest(fresh => (root = fresh));

const names = () => [...root.querySelectorAll('.reminder .name')].map(name => name.textContent);
const checkbox = (name: string) => root.querySelector<HTMLInputElement>(`input[aria-label="Complete ${name}"]`);
const focusedLabel = () => document.activeElement?.getAttribute('aria-label');
/** A key pressed where focus is, as the browser delivers it (bubbling, cancelable). */
async function key(key: string, options: KeyboardEventInit = {}) {
	await act(() => {
		(document.activeElement ?? document.body).dispatchEvent(
			new KeyboardEvent('keydown', {key, bubbles: true, cancelable: true, ...options}),
		);
	});
}

async function mountWith(...reminders: string[]) {
	for (const name of reminders) await addReminder(db, {name, dueDate: localDays().today});
	await act(() => {
		render(<App />, root);
	});
	await vi.waitFor(() => expect(names()).toEqual(reminders));
}

test('R48: the popup opens with quick add focused', async () => {
	await mountWith('Call Ana');
	expect(document.activeElement).toBe(root.querySelector('.quick-add input'));
});

test('R48: the rows are one Tab stop; ↓ ↑ End Home move between them', async () => {
	await mountWith('Ana', 'Bo', 'Cy');
	// Only the first row's controls are in the Tab order until focus moves (set by an effect after the rows render:
	// waited for, as a loaded machine runs it later).
	const tabbable = (name: string) => checkbox(name)?.tabIndex;
	await vi.waitFor(() => expect([tabbable('Ana'), tabbable('Bo'), tabbable('Cy')]).toEqual([0, -1, -1]));
	const bosButtons = [...(checkbox('Bo')?.closest('li')?.querySelectorAll('button') ?? [])];
	expect(bosButtons.length).toBeGreaterThan(0);
	expect(bosButtons.every(button => button.tabIndex === -1)).toBe(true);

	checkbox('Ana')?.focus();
	await key('ArrowDown');
	expect(focusedLabel()).toBe('Complete Bo');
	// The current row is the one in the Tab order now, with its buttons; the first is out.
	await vi.waitFor(() => expect([tabbable('Ana'), tabbable('Bo')]).toEqual([-1, 0]));
	expect(bosButtons.every(button => button.tabIndex === 0)).toBe(true);
	await key('End');
	expect(focusedLabel()).toBe('Complete Cy');
	await key('ArrowDown');
	expect(focusedLabel()).toBe('Complete Cy');
	await key('Home');
	expect(focusedLabel()).toBe('Complete Ana');
	await key('ArrowUp');
	expect(focusedLabel()).toBe('Complete Ana');
});

test('R48: C completes the focused row, focus lands on the next one, and Z undoes', async () => {
	await mountWith('Ana', 'Bo', 'Cy');
	checkbox('Bo')?.focus();
	await key('c');
	await vi.waitFor(() => expect(names()).toEqual(['Ana', 'Cy']));
	expect(focusedLabel()).toBe('Complete Cy');
	expect(root.querySelector('.toast')?.textContent).toContain('Press Z to undo.');
	await key('z');
	await vi.waitFor(() => expect(names()).toEqual(['Ana', 'Bo', 'Cy']));
	expect(root.querySelector('.toast')).toBeNull();
});

test('R48: D deletes the last row with Undo and focus goes to the previous; the only row’s goes to quick add', async () => {
	await mountWith('Ana', 'Bo');
	checkbox('Bo')?.focus();
	await key('d');
	await vi.waitFor(() => expect(names()).toEqual(['Ana']));
	expect(focusedLabel()).toBe('Complete Ana');
	expect(root.querySelector('.toast')?.textContent).toContain('Deleted');
	await key('Delete');
	await vi.waitFor(() => expect(names()).toEqual([]));
	expect(document.activeElement).toBe(root.querySelector('.quick-add input'));
	// Ctrl+Z from quick add is the field's own undo, not Tickler's: the row stays deleted.
	await key('z', {ctrlKey: true});
	expect(names()).toEqual([]);
	(root.querySelector('.toast button') as HTMLButtonElement).focus();
	await key('z', {ctrlKey: true});
	await vi.waitFor(() => expect(names()).toEqual(['Ana']));
});

test('R48: S opens the snooze presets with focus in them; E opens the edit form; letters typed there stay letters', async () => {
	await mountWith('Ana', 'Bo');
	checkbox('Ana')?.focus();
	await key('s');
	await vi.waitFor(() => expect(document.activeElement?.closest('.snooze-presets')).not.toBeNull());
	await key('Escape');
	await vi.waitFor(() => expect(root.querySelector('.snooze-presets')).toBeNull());
	await key('e');
	await vi.waitFor(() => expect(root.querySelector('form[aria-label="Edit Ana"]')).not.toBeNull());
	const field = root.querySelector<HTMLInputElement>('form[aria-label="Edit Ana"] input');
	field?.focus();
	for (const letter of ['d', 'c', '?', 'z']) await key(letter);
	expect(names()).toEqual(['Bo']);
	expect(root.querySelector('dialog')).toBeNull();
	expect(await db.reminders.count()).toBe(2);
});

test('R48: O opens the focused reminder’s Task in Salesforce; a reminder without one stays put', async () => {
	await db.partitions.put(partitionFixture({enabledAt: Date.now() - 60_000}));
	await db.meta.put({key: 'activePartition', value: TEST_PARTITION_ID});
	const ana = await addReminder(db, {name: 'Ana', dueDate: localDays().today});
	await db.reminders.update(ana.id, {syncState: 'synced', taskId: '00T000000000001AAA'});
	await addReminder(db, {name: 'Bo', dueDate: localDays().today});
	const opened = vi.spyOn(window, 'open').mockReturnValue(null);
	await act(() => {
		render(<App />, root);
	});
	await vi.waitFor(() => expect(names()).toEqual(['Ana', 'Bo']));
	checkbox('Bo')?.focus();
	await key('o');
	expect(opened).not.toHaveBeenCalled();
	checkbox('Ana')?.focus();
	await key('o');
	expect(opened).toHaveBeenCalledTimes(1);
	expect(opened.mock.calls[0]?.[0]).toContain('00T000000000001AAA');
	expect(opened.mock.calls[0]?.[1]).toBe('_blank');
	opened.mockRestore();
});

test('R48: ? shows the keys in a dialog; when it closes (Escape in a browser, e2e) focus goes back to the row', async () => {
	await mountWith('Ana');
	checkbox('Ana')?.focus();
	await key('?', {shiftKey: true});
	const dialog = root.querySelector('dialog');
	expect(dialog?.getAttribute('aria-labelledby')).toBeTruthy();
	expect(dialog?.textContent).toContain('Keyboard shortcuts');
	expect(dialog?.textContent).toContain('Next or previous reminder');
	expect(dialog?.textContent).toContain('Delete, with Undo');
	await act(() => {
		dialog?.close();
	});
	await vi.waitFor(() => expect(root.querySelector('dialog')).toBeNull());
	expect(focusedLabel()).toBe('Complete Ana');
	// Typed into quick add, ? is a question mark.
	root.querySelector<HTMLInputElement>('.quick-add input')?.focus();
	await key('?', {shiftKey: true});
	expect(root.querySelector('dialog')).toBeNull();
});

test('R48: the Undo offer waits while focus is in it or the pointer is over it, keeping its change held, and goes on after', async () => {
	vi.useFakeTimers();
	try {
		const dismissed = vi.fn();
		const held = vi.fn();
		await act(() => {
			render(
				<UndoToast
					kind="delete"
					name="Ana"
					error={undefined}
					onUndo={() => undefined}
					onDismiss={dismissed}
					onHold={held}
				/>,
				root,
			);
		});
		const toast = root.querySelector<HTMLElement>('.toast')!;
		await act(() => {
			vi.advanceTimersByTime(UNDO_MS - 3000);
		});
		await act(() => {
			toast.querySelector('button')?.focus();
		});
		await act(() => {
			vi.advanceTimersByTime(60_000);
		});
		expect(dismissed).not.toHaveBeenCalled();
		// Meanwhile the change stays held from Salesforce (R43): asked at once and every HOLD_REFRESH_MS.
		expect(held.mock.calls.length).toBeGreaterThanOrEqual(1 + Math.floor(60_000 / HOLD_REFRESH_MS));
		await act(() => {
			(document.activeElement as HTMLElement).blur();
			toast.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
			toast.dispatchEvent(new MouseEvent('mouseenter'));
		});
		await act(() => {
			vi.advanceTimersByTime(60_000);
		});
		expect(dismissed).not.toHaveBeenCalled();
		const heldBeforeGoingOn = held.mock.calls.length;
		await act(() => {
			toast.dispatchEvent(new MouseEvent('mouseleave'));
		});
		// Going on, it asks once more, so the hold outlasts what is left of the offer.
		expect(held).toHaveBeenCalledTimes(heldBeforeGoingOn + 1);
		// What was left when it paused, not the whole time again.
		await act(() => {
			vi.advanceTimersByTime(2900);
		});
		expect(dismissed).not.toHaveBeenCalled();
		await act(() => {
			vi.advanceTimersByTime(200);
		});
		expect(dismissed).toHaveBeenCalledTimes(1);
	} finally {
		vi.useRealTimers();
	}
});
