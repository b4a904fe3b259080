// @vitest-environment happy-dom
import {afterEach, beforeEach, expect, test, vi} from 'vitest';
import type {TaskBadge} from '@/shared/types.js';
import {createBadgeController} from './badge-controller.js';
import {HOST_TAG} from './badge-mount.js';
import type {TaskPage} from '@/shared/task-page-url.js';
import {captureShadowRoots} from '../../../test/fakes/closed-roots.js';
import {repClick} from '../../../test/fakes/rep-input.js';

const A: TaskPage = {kind: 'lightning', host: 'acme.lightning.force.com', taskId: '00T5g00000AAAAAAAA'};
const B: TaskPage = {kind: 'lightning', host: 'acme.lightning.force.com', taskId: '00T5g00000BBBBBBBB'};
const badgeFor = (page: TaskPage): TaskBadge => ({state: 'pending', reminderName: `Reminder ${page.taskId}`});

let valid: boolean;
let orphaned: number;
let calls: TaskPage[];

beforeEach(() => {
	vi.useFakeTimers();
	valid = true;
	orphaned = 0;
	calls = [];
});

afterEach(() => {
	vi.useRealTimers();
	document.body.innerHTML = '';
});

function controller(getBadge: (page: TaskPage) => Promise<TaskBadge> = async page => badgeFor(page)) {
	return createBadgeController({
		getBadge: async page => {
			calls.push(page);
			return getBadge(page);
		},
		isContextValid: () => valid,
		isContextInvalidatedError: error => String(error).includes('Extension context invalidated'),
		onOrphaned: () => orphaned++,
		refreshMs: 15_000,
		tickMs: 1000,
	});
}

const rootOf = captureShadowRoots();
const title = (): string | null | undefined =>
	rootOf(document.querySelector(HOST_TAG))?.querySelector('.title')?.textContent;

test('shows the badge for a Task, follows an in-place move to another Task, removes it off Task pages', async () => {
	const c = controller();
	c.show(A);
	await vi.advanceTimersByTimeAsync(0);
	expect(title()).toBe(`Reminder ${A.taskId}`);
	c.show(B);
	// A's badge goes at once; B is asked once the address has been still for the debounce (R38).
	expect(document.querySelector(HOST_TAG)).toBeNull();
	await vi.advanceTimersByTimeAsync(1000);
	expect(title()).toBe(`Reminder ${B.taskId}`);
	expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
	c.show(undefined);
	expect(document.querySelector(HOST_TAG)).toBeNull();
});

test('a slow reply for a Task the rep already left is dropped', async () => {
	const c = controller(async page => {
		if (page === A) await new Promise(resolve => setTimeout(resolve, 500));
		return badgeFor(page);
	});
	c.show(A);
	c.show(B);
	await vi.advanceTimersByTimeAsync(1000);
	expect(title()).toBe(`Reminder ${B.taskId}`);
});

test('refreshes while open, so a sync that finishes shows up', async () => {
	let state: TaskBadge = {state: 'pending', reminderName: 'R'};
	const c = controller(async () => state);
	c.show(A);
	await vi.advanceTimersByTimeAsync(0);
	state = {state: 'synced', reminderName: 'R', lastSyncedAt: new Date().toISOString()};
	await vi.advanceTimersByTimeAsync(16_000);
	expect(rootOf(document.querySelector(HOST_TAG))?.querySelector('[data-state]')?.getAttribute('data-state')).toBe(
		'synced',
	);
	c.destroy();
});

test('R21: a hidden tab does not re-ask the worker; it asks again once visible', async () => {
	const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
	const c = controller();
	// Only this controller's asks count (an earlier test's controller still listens to the document).
	const asksForA = (): number => calls.filter(page => page === A).length;
	c.show(A);
	await vi.advanceTimersByTimeAsync(0);
	expect(asksForA()).toBe(1);
	await vi.advanceTimersByTimeAsync(60_000);
	expect(asksForA()).toBe(1);
	visibility.mockReturnValue('visible');
	document.dispatchEvent(new Event('visibilitychange'));
	await vi.advanceTimersByTimeAsync(0);
	expect(asksForA()).toBe(2);
	visibility.mockRestore();
	c.destroy();
});

