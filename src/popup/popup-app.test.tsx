// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import {render} from 'preact';
import {act} from 'preact/test-utils';
import {expect, test, vi} from 'vitest';
import {addReminder} from '@/shared/store/local-edits.js';
import type {Partition} from '@/shared/store/schema.js';
import {resetFakeBrowser} from '../../test/fakes/browser.js';
import {partitionFixture, TEST_PARTITION_ID} from '../../test/fakes/partition.js';
import {pageRootPerTest, startedCycles, workerDb as db} from '../../test/fakes/worker-for-pages.js';
import {App} from './popup-app.js';
import {localDays} from './dates.js';
import {PAINT_MARK} from './due-list.js';
import {typeInto} from '../../test/fakes/popup-form.js';

// The popup reads the default database with plain IndexedDB and sends its writes to the worker: here the
// worker's real API answers them over the fake runtime, writing to the same (fake) IndexedDB.

const PARTITION = TEST_PARTITION_ID;
let root: HTMLElement;

function partition(overrides: Partial<Partition> = {}): Partition {
	return partitionFixture({
		enabledAt: Date.now() - 60_000,
		status: {phase: 'idle', budget: 'normal', lastSyncAt: Date.now()},
		...overrides,
	});
}

async function enable(overrides: Partial<Partition> = {}) {
	await db.partitions.put(partition(overrides));
	await db.meta.put({key: 'activePartition', value: PARTITION});
}

async function mount() {
	await act(() => {
		render(<App />, root);
	});
}

const text = () => root.textContent;
const rowNames = () => [...root.querySelectorAll('.reminder .name')].map(name => name.textContent);
const byLabel = (label: string) => {
	const element = root.querySelector(`[aria-label="${CSS.escape(label)}"]`);
	if (!element) throw new Error(`No element labelled ${label}`);
	return element as HTMLElement;
};

pageRootPerTest(fresh => (root = fresh));

test('R22/R3: empty and off states are plain', async () => {
	await mount();
	await vi.waitFor(() => expect(text()).toContain('Nothing due today'));
	expect(text()).toContain('Sync is off — turn it on in Settings');
	expect(performance.getEntriesByName(PAINT_MARK).length).toBeGreaterThan(0);
});

test('R22: overdue first and marked, then today, then tomorrow; later ones are not shown', async () => {
	const {today, tomorrow} = localDays();
	await enable();
	await addReminder(db, {name: 'Later', dueDate: '2999-01-01'});
	await addReminder(db, {name: 'Tomorrow call', dueDate: tomorrow});
	await addReminder(db, {name: 'Today quote', dueDate: today, priority: 'high'});
	await addReminder(db, {name: 'Old follow-up', dueDate: '2000-01-01'});
	await mount();
	await vi.waitFor(() => expect(text()).toContain('Tomorrow call'));
	const names = [...root.querySelectorAll('.reminder .name')].map(element => element.textContent);
	expect(names).toEqual(['Old follow-up', 'Today quote', 'Tomorrow call']);
	expect(root.querySelector('.reminder.overdue')?.textContent).toContain('Overdue');
	expect(text()).not.toContain('Later');
	expect(text()).toContain('High priority');
	expect(text()).toContain('Waiting to sync');
	expect(byLabel('Complete Today quote').tagName).toBe('INPUT');
	expect(byLabel('Edit Today quote').tagName).toBe('BUTTON');
	expect(byLabel('Delete Today quote').tagName).toBe('BUTTON');
});

test('R13/R22: an open popup follows what a sync cycle writes, without being reopened', async () => {
	await enable();
	await mount();
	await vi.waitFor(() => expect(text()).toContain('Nothing due today'));
	// As the engine would: a Task pulled from Salesforce lands in the store while the popup is open.
	await addReminder(db, {name: 'Pulled from Salesforce', dueDate: localDays().today});
	await vi.waitFor(() => expect(text()).toContain('Pulled from Salesforce'));
	expect(text()).toContain('Waiting to sync');
	await db.reminders.where('partition').equals(PARTITION).modify({syncState: 'synced'});
	// A healthy row says nothing about its state (issue 20): the wait is gone.
	await vi.waitFor(() => expect(text()).not.toContain('Waiting to sync'));
	expect(root.querySelector('.reminder .sync-state')).toBeNull();
});

