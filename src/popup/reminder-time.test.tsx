// @vitest-environment happy-dom
/** R31: the popup's add and edit forms carry an optional reminder time; the due list shows it. */
import 'fake-indexeddb/auto';
import {act} from 'preact/test-utils';
import {describe, expect, test, vi} from 'vitest';
import {instantOf} from '@/shared/zoned-time.js';
import {pageRootPerTest, workerDb as db} from '../../test/fakes/worker-for-pages.js';
import {localDays} from './dates.js';
import {reminderAtFromFields, reminderTimeFields, REMINDER_TIME_COPY} from './reminder-time-input.js';
import {typeInto, fieldByLabel as field, openAddForm} from '../../test/fakes/popup-form.js';

let root: HTMLElement;
pageRootPerTest(fresh => (root = fresh));

describe('R31: reminder time in the forms', () => {
	test('R31: the form’s date and time are the rep’s clock; none is null; half a time or a skipped hour is refused', () => {
		expect(reminderAtFromFields({date: '', time: ''})).toBeNull();
		expect(reminderAtFromFields({date: '2026-03-05', time: '15:00'}, 'Europe/Berlin')).toBe('2026-03-05T14:00:00.000Z');
		expect(reminderTimeFields('2026-03-05T14:00:00.000Z', 'Europe/Berlin')).toEqual({
			date: '2026-03-05',
			time: '15:00',
		});
		expect(() => reminderAtFromFields({date: '2026-03-05', time: ''})).toThrow(REMINDER_TIME_COPY.incomplete);
		expect(() => reminderAtFromFields({date: '2026-03-08', time: '02:30'}, 'America/New_York')).toThrow(
			REMINDER_TIME_COPY.skipped,
		);
	});

	test('R31: add with a reminder time stores it and the due list shows it; a date without a time gets its message beside the field', async () => {
		const form = await openAddForm(root);
		typeInto(form.querySelector('input')!, 'Call Ann back');
		const date = field(form, 'Reminder date');
		const time = field(form, 'Reminder time');
		await act(() => {
			typeInto(date, localDays().today);
		});
		await act(() => {
			form.requestSubmit();
		});
		await vi.waitFor(() => expect(root.querySelector('[role=alert]')?.textContent).toBe(REMINDER_TIME_COPY.incomplete));
		expect(date.getAttribute('aria-invalid')).toBe('true');
		await act(() => {
			typeInto(time, '23:59');
		});
		await act(() => {
			form.requestSubmit();
		});
		await vi.waitFor(() => expect(root.querySelector('.reminder .name')?.textContent).toBe('Call Ann back'));
		const stored = (await db.reminders.toArray())[0];
		expect(stored?.reminderAt).toBe(new Date(instantOf(localDays().today, '23:59') ?? 0).toISOString());
		expect(root.querySelector('.reminder .reminder-time')?.textContent).toMatch(/^Reminder .*59/);
	});

	test('R31: a quick choice fills the time; the edit form shows the stored time and can remove it', async () => {
		const form = await openAddForm(root);
		typeInto(form.querySelector('input')!, 'Quote');
		await act(() => {
			[...form.querySelectorAll('button')].find(b => b.textContent === '1 hour')?.click();
		});
		expect(field(form, 'Reminder time').value).toMatch(/^\d{2}:\d{2}$/);
		await act(() => {
			form.requestSubmit();
		});
		await vi.waitFor(() => expect(root.querySelector('.reminder .name')?.textContent).toBe('Quote'));
		const added = (await db.reminders.toArray())[0];
		expect(Date.parse(added?.reminderAt ?? '')).toBeGreaterThan(Date.now() + 59 * 60_000);
		await act(() => {
			(root.querySelector('[aria-label="Edit Quote"]') as HTMLElement).click();
		});
		const edit = root.querySelector('[aria-label="Edit Quote"]') as HTMLFormElement;
		expect(field(edit, 'Reminder time').value).toBe(reminderTimeFields(added?.reminderAt).time);
		await act(() => {
			[...edit.querySelectorAll('button')].find(b => b.textContent === 'No reminder')?.click();
		});
		await act(() => {
			edit.requestSubmit();
		});
		await vi.waitFor(async () => expect((await db.reminders.toArray())[0]?.reminderAt).toBeNull());
	});
});
