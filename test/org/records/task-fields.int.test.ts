// Task field rules sharpened by salesforce-facts.md §14: CompletedDateTime follows the closed *status* (§14.4),
// and a well-formed id of the wrong type in a lookup is FIELD_INTEGRITY_EXCEPTION (§14.6).
import {afterAll, beforeAll, expect, test} from 'vitest';
import {failure, localOnly, must, openTarget} from '../contract-target.js';
import type {Target} from '../contract-target.js';

type Rec = Record<string, unknown>;
let t: Target;
beforeAll(async () => {
	t = await openTarget({now: new Date('2025-06-02T09:00:00Z'), frozenClock: true});
});
afterAll(() => t.close());

const completed = async (id: string): Promise<unknown> =>
	((await t.conn.sobject('Task').retrieve(id)) as Rec)['CompletedDateTime'];

localOnly(
	'§14.4: CompletedDateTime is set on close, kept when saved with the same closed status, reset by a different one, cleared on reopen',
	async () => {
		const org = must(t.org);
		org.setTaskStatuses([
			{ApiName: 'Not Started', IsClosed: false, IsDefault: true, SortOrder: 1},
			{ApiName: 'Completed', IsClosed: true, IsDefault: false, SortOrder: 2},
			{ApiName: 'Cancelled', IsClosed: true, IsDefault: false, SortOrder: 3},
		]);
		const {id} = (await t.conn.sobject('Task').create({Subject: 'close me'})) as {id: string};
		expect(await completed(id)).toBeNull();
		await t.conn.sobject('Task').update({Id: id, Status: 'Completed'});
		expect(await completed(id)).toBe('2025-06-02T09:00:00.000+0000');
		org.clock.advance(60_000);
		await t.conn.sobject('Task').update({Id: id, Status: 'Completed', Description: 'notes'});
		expect(await completed(id)).toBe('2025-06-02T09:00:00.000+0000');
		org.clock.advance(60_000);
		await t.conn.sobject('Task').update({Id: id, Status: 'Cancelled'});
		expect(await completed(id)).toBe('2025-06-02T09:02:00.000+0000');
		await t.conn.sobject('Task').update({Id: id, Status: 'Not Started'});
		expect(await completed(id)).toBeNull();
	},
);

test('§14.6: a well-formed id of the wrong type in OwnerId is FIELD_INTEGRITY_EXCEPTION "<label>: id value of incorrect type: <id>"', async () => {
	const contact = t.org ? t.org.insertRecord('Contact', {LastName: 'Rossi'}) : '003000000000001AAA';
	const e = await failure(t.conn.sobject('Task').create({Subject: 'x', OwnerId: contact}));
	expect(e.errorCode).toBe('FIELD_INTEGRITY_EXCEPTION');
	expect(e.message).toMatch(new RegExp(`: id value of incorrect type: ${contact}$`));
	expect((e.data as {fields?: string[]} | undefined)?.fields).toEqual(['OwnerId']);
});

localOnly('§14.6: an OwnerId of the right type that names nobody is still INVALID_CROSS_REFERENCE_KEY', async () => {
	const e = await failure(t.conn.sobject('Task').create({Subject: 'x', OwnerId: '005000000000099AAA'}));
	expect(e.errorCode).toBe('INVALID_CROSS_REFERENCE_KEY');
});