test('R22: a linked reminder links to its Lightning Task page in a new tab', async () => {
	await enable();
	const reminder = await addReminder(db, {name: 'Linked', dueDate: localDays().today});
	await db.reminders.update(reminder.id, {taskId: '00T000000000001AAA', syncState: 'synced'});
	await mount();
	await vi.waitFor(() => expect(text()).toContain('Linked'));
	const link = byLabel('Open Linked in Salesforce') as HTMLAnchorElement;
	expect(link.getAttribute('href')).toBe('https://acme.lightning.force.com/lightning/r/Task/00T000000000001AAA/view');
	expect(link.target).toBe('_blank');
	expect(link.rel).toContain('noopener');
});

test('R33: a reminder shows who and what it is about, each a link to the record; a hostile name stays text', async () => {
	await enable();
	const hostile = '<img src=x onerror=alert(1)>';
	const reminder = await addReminder(db, {
		name: 'About someone',
		dueDate: localDays().today,
		whoId: '003000000000001AAA',
		whatId: '006000000000001AAA',
	});
	await db.reminders.update(reminder.id, {
		who: {name: hostile, type: 'Contact'},
		what: {name: 'Acme Renewal', type: 'Opportunity'},
	});
	await mount();
	await vi.waitFor(() => expect(text()).toContain('Acme Renewal'));
	const who = root.querySelector<HTMLAnchorElement>('a.related--who');
	expect(who?.textContent).toBe(hostile);
	expect(who?.getAttribute('href')).toBe(
		'https://acme.lightning.force.com/lightning/r/Contact/003000000000001AAA/view',
	);
	expect(who?.target).toBe('_blank');
	expect(who?.rel).toContain('noopener');
	expect(root.querySelector<HTMLAnchorElement>('a.related--what')?.getAttribute('href')).toBe(
		'https://acme.lightning.force.com/lightning/r/Opportunity/006000000000001AAA/view',
	);
	expect(root.querySelector('img')).toBeNull();
});

test('R27: a Subject with HTML is shown as text', async () => {
	await addReminder(db, {name: '<img src=x onerror=alert(1)>', dueDate: localDays().today});
	await mount();
	await vi.waitFor(() => expect(text()).toContain('<img src=x onerror=alert(1)>'));
	expect(root.querySelector('img')).toBeNull();
});

test('R5: a reminder created while sync is off says it stays on this computer', async () => {
	await addReminder(db, {name: 'Private', dueDate: localDays().today});
	await mount();
	await vi.waitFor(() => expect(text()).toContain('On this computer only'));
});

test('R20: a paused session reads "Sign in to Salesforce to resume sync"', async () => {
	await enable({status: {phase: 'paused', pauseReason: 'session-expired', budget: 'normal'}});
	await mount();
	await vi.waitFor(() => expect(text()).toContain('Sign in to Salesforce to resume sync'));
});

test('R22: add a reminder (due today by default); bad input shows the store’s message inline', async () => {
	await enable();
	await mount();
	await vi.waitFor(() => expect(text()).toContain('Nothing due today'));
	await act(() => {
		[...root.querySelectorAll('button')].find(button => button.textContent === 'Add reminder')?.click();
	});
	const form = byLabel('Add a reminder') as HTMLFormElement;
	expect((form.querySelector('input[type=date]') as HTMLInputElement).value).toBe(localDays().today);
	await act(() => {
		form.requestSubmit();
	});
	await vi.waitFor(() => expect(root.querySelector('[role=alert]')?.textContent).toBe('The reminder needs a name.'));
	expect(form.querySelector('input')?.getAttribute('aria-invalid')).toBe('true');
	await act(() => {
		typeInto(form.querySelector('input')!, 'Send the quote');
	});
	await act(() => {
		form.requestSubmit();
	});
	await vi.waitFor(() => expect(root.querySelector('.reminder .name')?.textContent).toBe('Send the quote'));
	expect(root.querySelector('[aria-label="Add a reminder"]')).toBeNull();
});

test('R22: complete with one click; delete with undo', async () => {
	await enable();
	await addReminder(db, {name: 'Call Ana', dueDate: localDays().today});
	await addReminder(db, {name: 'Email Bo', dueDate: localDays().today});
	await mount();
	await vi.waitFor(() => expect(text()).toContain('Call Ana'));
	startedCycles.mockClear(); // opening the popup asked for its own sync (R13)
	await act(() => {
		byLabel('Complete Call Ana').click();
	});
	// The row goes; only the Undo offer still names it (R60).
	await vi.waitFor(() => expect(rowNames()).not.toContain('Call Ana'));
	expect(text()).toContain('Completed “Call Ana”.');
	expect((await db.reminders.toArray()).find(r => r.name === 'Call Ana')?.status).toBe('complete');
	// R13: the worker made the change and asked for the sync that pushes it.
	expect(startedCycles.mock.calls.map(([, trigger]) => trigger)).toEqual(['local-change']);
	await act(() => {
		byLabel('Delete Email Bo').click();
	});
	await vi.waitFor(() => expect(text()).toContain('Deleted “Email Bo”.'));
	await vi.waitFor(() => expect(root.querySelector('.reminder')).toBeNull());
	await act(() => {
		[...root.querySelectorAll('button')].find(button => button.textContent === 'Undo')?.click();
	});
	await vi.waitFor(() => expect(root.querySelector('.reminder .name')?.textContent).toBe('Email Bo'));
});

