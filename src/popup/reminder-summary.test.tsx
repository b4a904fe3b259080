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
