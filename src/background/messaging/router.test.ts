import {expect, test} from 'vitest';
import {handleMessage} from './router.js';
import {OWN_ID, SELF, POPUP, TASK_PAGE, CONTENT, calls, DRAFT_ID, api} from '../../../test/fakes/recording-handlers.js';
import {type BackgroundHandlers, MESSAGE_RULES} from './message-rules.js';
import type {Caller} from './caller.js';

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

test('R27, issue 22: snoozeReminder carries a reminder id and one of the four presets, nothing else', async () => {
	const send = async (input: unknown) =>
		handleMessage(api, {channel: 'tickler', method: 'snoozeReminder', input}, POPUP, SELF);
	expect(await send({id: 'r1', preset: 'next-week'})).toEqual({ok: true, value: {id: 'r1'}});
	for (const bad of [{id: 'r1', preset: '2-hours'}, {id: 'r1'}, {preset: '1-hour'}, {id: 7, preset: '1-hour'}, null]) {
		expect(await send(bad)).toMatchObject({ok: false, error: {name: 'InvalidMessageError'}});
	}
});

test('R27/R50: snoozeReminder may carry a chosen time instead: an instant from now to a year ahead, never with a preset', async () => {
	const send = async (input: unknown) =>
		handleMessage(api, {channel: 'tickler', method: 'snoozeReminder', input}, POPUP, SELF);
	const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
	expect(await send({id: 'r1', until: inAnHour})).toEqual({ok: true, value: {id: 'r1'}});
	for (const bad of [
		{id: 'r1', until: '2001-01-01T00:00:00.000Z'},
		{id: 'r1', until: new Date(Date.now() + 400 * 86_400_000).toISOString()},
		{id: 'r1', until: 'tomorrow'},
		{id: 'r1', until: Date.now() + 3_600_000},
		{id: 'r1', until: inAnHour, preset: '1-hour'},
	]) {
		expect(await send(bad)).toMatchObject({ok: false, error: {name: 'InvalidMessageError'}});
	}
});

test('R27/R50: saveNotificationSnooze carries one of the four presets, nothing else', async () => {
	const send = async (input: unknown) =>
		handleMessage(api, {channel: 'tickler', method: 'saveNotificationSnooze', input}, POPUP, SELF);
	expect(await send({preset: 'tomorrow-morning'})).toEqual({ok: true, value: {preset: 'tomorrow-morning'}});
	for (const bad of [{preset: 'forever'}, {}, {preset: 10}, null]) {
		expect(await send(bad)).toMatchObject({ok: false, error: {name: 'InvalidMessageError'}});
	}
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
