/**
 * R34/R31: "Remind me" through the worker's API with a reminder time arms the reminder alarm for it, as the
 * popup's add does (runner/after-local-change.ts). R52: a tab's saves are charged to its allowance, and their
 * push is debounced (runner/push-debounce.ts). Sync is on here (a "Remind me" needs it), so the cycle it asks
 * for is replaced by a spy, on fake timers.
 */
import {afterEach, beforeEach, describe, expect, test, vi} from 'vitest';
import browser from 'webextension-polyfill';
import {resetFakeBrowser, setOptionalPermission} from '../../../test/fakes/browser.js';
import {partitionFixture, TEST_PARTITION_ID} from '../../../test/fakes/partition.js';

import {openTestWorkerDbs} from '../../../test/fakes/test-db.js';
import type {Caller, TabCaller} from '../messaging/caller.js';
import {REMIND_REFUSAL_COPY} from '@/shared/copy.js';
import {
	REMIND_WINDOW_MS,
	REMINDS_PER_TAB_HOUR,
	TAB_SPENDS_PER_WINDOW,
	TAB_WINDOW_MS,
} from '../task-page/badge-allowance.js';

const startCycle = vi.fn();
vi.mock('../runner/cycle-runner.js', async importOriginal => ({
	...(await importOriginal<typeof import('../runner/cycle-runner.js')>()),
	startCycle,
}));
const {createBackgroundApi} = await import('../background-api.js');
const {handleMessage} = await import('../messaging/router.js');
const {PUSH_DEBOUNCE_MS} = await import('../runner/push-debounce.js');
const {SYNC_ALARM} = await import('../runner/sync-alarm.js');
const {patchWorkerState, readWorkerState} = await import('../runner/worker-state.js');
const SELF = {
	id: 'fakeextensionidaaaaaaaaaaaaaaaa',
	pagesBaseUrl: 'chrome-extension://fakeextensionidaaaaaaaaaaaaaaaa/',
};
const dbs = openTestWorkerDbs('api-remind-me');
const {db} = dbs;
const backgroundApi = createBackgroundApi(dbs);
/** The content script on the Contact's page, as the router describes it. */
const TAB: TabCaller = {
	kind: 'tab',
	tabId: 7,
	url: 'https://acme.lightning.force.com/lightning/r/Contact/003000000000001AAA/view',
	frameId: 0,
};

beforeEach(async () => {
	await resetFakeBrowser();
	await Promise.all(db.tables.map(table => table.clear()));
	await db.partitions.put(partitionFixture());
	await db.meta.put({key: 'activePartition', value: TEST_PARTITION_ID});
	startCycle.mockClear();
	vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'Date']});
});
afterEach(() => {
	vi.useRealTimers();
});

/** Lets the timer's storage and IndexedDB reads finish (fake-indexeddb answers on real macrotasks). */
async function settle(): Promise<void> {
	for (let i = 0; i < 20; i++) await new Promise(resolve => setImmediate(resolve));
}

/** The debounce's wait, and what the timer it set does then. */
async function afterDebounce(): Promise<void> {
	await vi.advanceTimersByTimeAsync(PUSH_DEBOUNCE_MS);
	await settle();
}

const request = {
	host: 'acme.lightning.force.com',
	recordId: '003000000000001AAA',
	name: 'Follow up: Ana',
	dueDate: '2026-03-06',
	recordName: 'Ana',
};

test('R34/R31: "Remind me" with a reminder time arms the reminder alarm for it and asks for a push', async () => {
	const at = new Date(Math.ceil((Date.now() + 3_600_000) / 60_000) * 60_000);
	const id = crypto.randomUUID();
	expect(await backgroundApi.remindAboutRecord({...request, id, reminderAt: at.toISOString()}, TAB)).toEqual({id});
	expect((await db.reminders.get(id))?.reminderAt).toBe(at.toISOString());
	expect((await browser.alarms.get('reminder-due'))?.scheduledTime).toBe(at.getTime());
	// R52: the push comes a few seconds later (one cycle for a run of saves), the sync alarm set meanwhile.
	expect(startCycle).not.toHaveBeenCalled();
	expect(await browser.alarms.get(SYNC_ALARM)).toBeDefined();
	await afterDebounce();
	expect(startCycle).toHaveBeenCalledTimes(1);
});

test('R34/R31: without a time no alarm is set', async () => {
	const id = crypto.randomUUID();
	await backgroundApi.remindAboutRecord({...request, id, reminderAt: null}, TAB);
	expect(await browser.alarms.get('reminder-due')).toBeUndefined();
	await afterDebounce();
	expect(startCycle).toHaveBeenCalledTimes(1);
});

