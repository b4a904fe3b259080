import {expect, test} from 'vitest';
import {to18} from '@/shared/record-ids.js';
import type {Caller} from './caller.js';
import {type BackgroundHandlers, MESSAGE_RULES} from './message-rules.js';
import {handleMessage} from './router.js';

const OWN_ID = 'own-extension';
const SELF = {id: OWN_ID, pagesBaseUrl: `chrome-extension://${OWN_ID}/`};
const POPUP = {id: OWN_ID, url: `chrome-extension://${OWN_ID}/src/popup/index.html`};
const TASK_PAGE = 'https://acme.lightning.force.com/lightning/r/Task/00T000000000001AAA/view';
const CONTENT = {id: OWN_ID, url: TASK_PAGE, frameId: 0, tab: {id: 7, url: TASK_PAGE}};
const calls: unknown[] = [];
const DRAFT_ID = '3f2a6b1c-0d4e-4f5a-8b6c-7d8e9f0a1b2c';
const api: BackgroundHandlers = {
	ping: async () => ({pong: true, version: '1', context: 'background', libraries: {jsforce: '3', dexie: '4'}}),
	getSyncStatus: async () => ({phase: 'off', pendingCount: 0, errorCount: 0}),
	requestSync: async input => {
		calls.push(input);
		return {queued: true};
	},
	getTaskBadge: async input => ({state: 'not-linked', reason: 'sync-off', message: `sync is off for ${input.taskId}`}),
	salesforceSaveSeen: async input => {
		calls.push(input);
		return {action: 'sync-now'};
	},
	enableSync: async () => ({
		partition: 'p',
		orgId: '00D000000000001AAA',
		userId: '005000000000001AAA',
		username: 'rep@example.com',
		displayName: 'Rep',
		instanceHost: 'acme.my.salesforce.com',
	}),
	disableSync: async () => ({enabled: false}),
	enablePartition: async input => {
		calls.push(input);
		return {
			partition: input.partition,
			orgId: '00D000000000001AAA',
			userId: '005000000000001AAA',
			username: 'rep@example.com',
			displayName: 'Rep',
			instanceHost: 'acme.my.salesforce.com',
		};
	},
	getConnectionSettings: async () => {
		calls.push('getConnectionSettings');
		return {redirectUrl: 'https://own-extension.chromiumapp.org/', presets: {}, oauth: []};
	},
	saveOAuthClientId: async input => {
		calls.push(input);
		return input;
	},
	connectSalesforce: async input => {
		calls.push(input);
		return {
			partition: '00D000000000001AAA:005000000000001AAA',
			orgId: '00D000000000001AAA',
			userId: '005000000000001AAA',
			username: 'rep@example.com',
			displayName: 'Rep',
			instanceHost: input.host ?? 'acme.my.salesforce.com',
		};
	},
	disconnectOAuth: async input => {
		calls.push(input);
		return {revoked: true};
	},
	forgetPartition: async input => {
		calls.push(input);
		return {deletedReminders: 0};
	},
	addReminder: async input => {
		calls.push(input);
		return {id: 'new'};
	},
	editReminder: async input => {
		calls.push(input);
		return {id: input.id};
	},
	deleteReminder: async input => {
		calls.push(input);
		return {id: input.id};
	},
	undoDelete: async input => {
		calls.push(input);
		return {id: input.id};
	},
	completeReminder: async input => {
		calls.push(input);
		return {id: input.id};
	},
	undoEdit: async input => {
		calls.push(input);
		return {id: input.id};
	},
	keepMine: async input => {
		calls.push(input);
		return {id: input.id};
	},
	keepTheirs: async input => {
		calls.push(input);
		return {id: input.id};
	},
	sendLocalOnly: async input => {
		calls.push(input);
		return {sent: input.ids.length};
	},
	remindAboutRecord: async input => {
		calls.push(input);
		return {id: input.id};
	},
	saveSubjectTemplate: async input => {
		calls.push(input);
		return {subjectTemplate: input.template};
	},
	retryReminder: async input => {
		calls.push(input);
		return {id: input.id};
	},
	saveWhoAlerts: async input => {
		calls.push(input);
		return {whoAlerts: input.whoAlerts};
	},
};

test('a valid request reaches the API and its value comes back', async () => {
	const reply = await handleMessage(
		api,
		{channel: 'tickler', method: 'requestSync', input: {reason: 'user'}},
		POPUP,
		SELF,
	);
	expect(reply).toEqual({ok: true, value: {queued: true}});
	expect(calls.at(-1)).toEqual({reason: 'user'});
});