test('gone quietly once the extension is reloaded (orphaned), with no further calls', async () => {
	const errors = vi.spyOn(console, 'error');
	const c = controller();
	c.show(A);
	await vi.advanceTimersByTimeAsync(0);
	valid = false;
	await vi.advanceTimersByTimeAsync(1000);
	expect(document.querySelector(HOST_TAG)).toBeNull();
	expect(orphaned).toBe(1);
	const before = calls.length;
	c.show(B);
	await vi.advanceTimersByTimeAsync(20_000);
	expect(calls).toHaveLength(before);
	expect(errors).not.toHaveBeenCalled();
});

test('"Extension context invalidated" from messaging tears down too', async () => {
	const c = controller(async () => {
		throw new Error('Extension context invalidated.');
	});
	c.show(A);
	await vi.advanceTimersByTimeAsync(0);
	expect(orphaned).toBe(1);
	expect(document.querySelector(HOST_TAG)).toBeNull();
});

test('any other worker failure shows nothing and stays quiet', async () => {
	const c = controller(async () => {
		throw new Error('Unknown message');
	});
	c.show(A);
	await vi.advanceTimersByTimeAsync(0);
	expect(document.querySelector(HOST_TAG)).toBeNull();
	expect(orphaned).toBe(0);
});

test('R38: an address moving through 300 Tasks a thousand times asks the worker about once per quiet spell', async () => {
	const c = controller();
	const pages = Array.from({length: 300}, (_, index): TaskPage => ({
		kind: 'lightning',
		host: 'acme.lightning.force.com',
		taskId: `00T5g0000${String(index).padStart(6, '0')}AAA`,
	}));
	// A page script: a new address every 10 ms, 1,000 times (10 s in all).
	for (let change = 0; change < 1000; change++) {
		c.show(pages[(change * 7) % pages.length]);
		await vi.advanceTimersByTimeAsync(10);
	}

	// Only the first address asked at once; the rest waited for a quiet spell that never came.
	expect(calls).toHaveLength(1);
	await vi.advanceTimersByTimeAsync(1000);
	// Still, the badge ends on the Task the address stopped on.
	expect(calls).toHaveLength(2);
	expect(calls.at(-1)).toBe(pages[(999 * 7) % pages.length]);
	expect(title()).toBe(`Reminder ${calls.at(-1)?.taskId ?? ''}`);
});

test('R5: "Add to Tickler" adds the Task on screen, then asks its badge again at once', async () => {
	let linked = false;
	const added: TaskPage[] = [];
	const c = createBadgeController({
		getBadge: async page => {
			calls.push(page);
			return linked
				? {state: 'synced', reminderName: 'Call Dan', lastSyncedAt: new Date().toISOString()}
				: {state: 'not-linked', reason: 'created-before-sync', message: 'Older'};
		},
		addTask: async page => {
			added.push(page);
			linked = true;
		},
		isContextValid: () => valid,
		isContextInvalidatedError: () => false,
		onOrphaned: () => orphaned++,
		refreshMs: 15_000,
		tickMs: 1000,
	});
	c.show(A);
	await vi.advanceTimersByTimeAsync(0);
	const root = rootOf(document.querySelector(HOST_TAG))!;
	const add = [...root.querySelectorAll('button')].find(button => button.textContent === 'Add to Tickler')!;
	const asked = calls.length;
	repClick(add);
	await vi.advanceTimersByTimeAsync(0);
	expect(added).toEqual([A]);
	// Asked again at once, not at the 15-second refresh: the badge shows the linked reminder.
	expect(calls.length).toBe(asked + 1);
	expect(title()).toBe('Call Dan');
	expect(root.querySelector('[data-state]')?.getAttribute('data-state')).toBe('synced');
	c.destroy();
});