describe('R52: a tab’s "Remind me" is charged to its bounded allowance, and its pushes are debounced', () => {
	const remind = async (caller: Caller = TAB, id: string = crypto.randomUUID()) =>
		backgroundApi.remindAboutRecord({...request, id, reminderAt: null}, caller);

	test('R52/R38: a few a minute from one tab; beyond them a refusal the form shows, and nothing is made', async () => {
		vi.setSystemTime(Date.parse('2026-03-05T12:00:00Z'));
		for (let i = 0; i < TAB_SPENDS_PER_WINDOW; i++) await remind();
		const refused = crypto.randomUUID();
		await expect(remind(TAB, refused)).rejects.toThrow(REMIND_REFUSAL_COPY.tooFast);
		expect(await db.reminders.get(refused)).toBeUndefined();
		expect(await db.reminders.count()).toBe(TAB_SPENDS_PER_WINDOW);
		// The router hands the refusal to the content script by name and words (the form shows `message`).
		const reply = await handleMessage(
			backgroundApi,
			{channel: 'tickler', method: 'remindAboutRecord', input: {...request, id: crypto.randomUUID()}},
			{id: SELF.id, url: TAB.url, frameId: 0, tab: {id: TAB.tabId, url: TAB.url}},
			SELF,
		);
		expect(reply).toEqual({ok: false, error: {name: 'RemindRefusedError', message: REMIND_REFUSAL_COPY.tooFast}});
		// The extension's own pages are not driven by a page: never charged.
		await remind({kind: 'own-page'});
		// A minute later the tab has room again.
		vi.setSystemTime(Date.now() + TAB_WINDOW_MS);
		await remind();
		expect(await db.reminders.count()).toBe(TAB_SPENDS_PER_WINDOW + 2);
	});

	test('R52/R13: several saves within seconds make one cycle, a few seconds after the first; a later save its own', async () => {
		await remind();
		await vi.advanceTimersByTimeAsync(1_000);
		await remind({...TAB, tabId: 8});
		await vi.advanceTimersByTimeAsync(1_000);
		await remind({kind: 'own-page'});
		expect(startCycle).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(PUSH_DEBOUNCE_MS - 2_000);
		await settle();
		expect(startCycle.mock.calls).toEqual([[dbs, 'local-change']]);
		// Nothing more comes of those three saves.
		await afterDebounce();
		expect(startCycle).toHaveBeenCalledTimes(1);
		// A save after the push was asked for gets a push of its own.
		await remind();
		await afterDebounce();
		expect(startCycle).toHaveBeenCalledTimes(2);
	});

	test('R52: a push time left by a stopped worker is in the past and replaced, so the next save is pushed', async () => {
		await patchWorkerState({pushDueAt: Date.now() - 1});
		await remind();
		await afterDebounce();
		expect(startCycle).toHaveBeenCalledTimes(1);
		expect((await readWorkerState()).pushDueAt).toBeUndefined();
	});

	test('R52: at most REMINDS_PER_TAB_HOUR an hour from one tab, however slowly; another tab is not held back', async () => {
		const start = Date.parse('2026-03-05T12:00:00Z');
		vi.setSystemTime(start);
		for (let i = 0; i < REMINDS_PER_TAB_HOUR; i++) {
			await remind();
			vi.setSystemTime(Date.now() + TAB_WINDOW_MS / TAB_SPENDS_PER_WINDOW + 1);
		}

		await expect(remind()).rejects.toThrow(REMIND_REFUSAL_COPY.hourlyCap);
		await remind({...TAB, tabId: 8});
		// The same reminder sent again (its answer lost, R18) is not charged twice and still answers.
		const resent = (await db.reminders.toArray()).find(reminder => reminder.partition === TEST_PARTITION_ID);
		expect(await remind(TAB, resent?.id)).toEqual({id: resent?.id});
		// An hour after the first, the first has aged out.
		vi.setSystemTime(start + REMIND_WINDOW_MS + 1);
		await remind();
		expect(await db.reminders.count()).toBe(REMINDS_PER_TAB_HOUR + 2);
	});
});

test('R32 (issue 20): "Remind me" learns who will alert — the setting in effect — only for the record in its tab', async () => {
	const ask = async (recordId: string) =>
		handleMessage(
			backgroundApi,
			{channel: 'tickler', method: 'remindMeAlerts', input: {host: 'acme.lightning.force.com', recordId}},
			{id: SELF.id, url: TAB.url, frameId: 0, tab: {id: TAB.tabId, url: TAB.url}},
			SELF,
		);
	// 'tickler' (the default) without the notifications permission: Salesforce's reminder alerts instead.
	setOptionalPermission('notifications', false);
	expect(await ask('003000000000001AAA')).toEqual({ok: true, value: {whoAlerts: 'salesforce'}});
	setOptionalPermission('notifications', true);
	expect(await ask('003000000000001AAA')).toEqual({ok: true, value: {whoAlerts: 'tickler'}});
	await db.partitions.update(TEST_PARTITION_ID, {whoAlerts: 'both'});
	expect(await ask('003000000000001AAA')).toEqual({ok: true, value: {whoAlerts: 'both'}});
	// Another record than the tab's address names: refused before any handler runs.
	expect(await ask('003000000000002AAA')).toMatchObject({ok: false, error: {name: 'InvalidMessageError'}});
});
