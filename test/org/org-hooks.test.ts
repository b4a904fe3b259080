import {expect, test} from 'vitest';
import {Org} from './org.js';

// The org's public hooks for the bench (bench/lib/fleet-org.ts): more users, and a sweep it may skip.

const DAY = 86_400_000;

test('addUser makes a user the org finds, signs in and lets own Tasks, like rep', () => {
	const org = new Org({now: new Date('2026-03-05T09:00:00Z'), frozenClock: true});
	const added = org.addUser('Fleet', 'Rep 0', 'fleet0', 'Europe/Rome', 'it_IT');
	expect(added.username).toBe('fleet0@tickler-demo.example');
	expect(org.user(added.id)).toBe(added);
	expect(org.userByUsername('FLEET0@tickler-demo.example')).toBe(added);
	expect(org.allUsers().map(user => user.id)).toEqual([
		org.users.rep.id,
		org.users.rep2.id,
		org.users.admin.id,
		added.id,
	]);
	expect(org.sessions.create(added.id, 'api')).toMatch(/^00D/);
	expect(org.createTask(added.id, {Subject: 'Call Ann'}).OwnerId).toBe(added.id);
});

test('markMaintained lets the next maintain() within an org-minute skip the sweep; a later one purges', () => {
	const org = new Org({now: new Date('2026-03-05T09:00:00Z'), frozenClock: true});
	const task = org.createTask(org.users.rep.id, {Subject: 'Deleted long ago'});
	org.deleteTask(org.users.rep.id, task.Id);
	org.clock.advance(16 * DAY);
	org.markMaintained();
	org.maintain();
	expect(org.tasks.recycleBin.has(task.Id)).toBe(true);
	org.clock.advance(60_000);
	org.maintain();
	expect(org.tasks.recycleBin.has(task.Id)).toBe(false);
});
