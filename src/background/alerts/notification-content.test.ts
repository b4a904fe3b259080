/** R31: what a reminder notification says: one reminder, several as one summary, late ones, the related record. */
import {describe, expect, test} from 'vitest';
import type {Reminder} from '@/shared/store/schema.js';
import type {DueAlert} from './due-alerts.js';
import {
	notificationsFor,
	relatedNamesOf,
	reminderIdOf,
	reminderNotificationId,
	SUMMARY_NAMES,
} from './notification-content.js';

function alert(id: string, name: string, late = false, dueDate: string | null = '2026-03-05'): DueAlert {
	const reminderAt = '2026-03-05T15:00:00.000Z';
	const reminder = {id, name, dueDate, reminderAt} as Reminder;
	return {reminder, reminderAt, late};
}

describe('R31: notification content', () => {
	test('R31: one reminder: its name, due date and time on the rep’s clock, Complete and Snooze 1 hour', () => {
		const [content] = notificationsFor([alert('r1', 'Call Ann')], {withButtons: true, timeZone: 'Europe/Berlin'});
		expect(content).toEqual({
			id: reminderNotificationId('r1'),
			title: 'Call Ann',
			message: 'Due 2026-03-05 · 16:00',
			buttons: ['Complete', 'Snooze 1 hour'],
		});
		expect(reminderIdOf(content?.id ?? '')).toBe('r1');
	});

	test('R31: late and without a due date it says so; Firefox (no buttons) gets none', () => {
		const [content] = notificationsFor([alert('r1', 'Call Ann', true, null)], {
			withButtons: false,
			timeZone: 'America/New_York',
		});
		expect(content?.message).toBe('No due date · 10:00, missed while your browser was closed');
		expect(content?.buttons).toEqual([]);
	});

	test('R31: the related record’s name, when known, is the third line', () => {
		const [content] = notificationsFor([alert('r1', 'Call Ann')], {withButtons: true, relatedName: () => 'Acme Corp'});
		expect(content?.contextMessage).toBe('Acme Corp');
	});

	test('R31: by default the third line names the reminder’s related records, the person then the record', () => {
		const both = alert('r1', 'Call Ann');
		both.reminder.who = {name: 'Ana Ruiz', type: 'Contact'};
		both.reminder.what = {name: 'Acme <b>Corp</b>', type: 'Account'};
		const [content] = notificationsFor([both], {withButtons: true, timeZone: 'UTC'});
		// Plain text, as Salesforce has it: chrome.notifications interprets no markup.
		expect(content?.contextMessage).toBe('Ana Ruiz · Acme <b>Corp</b>');
		expect(content?.message).toBe('Due 2026-03-05 · 15:00');

		const whatOnly = alert('r2', 'Send quote');
		whatOnly.reminder.what = {name: 'Big Deal', type: 'Opportunity'};
		expect(notificationsFor([whatOnly], {withButtons: false})[0]?.contextMessage).toBe('Big Deal');
		expect(relatedNamesOf(alert('r3', 'No record'))).toBeUndefined();
		expect(notificationsFor([alert('r3', 'No record')], {withButtons: false})[0]).not.toHaveProperty('contextMessage');
	});

	test('R31: several at once are one summary, listing the first names and how many more', () => {
		const many = Array.from({length: SUMMARY_NAMES + 2}, (_, i) => alert(`r${i}`, `Reminder ${i}`, true));
		const contents = notificationsFor(many, {withButtons: true, timeZone: 'UTC'});
		expect(contents).toHaveLength(1);
		expect(contents[0]?.title).toBe(`${SUMMARY_NAMES + 2} reminders`);
		expect(contents[0]?.message.split('\n')).toEqual([
			...Array.from({length: SUMMARY_NAMES}, (_, i) => `15:00 Reminder ${i}`),
			'and 2 more',
		]);
		expect(contents[0]?.contextMessage).toBe('missed while your browser was closed');
		expect(reminderIdOf(contents[0]?.id ?? '')).toBeUndefined();
	});
});