test.each([
	['an unknown method', {channel: 'tickler', method: 'deleteEverything'}, 'Unknown message'],
	['a method from the prototype chain', {channel: 'tickler', method: 'toString'}, 'Unknown message'],
	['a non-string method', {channel: 'tickler', method: 42}, 'Unknown message'],
	['a wrong input value', {channel: 'tickler', method: 'requestSync', input: {reason: 'cron'}}, 'Invalid reason'],
	['a missing input', {channel: 'tickler', method: 'requestSync'}, 'Expected an object'],
	['input where none is taken', {channel: 'tickler', method: 'ping', input: {x: 1}}, 'This message takes no input'],
	[
		'a host outside Salesforce',
		{channel: 'tickler', method: 'getTaskBadge', input: {host: 'evil.example.com', taskId: '00T000000000001AAA'}},
		'Invalid host',
	],
	[
		'a non-Task id',
		{
			channel: 'tickler',
			method: 'getTaskBadge',
			input: {host: 'acme.lightning.force.com', taskId: '001000000000001AAA'},
		},
		'Invalid Task id',
	],
	[
		'an id with a quote',
		{channel: 'tickler', method: 'getTaskBadge', input: {host: 'acme.lightning.force.com', taskId: "00T0000000'OR'1"}},
		'Invalid Task id',
	],
	[
		'a partition that is not org:user',
		{channel: 'tickler', method: 'forgetPartition', input: {partition: 'local'}},
		'Invalid partition',
	],
	[
		'a partition with SOQL in it',
		{channel: 'tickler', method: 'disableSync', input: {partition: "00D000000000001AAA:005' OR '1'='1"}},
		'Invalid partition',
	],
	[
		'a reminder id that is not text',
		{channel: 'tickler', method: 'deleteReminder', input: {id: 7}},
		'Invalid reminder id',
	],
	['an edit without a patch', {channel: 'tickler', method: 'editReminder', input: {id: 'r1'}}, 'Expected an object'],
	[
		'input to enableSync',
		{channel: 'tickler', method: 'enableSync', input: {partition: 'x'}},
		'This message takes no input',
	],
])('R27: %s is refused with a named error', async (_label, message, expected) => {
	const before = calls.length;
	const reply = await handleMessage(api, message, POPUP, SELF);
	expect(reply).toEqual({ok: false, error: {name: 'InvalidMessageError', message: expected}});
	expect(calls.length).toBe(before);
});

test('R27: a message from another extension is refused', async () => {
	const reply = await handleMessage(
		api,
		{channel: 'tickler', method: 'ping'},
		{id: 'someone-else', url: 'chrome-extension://someone-else/x.html'},
		SELF,
	);
	expect(reply).toMatchObject({ok: false, error: {name: 'InvalidMessageError'}});
});

test('an error thrown by the API crosses as {name, message}', async () => {
	class SessionExpiredError extends Error {
		override name = 'SessionExpiredError';
	}

	const failing: BackgroundHandlers = {
		...api,
		getSyncStatus: async () => {
			throw new SessionExpiredError('Sign in to Salesforce to resume sync');
		},
	};
	const reply = await handleMessage(failing, {channel: 'tickler', method: 'getSyncStatus'}, POPUP, SELF);
	expect(reply).toEqual({
		ok: false,
		error: {name: 'SessionExpiredError', message: 'Sign in to Salesforce to resume sync'},
	});
});

test('R22/R27: a reminder write is checked by the store’s own rules; a refusal names the form field', async () => {
	const before = calls.length;
	expect(
		await handleMessage(
			api,
			{channel: 'tickler', method: 'addReminder', input: {id: DRAFT_ID, reminder: {name: '  ', dueDate: '2026-02-30'}}},
			POPUP,
			SELF,
		),
	).toEqual({ok: false, error: {name: 'InvalidReminderError', message: 'The reminder needs a name.', field: 'name'}});
	expect(
		await handleMessage(
			api,
			{channel: 'tickler', method: 'editReminder', input: {id: 'r1', patch: {dueDate: '2026-02-30'}}},
			POPUP,
			SELF,
		),
	).toMatchObject({ok: false, error: {name: 'InvalidReminderError', field: 'dueDate'}});
	expect(calls.length).toBe(before);
	// Only known fields pass, folded and trimmed as the store keeps them.
	const reply = await handleMessage(
		api,
		{
			channel: 'tickler',
			method: 'addReminder',
			input: {
				id: DRAFT_ID,
				reminder: {name: ' Call\nAna ', dueDate: '2026-03-05', ownerId: '005x', taskId: '00T000000000001AAA'},
			},
		},
		POPUP,
		SELF,
	);
	expect(reply).toEqual({ok: true, value: {id: 'new'}});
	expect(calls.at(-1)).toEqual({
		id: DRAFT_ID,
		reminder: {
			whoId: null,
			whatId: null,
			name: 'Call Ana',
			status: 'open',
			priority: 'normal',
			dueDate: '2026-03-05',
			details: '',
		},
	});
});

test('R44: sendLocalOnly carries a non-empty list of reminder ids, nothing else', async () => {
	const send = async (input: unknown) =>
		handleMessage(api, {channel: 'tickler', method: 'sendLocalOnly', input}, POPUP, SELF);
	expect(await send({ids: ['r1', 'r2']})).toEqual({ok: true, value: {sent: 2}});
	for (const bad of [{ids: []}, {ids: 'r1'}, {ids: [7]}, {}, null]) {
		expect(await send(bad)).toMatchObject({ok: false, error: {name: 'InvalidMessageError'}});
	}
});

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

