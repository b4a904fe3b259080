import {afterEach, beforeEach, expect, test} from 'vitest';
import type {TicklerDb} from '@/shared/store/open-db.js';
import {addReminder, completeReminder} from '@/shared/store/local-edits.js';
import {openTestDb} from '../../../test/fakes/test-db.js';
import {resetFakeBrowser, toolbarBadge} from '../../../test/fakes/browser.js';
import {badgeText, nextLocalMidnight, updateToolbarCount} from './toolbar-count.js';

let db: TicklerDb;
beforeEach(async () => {
	await resetFakeBrowser();
	db = openTestDb();
});
afterEach(() => {
	db.close();
});

test('R22: the toolbar shows open reminders due today, overdue included', async () => {
	const now = new Date(2026, 2, 5, 9, 0);
	await addReminder(db, {name: 'overdue', dueDate: '2026-03-01'});
	const today = await addReminder(db, {name: 'today', dueDate: '2026-03-05'});
	await addReminder(db, {name: 'today too', dueDate: '2026-03-05'});
	await addReminder(db, {name: 'tomorrow', dueDate: '2026-03-06'});
	await addReminder(db, {name: 'no date', dueDate: null});
	expect(await updateToolbarCount(db, now)).toBe(3);
	expect(toolbarBadge().text).toBe('3');
	await completeReminder(db, today.id);
	await updateToolbarCount(db, now);
	expect(toolbarBadge().text).toBe('2');
	// The next morning, tomorrow's reminder is due.
	await updateToolbarCount(db, new Date(2026, 2, 6, 0, 0, 1));
	expect(toolbarBadge().text).toBe('3');
});

test('nothing due hides the badge; big counts are shortened', () => {
	expect(badgeText(0)).toBe('');
	expect(badgeText(7)).toBe('7');
	expect(badgeText(1234)).toBe('999+');
});

test('the day alarm fires just after the next local midnight', () => {
	expect(nextLocalMidnight(new Date(2026, 2, 5, 23, 59))).toBe(new Date(2026, 2, 6, 0, 0, 1).getTime());
	expect(nextLocalMidnight(new Date(2026, 11, 31, 8, 0))).toBe(new Date(2027, 0, 1, 0, 0, 1).getTime());
});
