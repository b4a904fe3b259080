/** The router and a content script: what a script beside an untrusted page may ask, and only about its own tab (R27, R34, R38). */
import {expect, test} from 'vitest';
import {handleMessage} from './router.js';
import {OWN_ID, SELF, POPUP, TASK_PAGE, CONTENT, calls, DRAFT_ID, api} from '../../../test/fakes/recording-handlers.js';
import {to18} from '@/shared/record-ids.js';

test('R27: a content script (beside an untrusted page) may ask for the badge and nothing destructive', async () => {
	const badge = await handleMessage(
		api,
		{
			channel: 'tickler',
			method: 'getTaskBadge',
			input: {host: 'acme.lightning.force.com', taskId: '00T000000000001AAA'},
		},
		CONTENT,
		SELF,
	);
	expect(badge).toMatchObject({ok: true});
	const before = calls.length;
	for (const message of [
		{channel: 'tickler', method: 'forgetPartition', input: {partition: '00D000000000001AAA:005000000000001AAA'}},
		{channel: 'tickler', method: 'requestSync', input: {reason: 'user'}},
		{channel: 'tickler', method: 'disableSync', input: {partition: '00D000000000001AAA:005000000000001AAA'}},
		{channel: 'tickler', method: 'addReminder', input: {id: DRAFT_ID, reminder: {name: 'Injected by the page'}}},
		{channel: 'tickler', method: 'deleteReminder', input: {id: 'r1'}},
		// R28: nothing about the OAuth connection is reachable from beside a web page.
		{channel: 'tickler', method: 'getConnectionSettings', input: undefined},
		{channel: 'tickler', method: 'connectSalesforce', input: {host: 'acme.my.salesforce.com'}},
		{channel: 'tickler', method: 'disconnectOAuth', input: {partition: '00D000000000001AAA:005000000000001AAA'}},
		{channel: 'tickler', method: 'saveOAuthClientId', input: {clientId: '3MVG9abcdefghij'}},
	]) {
		expect(await handleMessage(api, message, CONTENT, SELF)).toEqual({
			ok: false,
			error: {name: 'InvalidMessageError', message: 'Not allowed from a web page'},
		});
	}

	expect(calls.length).toBe(before);
});

test('R13/R21: a save signal is taken from the top frame of a tab on the Salesforce host it names, nothing else', async () => {
	const signal = (input: unknown, sender: typeof CONTENT | Record<string, unknown>) =>
		handleMessage(api, {channel: 'tickler', method: 'salesforceSaveSeen', input}, sender, SELF);
	const before = calls.length;
	expect(await signal({host: 'acme.lightning.force.com'}, CONTENT)).toEqual({ok: true, value: {action: 'sync-now'}});
	expect(calls.length).toBe(before + 1);
	for (const [input, sender] of [
		[{host: 'evil.example.com'}, CONTENT],
		[{host: 'other.lightning.force.com'}, CONTENT],
		[{host: 'acme.lightning.force.com'}, {...CONTENT, frameId: 3}],
		[{host: 'acme.lightning.force.com'}, {...CONTENT, tab: undefined}],
		[
			{host: 'acme.lightning.force.com', extra: 'x'},
			{...CONTENT, tab: {id: 7, url: 'https://evil.example.com/'}},
		],
	] as const) {
		expect(await signal(input, sender)).toMatchObject({ok: false, error: {name: 'InvalidMessageError'}});
	}

	expect(calls.length).toBe(before + 1);
});

