/**
 * The randomized model-based test of the sync engine (issue 4 "Tests"). Random interleavings of local
 * edits, Salesforce edits (by the rep and by other users), deletions on both sides, clock advances across
 * the 24-hour and 15-day windows, injected faults, and the engine stopped at random points and restarted
 * from its store. After faults stop and sync settles, the oracle checks convergence, no duplicates, no lost
 * local change and no resurrection. Shared by model.int.test.ts (CI-sized) and model.soak.ts (≥2,000 runs).
 */
import fc from 'fast-check';
import {addReminder} from '@/shared/store/local-edits.js';
import {startHarness} from './harness.js';
import {act, type Action, actionArb, Model, SECOND} from './model-actions.js';
import {check, settle, settleReassigned} from './model-oracle.js';

export type {Action} from './model-actions.js';

export async function runScenario(actions: Action[]): Promise<void> {
	// Generous timeouts for the setup; the actions use 150 ms so that the timeout fault stays cheap.
	const h = await startHarness({timeoutMs: 10_000});
	try {
		const model = new Model();
		// R33: two Contacts the actions point Tasks and reminders at ('c1', 'c2').
		model.contacts = {
			c1: h.org.insertRecord('Contact', {FirstName: 'Ana', LastName: 'One'}),
			c2: h.org.insertRecord('Contact', {FirstName: 'Ben', LastName: 'Two'}),
		};
		const old = h.org.createTask(h.repId, {Subject: 'too old to import'});
		h.org.clock.advance(25 * 3_600_000);
		h.signIn();
		await addReminder(h.db, {name: 'pre 1'}, {now: h.clock.now()});
		const recent = h.org.createTask(h.repId, {Subject: 'recent', ActivityDate: '2026-03-06'});
		for (const [field, value] of [
			['name', 'recent'],
			['status', 'open'],
			['priority', 'normal'],
			['dueDate', '2026-03-06'],
			['details', ''],
		] as const) {
			model.write(`t:${recent.Id}`, field, 'sf', value, h.org.clock.nowMs());
		}

		h.org.clock.advance(2 * SECOND);
		await h.enable();
		const firstSync = await h.sync();
		if (process.env['MODEL_DEBUG']) console.log('first', firstSync, await h.db.reminders.toArray());
		await h.disable();
		await addReminder(h.db, {name: 'pre 2'}, {now: h.clock.now()});
		await h.enable();
		const identity = await h.sf?.identity();
		if (!identity) throw new Error('no identity');
		h.timeoutMs = 150;
		h.restart();
		for (const action of actions) await act(h, model, action, identity);
		await settle(h, model, identity);
		await settleReassigned(h, model, identity);
		if (process.env['MODEL_DEBUG'])
			console.log('settled', await h.db.reminders.toArray(), await h.db.syncHistory.toArray());
		await check(h, model, old.Id);
	} finally {
		await h.close();
	}
}

export function modelProperty(maxActions: number) {
	return fc.asyncProperty(fc.array(actionArb, {minLength: 1, maxLength: maxActions, size: 'max'}), async actions =>
		runScenario(actions),
	);
}