test('R27: every method the table keeps to the extension’s own pages is refused from a content script, before its input is read', async () => {
	const ownPagesOnly = Object.entries(MESSAGE_RULES)
		.filter(([, rule]) => rule.callers === 'own-pages')
		.map(([method]) => method);
	expect(ownPagesOnly).toContain('enableSync');
	expect(ownPagesOnly).toContain('saveSubjectTemplate');
	expect(ownPagesOnly).not.toContain('getTaskBadge');
	const before = calls.length;
	for (const method of ownPagesOnly) {
		expect(await handleMessage(api, {channel: 'tickler', method, input: {bad: 'input'}}, CONTENT, SELF)).toEqual({
			ok: false,
			error: {name: 'InvalidMessageError', message: 'Not allowed from a web page'},
		});
	}

	expect(calls.length).toBe(before);
});

test('R27/R38: each handler is told its checked caller — an own page, or the tab with its id, address and frame', async () => {
	const callers: Caller[] = [];
	const recording: BackgroundHandlers = {
		...api,
		ping: async (_input, caller) => {
			callers.push(caller);
			return api.ping(undefined, caller);
		},
	};
	const ping = {channel: 'tickler', method: 'ping'};
	expect(await handleMessage(recording, ping, POPUP, SELF)).toMatchObject({ok: true});
	expect(await handleMessage(recording, ping, CONTENT, SELF)).toMatchObject({ok: true});
	// The tab's address follows Lightning's pushState; the frame's URL is the one the document loaded with.
	const moved = 'https://acme.lightning.force.com/lightning/r/Task/00T000000000002AAA/view';
	expect(await handleMessage(recording, ping, {...CONTENT, tab: {id: 9, url: moved}}, SELF)).toMatchObject({ok: true});
	// A health check is answered from any frame of the tab: nothing it could spend or change.
	expect(await handleMessage(recording, ping, {...CONTENT, frameId: 2}, SELF)).toMatchObject({ok: true});
	expect(callers).toEqual([
		{kind: 'own-page'},
		{kind: 'tab', tabId: 7, url: TASK_PAGE, frameId: 0},
		{kind: 'tab', tabId: 9, url: moved, frameId: 0},
		{kind: 'tab', tabId: 7, url: TASK_PAGE, frameId: 2},
	]);
});

test('R27: a sender that is neither one of the extension’s pages nor in a tab is refused, whatever it asks', async () => {
	const nowhere = {id: OWN_ID, url: 'https://acme.lightning.force.com/lightning/page/home'};
	for (const message of [
		{channel: 'tickler', method: 'ping'},
		{
			channel: 'tickler',
			method: 'getTaskBadge',
			input: {host: 'acme.lightning.force.com', taskId: '00T000000000001AAA'},
		},
	]) {
		expect(await handleMessage(api, message, nowhere, SELF)).toEqual({
			ok: false,
			error: {name: 'InvalidMessageError', message: 'Not allowed from a web page'},
		});
	}
});

test('R10/R27: the settings page’s Subject template names an org partition and carries text; nothing else passes', async () => {
	const send = async (input: unknown) =>
		handleMessage(api, {channel: 'tickler', method: 'saveSubjectTemplate', input}, POPUP, SELF);
	const partition = '00D000000000001AAA:005000000000001AAA';
	expect(await send({partition, template: 'Tickler: {{activity_subject}}'})).toEqual({
		ok: true,
		value: {subjectTemplate: 'Tickler: {{activity_subject}}'},
	});
	expect(calls.at(-1)).toEqual({partition, template: 'Tickler: {{activity_subject}}'});
	const before = calls.length;
	for (const [input, message] of [
		[{partition, template: 42}, 'Invalid template'],
		[{partition}, 'Invalid template'],
		[{partition: 'local', template: 'x'}, 'Invalid partition'],
		[null, 'Expected an object'],
	] as const) {
		expect(await send(input)).toEqual({ok: false, error: {name: 'InvalidMessageError', message}});
	}

	expect(calls.length).toBe(before);
});

test('R32/R19/R27: the settings page’s other writes go through the worker, validated, and only from its own pages', async () => {
	const partition = '00D000000000001AAA:005000000000001AAA';
	const send = async (method: 'saveWhoAlerts' | 'retryReminder', input: unknown, sender = POPUP) =>
		handleMessage(api, {channel: 'tickler', method, input}, sender, SELF);
	expect(await send('saveWhoAlerts', {partition, whoAlerts: 'both'})).toEqual({ok: true, value: {whoAlerts: 'both'}});
	expect(await send('retryReminder', {id: DRAFT_ID})).toEqual({ok: true, value: {id: DRAFT_ID}});
	const before = calls.length;
	expect(await send('saveWhoAlerts', {partition, whoAlerts: 'everyone'})).toEqual({
		ok: false,
		error: {name: 'InvalidMessageError', message: 'Invalid choice of who alerts'},
	});
	expect((await send('retryReminder', {id: DRAFT_ID}, CONTENT)).ok).toBe(false);
	expect((await send('saveWhoAlerts', {partition, whoAlerts: 'both'}, CONTENT)).ok).toBe(false);
	expect(calls.length).toBe(before);
});