test('R38: a content script is answered only about the Task in its own tab’s address', async () => {
	const ask = async (taskId: string, sender: typeof CONTENT | Record<string, unknown>) =>
		handleMessage(
			api,
			{channel: 'tickler', method: 'getTaskBadge', input: {host: 'acme.lightning.force.com', taskId}},
			sender,
			SELF,
		);
	const refused = {
		ok: false,
		error: {name: 'InvalidMessageError', message: 'Only the Task in the tab’s own address has a badge'},
	};
	// The address's own Task; a Classic address's 15-character id matches its 18-character form.
	expect(await ask('00T000000000001AAA', CONTENT)).toMatchObject({ok: true});
	const classic = 'https://acme.my.salesforce.com/00T000000000001';
	const classicSender = {...CONTENT, url: classic, tab: {id: 7, url: classic}};
	expect(await ask(to18('00T000000000001'), {...classicSender})).toEqual(refused); // another host than asked
	expect(
		await handleMessage(
			api,
			{
				channel: 'tickler',
				method: 'getTaskBadge',
				input: {host: 'acme.my.salesforce.com', taskId: to18('00T000000000001')},
			},
			classicSender,
			SELF,
		),
	).toMatchObject({ok: true});
	// Another Task id, while the address shows the first: the page's script cannot make it cost anything.
	expect(await ask('00T000000000002AAA', CONTENT)).toEqual(refused);
	// A Task id on another host, in a sub-frame, or from a page that is not a Task page.
	expect(
		await handleMessage(
			api,
			{
				channel: 'tickler',
				method: 'getTaskBadge',
				input: {host: 'beta.lightning.force.com', taskId: '00T000000000001AAA'},
			},
			CONTENT,
			SELF,
		),
	).toEqual(refused);
	expect(await ask('00T000000000001AAA', {...CONTENT, frameId: 3})).toEqual(refused);
	const home = 'https://acme.lightning.force.com/lightning/page/home';
	expect(await ask('00T000000000001AAA', {...CONTENT, url: home, tab: {id: 7, url: home}})).toEqual(refused);
	// After Lightning's pushState the frame's own URL still says the first Task; the tab's address is the truth.
	const moved = 'https://acme.lightning.force.com/lightning/r/Task/00T000000000002AAA/view';
	expect(await ask('00T000000000002AAA', {...CONTENT, tab: {id: 7, url: moved}})).toMatchObject({ok: true});
	expect(await ask('00T000000000001AAA', {...CONTENT, tab: {id: 7, url: moved}})).toEqual(refused);
	// The extension's own pages are not driven by a Salesforce page.
	expect(await ask('00T000000000002AAA', POPUP)).toMatchObject({ok: true});
});

test('R28: connecting names only a Salesforce host; anything else is refused before the API sees it', async () => {
	const send = async (input: unknown) =>
		handleMessage(api, {channel: 'tickler', method: 'connectSalesforce', input}, POPUP, SELF);
	expect(await send({host: 'Acme.My.Salesforce.com'})).toMatchObject({
		ok: true,
		value: {instanceHost: 'acme.my.salesforce.com'},
	});
	expect(await send({})).toMatchObject({ok: true, value: {instanceHost: 'acme.my.salesforce.com'}});
	for (const host of ['evil.example.com', 'acme.my.salesforce.com.evil.net', 'https://acme.my.salesforce.com', 42]) {
		expect(await send({host})).toEqual({ok: false, error: {name: 'InvalidMessageError', message: 'Invalid host'}});
	}

	expect(
		await handleMessage(
			api,
			{channel: 'tickler', method: 'saveOAuthClientId', input: {clientId: 'x"><script>'}},
			POPUP,
			SELF,
		),
	).toEqual({ok: false, error: {name: 'InvalidMessageError', message: 'Invalid client id'}});
});

