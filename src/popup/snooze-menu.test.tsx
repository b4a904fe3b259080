// @vitest-environment happy-dom
/**
 * R50 in the popup: Snooze is one action from the row — a preset, one press, or a chosen time — held for an Undo offer like
 * Complete (R60); "tomorrow morning" moves the due date too, so the reminder leaves Today. On the real worker
 * API over the fake runtime.
 */
import 'fake-indexeddb/auto';
import {render} from 'preact';
import {act} from 'preact/test-utils';
import {expect, test, vi} from 'vitest';
import {addReminder} from '@/shared/store/local-edits.js';
import {pageRootPerTest, workerDb as db} from '../../test/fakes/worker-for-pages.js';
import {localDays} from './dates.js';
import {App} from './popup-app.js';

let root: HTMLElement;
pageRootPerTest(fresh => (root = fresh));

const button = (name: string) => {
	const found = [...root.querySelectorAll('button')].find(
		b => (b.getAttribute('aria-label') ?? b.textContent) === name,
	);
	if (!found) throw new Error(`no button ${name}`);
	return found;
};
/** The names under a list's heading ("Today", "Tomorrow"). */
const namesIn = (heading: string) => {
	const section = [...root.querySelectorAll('section')].find(s => s.querySelector('h2')?.textContent === heading);
	return [...(section?.querySelectorAll('.reminder .name') ?? [])].map(name => name.textContent);
};

test('R60, issue 22: Snooze → Tomorrow morning moves the reminder to Tomorrow at 9:00 in one action; Undo puts it back', async () => {
	const {today, tomorrow} = localDays();
	const ana = await addReminder(db, {name: 'Call Ana', dueDate: today});
	await act(() => {
		render(<App />, root);
	});
	await vi.waitFor(() => expect(namesIn('Today')).toEqual(['Call Ana']));

	const snooze = button('Snooze “Call Ana”');
	expect(snooze.getAttribute('aria-expanded')).toBe('false');
	await act(() => snooze.click());
	const presets = root.querySelector('[role="group"][aria-label="Snooze “Call Ana” to"]');
	expect([...(presets?.querySelectorAll('button') ?? [])].map(b => b.textContent)).toEqual([
		'10 minutes',
		'1 hour',
		'Tomorrow morning',
		'Next week',
		'Snooze until then',
	]);
	await act(() => button('Tomorrow morning').click());

	await vi.waitFor(() => expect(namesIn('Tomorrow')).toEqual(['Call Ana']));
	expect(namesIn('Today')).toEqual([]);
	const snoozed = await db.reminders.get(ana.id);
	const at = new Date(snoozed?.reminderAt ?? 0);
	expect([snoozed?.dueDate, at.getHours(), at.getMinutes()]).toEqual([tomorrow, 9, 0]);
	expect(root.querySelector('.toast')?.textContent).toContain('Snoozed “Call Ana”.');

	await act(() => button('Undo').click());
	await vi.waitFor(() => expect(namesIn('Today')).toEqual(['Call Ana']));
	const undone = await db.reminders.get(ana.id);
	expect(undone?.dueDate).toBe(today);
	expect(undone?.reminderAt ?? null).toBeNull();
});

test('R60, issue 22: Escape closes the presets and focus goes back to Snooze', async () => {
	await addReminder(db, {name: 'Call Ana', dueDate: localDays().today});
	await act(() => {
		render(<App />, root);
	});
	await vi.waitFor(() => expect(root.textContent).toContain('Call Ana'));
	const snooze = button('Snooze “Call Ana”');
	await act(() => snooze.click());
	const first = button('10 minutes');
	first.focus();
	await act(() => {
		first.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true}));
	});
	expect(root.querySelector('.snooze-presets')).toBeNull();
	expect(document.activeElement).toBe(snooze);
});

test('R50: Snooze to a time the rep chooses: a past time is refused in words; a later day moves the time and the due date', async () => {
	const {today} = localDays();
	const ana = await addReminder(db, {name: 'Call Ana', dueDate: today});
	await act(() => {
		render(<App />, root);
	});
	await vi.waitFor(() => expect(namesIn('Today')).toEqual(['Call Ana']));
	await act(() => button('Snooze “Call Ana”').click());
	const field = root.querySelector<HTMLInputElement>('input[type="datetime-local"]');
	expect(field?.labels?.[0]?.textContent).toBe('Or until');
	const choose = async (value: string) => {
		await act(() => {
			field!.value = value;
			field!.dispatchEvent(new Event('input', {bubbles: true}));
		});
		await act(() => button('Snooze until then').click());
	};

	await choose('2001-01-01T09:00');
	expect(root.querySelector('.snooze-time [role="alert"]')?.textContent).toBe('Choose a time later than now.');
	expect(field?.getAttribute('aria-invalid')).toBe('true');
	expect((await db.reminders.get(ana.id))?.reminderAt).toBeUndefined();

	const inThreeDays = new Date(Date.now() + 3 * 86_400_000);
	const day = `${inThreeDays.getFullYear()}-${String(inThreeDays.getMonth() + 1).padStart(2, '0')}-${String(inThreeDays.getDate()).padStart(2, '0')}`;
	await choose(`${day}T14:30`);
	await vi.waitFor(async () => expect((await db.reminders.get(ana.id))?.dueDate).toBe(day));
	const snoozed = new Date((await db.reminders.get(ana.id))?.reminderAt ?? '');
	expect([snoozed.getHours(), snoozed.getMinutes()]).toEqual([14, 30]);
	await vi.waitFor(() => expect(namesIn('Today')).toEqual([]));
});
