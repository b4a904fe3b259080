/**
 * The randomized model-based test of the sync engine (issue 4 "Tests"). Random interleavings of local
 * edits, Salesforce edits (by the rep and by other users), deletions on both sides, clock advances across
 * the 24-hour and 15-day windows, injected faults, and the engine stopped at random points and restarted
 * from its store. After faults stop and sync settles, the oracle checks convergence, no duplicates, no lost
 * local change and no resurrection. Shared by model.int.test.ts (CI-sized) and model.soak.ts (≥2,000 runs).
 */
import fc from 'fast-check';
import {act, type Action, actionArb} from './model-actions.js';
import {closeOAuth} from './model-oauth.js';
import {check, settle, settleLookups, settleReassigned} from './model-oracle.js';
import {startScenario} from './model-start.js';

export type {Action} from './model-actions.js';

export async function runScenario(actions: Action[]): Promise<void> {
	const {h, model, identity, oldTaskId} = await startScenario();
	try {
		h.timeoutMs = 150;
		h.restart();
		for (const action of actions) await act(h, model, action, identity);
		await settle(h, model, identity);
		await settleReassigned(h, model, identity);
		await settleLookups(h, model, identity);
		if (process.env['MODEL_DEBUG'])
			console.log('settled', await h.db.reminders.toArray(), await h.db.syncHistory.toArray());
		await check(h, model, oldTaskId);
	} finally {
		closeOAuth(model.oauth);
		await h.close();
	}
}

export function modelProperty(maxActions: number) {
	return fc.asyncProperty(fc.array(actionArb, {minLength: 1, maxLength: maxActions, size: 'max'}), async actions =>
		runScenario(actions),
	);
}