test('R34/R31: "Remind me" is taken from a content script only for the record in its own tab’s address, validated (its reminder time too)', async () => {
	const contact = '003000000000001AAA';
	const page = `https://acme.lightning.force.com/lightning/r/Contact/${contact}/view`;
	const sender = {id: OWN_ID, url: page, frameId: 0, tab: {id: 7, url: page}};
	const input = {
		id: DRAFT_ID,
		host: 'acme.lightning.force.com',
		recordId: contact,
		name: '  Follow up: Ana  ',
		dueDate: '2026-03-06',
		recordName: ' Ana\n Ruiz ',
	};
	const ask = async (overrides: Record<string, unknown>, from: typeof sender = sender) =>
		handleMessage(api, {channel: 'tickler', method: 'remindAboutRecord', input: {...input, ...overrides}}, from, SELF);
	expect(await ask({})).toEqual({ok: true, value: {id: DRAFT_ID}});
	expect(calls.at(-1)).toEqual({...input, name: 'Follow up: Ana', recordName: 'Ana Ruiz', reminderAt: null});
	// A page's long name is cut on a whole character: an emoji at the cut never leaves half a surrogate pair.
	expect(await ask({recordName: `${'a'.repeat(254)}😀`})).toMatchObject({ok: true});
	expect(calls.at(-1)).toMatchObject({recordName: 'a'.repeat(254)});
	// R31: a reminder time is an instant with its offset, stored in UTC; a bad one is refused, saying why.
	expect(await ask({reminderAt: '2026-03-06T09:30:00.000+01:00'})).toMatchObject({ok: true});
	expect(calls.at(-1)).toMatchObject({reminderAt: '2026-03-06T08:30:00.000Z'});
	for (const badTime of ['09:30', '2026-03-06T09:30', '2026-02-30T09:30:00Z', 42]) {
		expect(await ask({reminderAt: badTime})).toMatchObject({
			ok: false,
			error: {name: 'InvalidReminderError', message: expect.stringMatching(/reminder/)},
		});
	}

	expect(await ask({reminderAt: '1699-12-31T09:30:00Z'})).toMatchObject({
		ok: false,
		error: {message: 'Salesforce accepts reminder times from 1700 to 4000.'},
	});
	// Another record than the tab's address, a Task id, a foreign host, a bad date, a sub-frame: refused.
	for (const bad of [
		{recordId: '003000000000002AAA'},
		{recordId: '00T000000000001AAA'},
		{host: 'evil.example.com'},
		{dueDate: '2026-02-30'},
		{name: ''},
	]) {
		expect((await ask(bad)).ok).toBe(false);
	}

	expect((await ask({}, {...sender, frameId: 3})).ok).toBe(false);
	const otherTab = {...sender, tab: {id: 7, url: TASK_PAGE}};
	expect(await ask({}, otherTab)).toMatchObject({ok: false, error: {name: 'InvalidMessageError'}});
});

test('R5/R38: "Add to Tickler" is taken only for the Task in the tab’s own address, from its top frame', async () => {
	const add = async (input: unknown, sender: typeof CONTENT | Record<string, unknown>) =>
		handleMessage(api, {channel: 'tickler', method: 'addTaskToTickler', input}, sender, SELF);
	const before = calls.length;
	expect(await add({host: 'acme.lightning.force.com', taskId: '00T000000000001AAA'}, CONTENT)).toEqual({
		ok: true,
		value: {id: 'reminder-for-00T000000000001AAA'},
	});
	expect(calls.length).toBe(before + 1);
	for (const [input, sender] of [
		// Another Task than the address's: what a page script moving the address could ask for.
		[{host: 'acme.lightning.force.com', taskId: '00T000000000002AAA'}, CONTENT],
		[{host: 'other.lightning.force.com', taskId: '00T000000000001AAA'}, CONTENT],
		[
			{host: 'acme.lightning.force.com', taskId: '00T000000000001AAA'},
			{...CONTENT, frameId: 2},
		],
		[{host: 'acme.lightning.force.com', taskId: '001000000000001AAA'}, CONTENT],
		[{host: 'acme.lightning.force.com', taskId: "00T' OR Id != '"}, CONTENT],
	] as const) {
		expect(await add(input, sender)).toMatchObject({ok: false, error: {name: 'InvalidMessageError'}});
	}

	expect(calls.length).toBe(before + 1);
});
