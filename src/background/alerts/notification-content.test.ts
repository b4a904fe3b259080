/** R31: what a reminder notification says: one reminder, several as one summary, late ones, the related record. */
import {afterEach, describe, expect, test} from 'vitest';
import {resetFakeBrowser, setUiLanguage} from '../../../test/fakes/browser.js';
import type {Reminder} from '@/shared/store/schema.js';
import type {DueAlert} from './due-alerts.js';
import {
	notificationsFor,
	relatedNamesOf,
	reminderIdOf,
	reminderNotificationId,
	SUMMARY_NAMES,
	undoOfferFor,
} from './notification-content.js';

function alert(id: string, name: string, late = false, dueDate: string | null = '2026-03-05'): DueAlert {
	const reminderAt = '2026-03-05T15:00:00.000Z';
	const reminder = {id, name, dueDate, reminderAt} as Reminder;
	return {reminder, reminderAt, late};
}

/** The day before the alerts' due date, and a day in the same year far from it (the rep's local noon). */
const DAY_BEFORE = new Date(2026, 2, 4, 12).getTime();
const IN_JANUARY = new Date(2026, 0, 10, 12).getTime();

afterEach(resetFakeBrowser);

describe('R31: notification content', () => {
	test('R31/R50: one reminder: its name, due date and time on the rep’s clock, Complete and Snooze by one hour, staying until the rep acts', () => {
		const [content] = notificationsFor([alert('r1', 'Call Ann')], {
			withButtons: true,
			timeZone: 'Europe/Berlin',
			now: DAY_BEFORE,
		});
		expect(content).toEqual({
			id: reminderNotificationId('r1'),
			title: 'Call Ann',
			message: 'Due tomorrow · 4:00 PM',
			buttons: ['Complete', 'Snooze: 1 hour'],
			staysUntilActedOn: true,
		});
		expect(reminderIdOf(content?.id ?? '')).toBe('r1');
	});

	test('R31: late and without a due date it says so; Firefox (no buttons) gets none', () => {
		const [content] = notificationsFor([alert('r1', 'Call Ann', true, null)], {
			withButtons: false,
			timeZone: 'America/New_York',
		});
		expect(content?.message).toBe('No due date · 10:00 AM, missed while your browser was closed');
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
		const [content] = notificationsFor([both], {withButtons: true, timeZone: 'UTC', now: IN_JANUARY});
		// Plain text, as Salesforce has it: chrome.notifications interprets no markup.
		expect(content?.contextMessage).toBe('Ana Ruiz · Acme <b>Corp</b>');
		expect(content?.message).toBe('Due Thursday, March 5 · 3:00 PM');

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
			...Array.from({length: SUMMARY_NAMES}, (_, i) => `3:00 PM Reminder ${i}`),
			'and 2 more',
		]);
		expect(contents[0]?.contextMessage).toBe('missed while your browser was closed');
		expect(reminderIdOf(contents[0]?.id ?? '')).toBeUndefined();
	});

	test('R46: a due date in another year says its year', () => {
		const later = alert('r1', 'Renewal 2031 check-in', false, '2031-06-30');
		const [content] = notificationsFor([later], {withButtons: false, timeZone: 'UTC', now: IN_JANUARY});
		expect(content?.message).toBe('Due Monday, June 30, 2031 · 3:00 PM');
	});

	test('R46: in an Italian browser the notification is Italian: words, buttons, day and clock', () => {
		setUiLanguage('it');
		const [one] = notificationsFor([alert('r1', 'Chiamare Rossi')], {
			withButtons: true,
			timeZone: 'Europe/Rome',
			now: DAY_BEFORE,
		});
		expect(one?.message).toBe('Scadenza domani · 16:00');
		expect(one?.buttons).toEqual(['Completa', 'Posticipa: 1 ora']);
		const [far] = notificationsFor([alert('r2', 'Chiamare Rossi', true)], {
			withButtons: false,
			timeZone: 'UTC',
			now: IN_JANUARY,
		});
		expect(far?.message).toBe('Scadenza giovedì 5 marzo · 15:00, arrivati a browser chiuso');
		const many = Array.from({length: SUMMARY_NAMES + 2}, (_, i) => alert(`r${i}`, `Promemoria ${i}`, true));
		const [summary] = notificationsFor(many, {withButtons: true, timeZone: 'UTC'});
		expect(summary?.title).toBe(`${SUMMARY_NAMES + 2} promemoria`);
		expect(summary?.message.split('\n').at(-1)).toBe('e altri 2');
	});
});

test('R50: the Snooze button says the rep’s default; the summary stays too, the passing Undo offer does not', () => {
	const [tenMinutes] = notificationsFor([alert('r1', 'Call Ann')], {withButtons: true, snooze: '10-minutes'});
	expect(tenMinutes?.buttons).toEqual(['Complete', 'Snooze: 10 minutes']);
	const [nextWeek] = notificationsFor([alert('r1', 'Call Ann')], {withButtons: true, snooze: 'next-week'});
	expect(nextWeek?.buttons).toEqual(['Complete', 'Snooze: Next week']);
	const [summary] = notificationsFor([alert('r1', 'Call Ann'), alert('r2', 'Call Bo')], {withButtons: true});
	expect(summary?.staysUntilActedOn).toBe(true);
	expect(undoOfferFor({id: 'r1', name: 'Call Ann'}, {}, {withButtons: true}).staysUntilActedOn).toBeUndefined();
});
