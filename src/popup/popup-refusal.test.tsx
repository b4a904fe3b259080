// @vitest-environment happy-dom
/**
 * R19 on the row (issue 20): a reminder Salesforce refused says what happened and what to do in Tickler as two
 * sentences, with Retry (made by the worker) and "Open in Salesforce" right there, not only in Settings.
 */
import 'fake-indexeddb/auto';
import {render} from 'preact';
import {act} from 'preact/test-utils';
import {expect, test, vi} from 'vitest';
import {RECORD_ERROR_HINTS, recordErrorMessage} from '@/shared/copy.js';
import {taskUrl} from '@/shared/salesforce-hosts.js';
import {addReminder} from '@/shared/store/local-edits.js';
import {partitionFixture, TEST_PARTITION_ID} from '../../test/fakes/partition.js';
import {pageRootPerTest, startedCycles, workerDb as db} from '../../test/fakes/worker-for-pages.js';
import {App} from './popup-app.js';
import {localDays} from './dates.js';

let root: HTMLElement;
pageRootPerTest(fresh => (root = fresh));

test('R19: the refused row has two sentences, Retry that sends again, and Open in Salesforce to the Task', async () => {
	const partition = partitionFixture({enabled: true, enabledAt: Date.now() - 60_000});
	await db.partitions.put(partition);
	await db.meta.put({key: 'activePartition', value: TEST_PARTITION_ID});
	const dan = await addReminder(db, {name: 'Check in with Dan', dueDate: localDays().today});
	// As the push writes it (errors.ts describeRecordError).
	const error = {
		code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
		message: recordErrorMessage('Related To is required for tasks in this org'),
		hint: RECORD_ERROR_HINTS.FIELD_CUSTOM_VALIDATION_EXCEPTION,
	};
	await db.reminders.update(dan.id, {taskId: '00T000000000001AAA', localOnly: false, syncState: 'error', error});
	await db.outbox.update(dan.id, {parked: 1, create: false, fields: ['details']});
	await act(() => {
		render(<App />, root);
	});
	const group = () => root.querySelector('.refusal');
	await vi.waitFor(() => expect(group()).not.toBeNull());
	expect(group()?.querySelector('.refusal-what')?.textContent).toBe(
		'Salesforce refused this change: Related To is required for tasks in this org.',
	);
	expect(group()?.querySelector('.refusal-todo')?.textContent).toMatch(/^Open the Task in Salesforce/);
	const link = [...group()!.querySelectorAll('a')].find(a => a.textContent === 'Open in Salesforce');
	expect(link?.getAttribute('href')).toBe(taskUrl(partition.instanceHost, '00T000000000001AAA'));
	expect(link?.getAttribute('href')).toContain('00T000000000001AAA');
	await act(() => {
		[...group()!.querySelectorAll('button')].find(b => b.textContent === 'Retry')!.click();
	});
	await vi.waitFor(async () => expect((await db.reminders.get(dan.id))?.syncState).toBe('pending'));
	expect((await db.outbox.get(dan.id))?.parked).toBe(0);
	await vi.waitFor(() => expect(startedCycles).toHaveBeenCalled());
	await vi.waitFor(() => expect(group()).toBeNull());
});
