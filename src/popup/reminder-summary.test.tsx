// @vitest-environment happy-dom
/** Issue 20, words that are true on a row (R22, R9): no noise on a healthy row; Low said as Low. */
import {render} from 'preact';
import {afterEach, expect, test} from 'vitest';
import {aReminder, syncedBase} from '../../test/fakes/reminder-builder.js';
import {reminderSummary} from './reminder-summary.js';

afterEach(() => {
	document.body.innerHTML = '';
});

function shown(overrides: Parameters<typeof aReminder>[0], sfPriority = 'Normal'): string {
	const reminder = aReminder({taskId: '00T000000000001AAA', syncState: 'synced', ...overrides});
	reminder.base = {...syncedBase(reminder), sfPriority};
	const container = document.createElement('div');
	document.body.append(container);
	render(reminderSummary(reminder, {overdue: false, instanceHost: undefined, error: undefined}), container);
	return container.textContent;
}

test('R22: a healthy row says neither "Synced" nor "Normal priority"; what needs attention is still said', () => {
	const healthy = shown({name: 'Call Ana'});
	expect(healthy).toContain('Call Ana');
	expect(healthy).not.toContain('Synced');
	expect(healthy).not.toContain('Normal priority');
	expect(shown({syncState: 'pending'})).toContain('Waiting to sync');
	expect(shown({priority: 'high'})).toContain('High priority');
});

test('R9: a Task Salesforce keeps at Low says Low priority (read-only), not Normal', () => {
	expect(shown({priority: 'normal'}, 'Low')).toContain('Low priority');
	expect(document.body.querySelector('[title]')?.getAttribute('title')).toContain('Tickler leaves it as it is');
	expect(shown({priority: 'normal'}, 'Normal')).not.toContain('Low');
});

test('R50: a reminder Tickler alerted for, whose notification the rep has not clicked or closed, says so until seen or moved', () => {
	const at = '2026-12-07T09:00:00.000Z';
	expect(shown({reminderAt: at})).toContain('Reminder ');
	expect(shown({reminderAt: at})).not.toContain('not seen yet');
	const alerted = shown({reminderAt: at, alert: {knownAt: 0, notifiedFor: at}});
	expect(alerted).toContain('Alerted');
	expect(alerted).toContain('not seen yet');
	expect(shown({reminderAt: at, alert: {knownAt: 0, notifiedFor: at, seenFor: at}})).not.toContain('not seen yet');
	// Snoozed since: the alert was for an earlier time; the new one has not fired.
	expect(shown({reminderAt: '2026-12-07T10:00:00.000Z', alert: {knownAt: 0, notifiedFor: at}})).not.toContain(
		'not seen yet',
	);
	expect(shown({reminderAt: at, status: 'complete', alert: {knownAt: 0, notifiedFor: at}})).not.toContain('Alerted');
});
