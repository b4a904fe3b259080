import {afterEach, beforeEach, expect, test} from 'vitest';
import {addReminder} from '@/shared/store/local-edits.js';
import {startHarness, type Harness} from './harness.js';

let h: Harness;
beforeEach(async () => {
	h = await startHarness();
});
afterEach(async () => {
	await h.close();
});

test('smoke: first sync imports, a local create is pushed', async () => {
	h.org.createTask(h.repId, {Subject: 'Call Ana', ActivityDate: '2026-03-05'});
	await h.enable();
	const first = await h.sync();
	expect(first.errors).toEqual([]);
	expect(first.outcome).toBe('ok');
	const reminders = await h.reminders();
	expect(reminders.map(r => r.name)).toEqual(['Call Ana']);
	await addReminder(h.db, {name: 'Send quote', dueDate: '2026-03-06'}, {now: h.clock.now()});
	const second = await h.sync();
	expect(second.errors).toEqual([]);
	expect(second.pushed).toBe(1);
	expect(
		h
			.repTasks()
			.map(t => t.Subject)
			.sort(),
	).toEqual(['Call Ana', 'Send quote']);
	const idle = await h.sync();
	expect(idle.apiRequests).toBe(1);
	expect(first.apiRequests).toBe(2); // identity was fetched by enable; picklists + one query
});

test('a slow answer is not a timeout: with the harness defaults, only a held response makes a cycle fail', async () => {
	// A loaded 2-core CI runner once took over 400 ms (the old default client timeout) to answer the second
	// 2,000-row page of the R21 budget test, and the cycle failed with NETWORK_ERROR after one page. The
	// org's latency fault makes every answer that slow here, deterministically.
	h.org.createTask(h.repId, {Subject: 'Call Ana'});
	await h.enable();
	h.org.faults.set({latencyMs: 600});
	const slow = await h.sync();
	expect(slow.errors).toEqual([]);
	expect(slow.outcome).toBe('ok');
	expect(slow.pulled).toBe(1);
});
