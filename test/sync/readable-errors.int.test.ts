/**
 * Issue 11 "Errors a rep can read" (R19, R20): web pages and redirects that answer an API request reach the
 * rep as one plain sentence with the right consequence. Real engine, jsforce, Dexie, the local org.
 */
import {afterEach, beforeEach, expect, test} from 'vitest';
import {statusView} from '@/popup/status-text.js';
import {addReminder} from '@/shared/store/local-edits.js';
import {startHarness, type Harness} from './harness.js';
import {SYNC_STATUS_COPY} from '@/shared/copy.js';

let h: Harness;
beforeEach(async () => {
	h = await startHarness();
	await h.enable();
	await h.sync();
});
afterEach(async () => {
	await h.close();
});

async function status() {
	return (await h.db.partitions.get(h.partition))?.status;
}

async function popupText(): Promise<string> {
	return statusView({
		partition: await h.db.partitions.get(h.partition),
		pending: 0,
		errors: 0,
		formatTime: () => 'now',
	}).text;
}

test('R19: a maintenance page (long HTML 503) is "retrying shortly" with a backoff, never the page itself', async () => {
	h.org.faults.set({failNth: {n: 1, kind: 'maintenance'}});
	const result = await h.sync();
	expect(result.outcome).toBe('failed');
	expect(result.errors).toEqual([{code: 'ERROR_HTTP_503', message: 'transient'}]);
	expect((await status())?.message).toBe(SYNC_STATUS_COPY.retrying);
	expect((await status())?.backoff?.until).toBeGreaterThan(h.clock.now());
	expect((await h.sync()).outcome).toBe('ok');
});

test('R19: a "page not found" (HTML 404) says to check the org address, in one short sentence, not "did not answer"', async () => {
	h.org.faults.set({failNth: {n: 1, kind: 'html404'}});
	expect((await h.sync()).outcome).toBe('failed');
	const message = (await status())?.message ?? '';
	expect(message).toMatch(/not found.*address/);
	expect(message).not.toBe(SYNC_STATUS_COPY.retrying);
	expect(message.length).toBeLessThan(200);
	expect(message).not.toMatch(/</);
	expect(await popupText()).toMatch(/Last sync/);
});

test('R20: an org moved to a new My Domain pauses sync and asks the rep to sign in at the new address; nothing is lost', async () => {
	const r = await addReminder(h.db, {name: 'kept while moved'}, {now: h.clock.now()});
	h.org.faults.set({failNth: {n: 1, kind: 'moved'}});
	h.org.resetRequestLog();
	expect((await h.sync()).outcome).toBe('paused');
	expect(await status()).toMatchObject({phase: 'paused', pauseReason: 'org-moved', message: SYNC_STATUS_COPY.orgMoved});
	expect(await popupText()).toBe(SYNC_STATUS_COPY.orgMoved);
	expect(h.org.requests).toHaveLength(1); // the redirect was not followed, nothing was retried
	expect((await h.db.outbox.get(r.id))?.create).toBe(true);
	// Signed in again where the org now answers: sync resumes by itself and the reminder goes.
	h.signIn();
	expect((await h.sync()).outcome).toBe('ok');
	expect((await h.reminderNamed('kept while moved')).taskId).toBeDefined();
});

test('R20: a redirect to the sign-in page is an expired session: "Sign in to Salesforce to resume sync"', async () => {
	h.org.faults.set({failNth: {n: 1, kind: 'loginRedirect'}});
	expect((await h.sync()).outcome).toBe('paused');
	expect(await status()).toMatchObject({
		phase: 'paused',
		pauseReason: 'session-expired',
		message: SYNC_STATUS_COPY.signIn,
	});
});