test('R22: when the worker cannot be reached, a completed tick is taken back and the row says why', async () => {
	await enable();
	await addReminder(db, {name: 'Call Ana', dueDate: localDays().today});
	await mount();
	await vi.waitFor(() => expect(text()).toContain('Call Ana'));
	await resetFakeBrowser(); // nothing listens: every message fails as if the worker were gone
	await act(() => {
		byLabel('Complete Call Ana').click();
	});
	expect((byLabel('Complete Call Ana') as HTMLInputElement).checked).toBe(true);
	await vi.waitFor(
		() => expect(text()).toContain('Tickler’s background service did not answer. Try again in a moment.'),
		{
			timeout: 3000,
		},
	);
	expect((byLabel('Complete Call Ana') as HTMLInputElement).checked).toBe(false);
	expect((await db.reminders.toArray())[0]?.status).toBe('open');
});

test('R22: edit a reminder inline', async () => {
	await enable();
	await addReminder(db, {name: 'Old name', dueDate: localDays().today});
	await mount();
	await vi.waitFor(() => expect(text()).toContain('Old name'));
	await act(() => {
		byLabel('Edit Old name').click();
	});
	const form = byLabel('Edit Old name') as HTMLFormElement;
	await act(() => {
		typeInto(form.querySelector('input')!, 'New name');
	});
	await act(() => {
		form.requestSubmit();
	});
	await vi.waitFor(() => expect(root.querySelector('.reminder .name')?.textContent).toBe('New name'));
});

test('R19/R58: a reminder in error shows Salesforce’s message and the hint; an overruled edit says which field', async () => {
	await enable({apiUsage: {used: 90, limit: 100, at: Date.now()}});
	const broken = await addReminder(db, {name: 'Too long', dueDate: localDays().today});
	await db.reminders.update(broken.id, {
		syncState: 'error',
		error: {
			code: 'STRING_TOO_LONG',
			message: 'Salesforce refused this change: Subject too long',
			hint: 'Shorten the name, then retry.',
		},
	});
	const merged = await addReminder(db, {name: 'Merged', dueDate: localDays().today});
	await db.reminders.update(merged.id, {
		syncState: 'conflict',
		overruled: {at: 1, mine: {details: 'ask about budget'}, theirs: {details: 'new description'}},
	});
	await mount();
	await vi.waitFor(() => expect(text()).toContain('Salesforce refused this change: Subject too long'));
	expect(text()).toContain('Shorten the name, then retry.');
	expect(text()).toContain('Salesforce’s later edit replaced yours: Details.');
	expect(text()).toContain('Yours: “ask about budget”');
	expect(text()).not.toContain('Synced');
	// R21: high API usage is said in the status line.
	expect(text()).toContain('Org API usage 90% — syncing less often');
});

test('R11/R22: a due date Salesforce cannot take is said beside the due date field, which is marked and focused', async () => {
	await enable();
	await mount();
	await vi.waitFor(() => expect(text()).toContain('Nothing due today'));
	await act(() => {
		[...root.querySelectorAll('button')].find(button => button.textContent === 'Add reminder')?.click();
	});
	const form = byLabel('Add a reminder') as HTMLFormElement;
	const due = form.querySelector('input[type=date]') as HTMLInputElement;
	await act(() => {
		typeInto(form.querySelector('input')!, 'Far future');
		typeInto(due, '9999-12-31');
	});
	await act(() => {
		form.requestSubmit();
	});
	await vi.waitFor(() =>
		expect(root.querySelector('[role=alert]')?.textContent).toBe('Salesforce accepts due dates from 1700 to 4000.'),
	);
	const message = root.querySelector('[role=alert]')!;
	expect(due.getAttribute('aria-invalid')).toBe('true');
	expect(due.getAttribute('aria-describedby')).toBe(message.id);
	// Right after the due date's row, not at the bottom of the form.
	expect(message.previousElementSibling?.contains(due)).toBe(true);
	await vi.waitFor(() => expect(document.activeElement).toBe(due));
});
