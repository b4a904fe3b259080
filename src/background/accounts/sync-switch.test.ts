import 'fake-indexeddb/auto';
import {afterEach, beforeEach, expect, test, vi} from 'vitest';
import {SalesforceApiError} from '@/background/salesforce/errors.js';
import {SYNC_STATUS_COPY} from '@/shared/copy.js';
import {readPopupView} from '@/shared/store/popup-view.js';
import {statusView} from '@/popup/status-text.js';
import {resetFakeBrowser} from '../../../test/fakes/browser.js';
import {createFakeSalesforce} from '../../../test/fakes/salesforce-port.js';
import {openTestWorkerDbs} from '../../../test/fakes/test-db.js';
import {createFakeLocks} from '../../../test/fakes/web-locks.js';
import {ApiAccessRefusedError, disablePartition, enableWithPort} from './sync-switch.js';

const dbs = openTestWorkerDbs('sync-switch');
const {db} = dbs;
const DAYS = {today: '2026-03-05', tomorrow: '2026-03-06'};

/** What the popup's status line says now, read as the popup reads the store (popup-view.ts, status-text.ts). */
async function popupStatus() {
	const view = await readPopupView(db.backendDB(), DAYS);
	return statusView({
		partition: view.partition,
		pending: view.pending,
		errors: view.errors,
		enableRefused: view.enableRefused,
		formatTime: () => '10:42',
	});
}

beforeEach(async () => {
	vi.stubGlobal('navigator', {locks: createFakeLocks()});
	await resetFakeBrowser();
	await Promise.all(db.tables.map(table => table.clear()));
});

afterEach(async () => {
	// The enable below starts a cycle in the background; turning sync off stops it (R7).
	for (const partition of await db.partitions.toArray()) await disablePartition(dbs, partition.id);
	vi.unstubAllGlobals();
});

test('R28: a first "turn sync on" the org refuses leaves the popup saying why and offering Connect, until an enable succeeds', async () => {
	const sf = createFakeSalesforce();
	sf.failNext = {
		method: 'identity',
		error: new SalesforceApiError('INVALID_SESSION_ID', 'This session is not valid for use with the REST API', {
			status: 401,
		}),
	};
	await expect(enableWithPort(dbs, sf)).rejects.toThrow(ApiAccessRefusedError);
	// No partition could be made (the refusal hides who the session is), yet the popup says what happened.
	expect(await db.partitions.count()).toBe(0);
	expect(await popupStatus()).toEqual({
		kind: 'paused',
		text: SYNC_STATUS_COPY.apiAccessRefused,
		signIn: false,
		connect: 'connect',
	});

	// Turned on later (the admin allowed it, or OAuth): the refusal is no longer the news.
	const account = await enableWithPort(dbs, sf);
	expect(account.partition).toBe(`${sf.identityValue.orgId}:${sf.identityValue.userId}`);
	expect(await db.meta.get('enableRefused')).toBeUndefined();
	expect(await popupStatus()).toMatchObject({kind: 'running'});
});

test('R3: an enable refused for another reason (an expired session) records no API refusal', async () => {
	const sf = createFakeSalesforce();
	sf.failNext = {
		method: 'identity',
		error: new SalesforceApiError('INVALID_SESSION_ID', 'Session expired or invalid', {status: 401}),
	};
	await expect(enableWithPort(dbs, sf)).rejects.toThrow();
	expect(await db.meta.get('enableRefused')).toBeUndefined();
	expect(await popupStatus()).toMatchObject({kind: 'off'});
});
