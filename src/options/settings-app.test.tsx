// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import {act} from 'preact/test-utils';
import {expect, test, vi} from 'vitest';
import {addReminder} from '@/shared/store/local-edits.js';
import {TEST_PARTITION_ID} from '../../test/fakes/partition.js';
import {settingsPage} from '../../test/fakes/settings-page.js';
import {db} from './settings-db.js';
import {syncExplanation} from './sync-toggle.js';

const PARTITION = TEST_PARTITION_ID;
const page = settingsPage();

test('R3: sync is off by default, and the checkbox explains R4–R6 in plain words', async () => {
	await page.mount();
	const checkbox = page.root.querySelector('input[type=checkbox]') as HTMLInputElement;
	expect(checkbox.checked).toBe(false);
	expect(page.root.querySelector(`#${CSS.escape(checkbox.getAttribute('aria-describedby')!)}`)?.textContent).toBe(
		syncExplanation(),
	);
	expect(syncExplanation()).toContain('last 24 hours are imported');
	expect(syncExplanation()).toContain('stay on this computer only');
});

test('R23: the connected org and user, API usage, history, errors with retry, conflicts', async () => {
	await page.enable();
	const broken = await addReminder(db, {name: 'Too long', dueDate: null});
	await db.reminders.update(broken.id, {
		syncState: 'error',
		error: {code: 'STRING_TOO_LONG', message: 'Salesforce refused this change: too long', hint: 'Shorten it.'},
	});
	await db.syncHistory.add({
		partition: PARTITION,
		trigger: 'alarm',
		startedAt: Date.now(),
		endedAt: Date.now(),
		outcome: 'ok',
		pulled: 3,
		pushed: 2,
		deleted: 1,
		conflicts: 1,
		apiRequests: 4,
		errors: [],
		notes: [],
	});
	await db.conflicts.add({
		partition: PARTITION,
		reminderId: broken.id,
		taskId: '00T000000000001AAA',
		field: 'dueDate',
		overwritten: '2026-03-05',
		kept: '2026-03-06',
		winner: 'salesforce',
		at: Date.now(),
	});
	await page.mount();
	await vi.waitFor(() => expect(page.text()).toContain('Rita Rep (rep@acme.example)'));
	expect((page.root.querySelector('input[type=checkbox]') as HTMLInputElement).checked).toBe(true);
	expect(page.text()).toContain('acme.my.salesforce.com');
	expect(page.text()).toContain('(8%)');
	const history = [...page.root.querySelectorAll('table')].find(table => table.textContent.includes('API requests'))!;
	expect([...history.querySelectorAll('tbody td')].slice(1, 7).map(td => td.textContent)).toEqual([
		'OK',
		'3',
		'2',
		'1',
		'1',
		'4',
	]);
	expect(page.text()).toContain('Salesforce refused this change: too long');
	// R46: the logged due date as the rep reads it (Thursday, March 5, 2026), not as stored.
	expect(page.text()).toContain('Mar 5');
	expect(page.text()).not.toContain('2026-03-05');
	expect(page.text()).toContain('Due date');
	await act(() => {
		page.button('Retry Too long').click();
	});
	// The page writes nothing itself: it asks the worker (errors-section.test.tsx runs that on the real worker).
	await vi.waitFor(() =>
		expect(page.messages).toContainEqual({channel: 'tickler', method: 'retryReminder', input: {id: broken.id}}),
	);
});

test('Disconnect asks for confirmation before asking the worker to forget the partition', async () => {
	await page.enable();
	await page.mount();
	await vi.waitFor(() => expect(page.text()).toContain('Disconnect…'));
	await act(() => {
		page.button('Disconnect…').click();
	});
	expect(page.messages.filter(message => (message as {method: string}).method === 'forgetPartition')).toEqual([]);
	// The confirmation first reads what Disconnect would delete (disconnect-stakes.ts).
	await vi.waitFor(() =>
		expect(page.root.querySelector('[aria-label="Confirm disconnect"]')?.textContent).toContain(
			'Your Tasks in Salesforce stay as they are',
		),
	);
	await act(() => {
		page.button('Disconnect and delete local data').click();
	});
	await vi.waitFor(() =>
		expect(page.messages).toContainEqual({
			channel: 'tickler',
			method: 'forgetPartition',
			input: {partition: PARTITION},
		}),
	);
});

test('R2: another org’s account on this computer is listed and can be disconnected on its own', async () => {
	await page.enable();
	const other = '00D000000000002AAA:005000000000002AAA';
	await db.partitions.put(
		page.partition({
			id: other,
			orgId: '00D000000000002AAA',
			userId: '005000000000002AAA',
			username: 'rep@sandbox.example',
			enabled: false,
		}),
	);
	await page.mount();
	await vi.waitFor(() => expect(page.text()).toContain('Another Salesforce account on this computer'));
	expect(page.text()).toContain('rep@sandbox.example');
	const buttons = [...page.root.querySelectorAll('button')].filter(element => element.textContent === 'Disconnect…');
	expect(buttons).toHaveLength(2);
	await act(() => {
		buttons[1]!.click();
	});
	// The confirmation first reads what Disconnect would delete (disconnect-stakes.ts).
	await vi.waitFor(() => expect(page.text()).toContain('Disconnect and delete local data'));
	await act(() => {
		page.button('Disconnect and delete local data').click();
	});
	await vi.waitFor(() =>
		expect(page.messages).toContainEqual({channel: 'tickler', method: 'forgetPartition', input: {partition: other}}),
	);
});
