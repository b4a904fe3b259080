import {isSignalFromItsTab} from '../runner/save-signal.js';
import browser, {type Runtime} from 'webextension-polyfill';
import {
	type BackgroundApi,
	type Input,
	isRequest,
	type Method,
	type Reply,
	type ReplyError,
} from '@/shared/messages.js';
import {inPlainWords} from '@/shared/store/storage-errors.js';
import {type BadgeCaller, type BadgeSender, tabCaller} from '../task-page/badge-caller.js';
import {checkRecordTab} from '../remind-me/remind-about-record.js';

/** Runtime checks for what crosses the boundary (rule R27): one per method, no exceptions. */
export type InputValidators = {[M in Method]: (input: unknown) => Parameters<BackgroundApi[M]>[0]};

export class InvalidMessageError extends Error {
	override name = 'InvalidMessageError';
}

function toReplyError(raw: unknown): ReplyError {
	// R40 (and R17): a write refused by a full disk or an unusable store says so in plain words, never as saved.
	const error = inPlainWords(raw);
	if (!(error instanceof Error)) return {name: 'Error', message: String(error)};
	const field = (error as {field?: unknown}).field;
	return typeof field === 'string'
		? {name: error.name, message: error.message, field}
		: {name: error.name, message: error.message};
}

/**
 * What a content script may ask. It runs beside an untrusted Salesforce page (engineering guide §3), so it
 * gets the badge and a health check — never enable/disable, disconnect or a manual sync that skips the
 * budget gates (R21, R27). Only the extension's own pages (popup, settings) may call everything.
 */
export const CONTENT_SCRIPT_METHODS: readonly Method[] = [
	'ping',
	'getTaskBadge',
	'remindAboutRecord',
	'salesforceSaveSeen',
];

export type Sender = {id?: string | undefined} & BadgeSender;
/** This extension: its id and the base URL of its own pages (`chrome-extension://<id>/`). */
export type Self = {id: string; pagesBaseUrl: string};

/** Answers one message. Exported for unit tests; the worker wires it through serveBackgroundApi. */
export async function handleMessage(
	api: BackgroundApi,
	validators: InputValidators,
	message: unknown,
	sender: Sender,
	self: Self,
): Promise<Reply> {
	try {
		if (sender.id !== self.id) throw new InvalidMessageError('Message from another extension refused');
		if (!isRequest(message) || typeof message.method !== 'string' || !Object.hasOwn(validators, message.method)) {
			throw new InvalidMessageError('Unknown message');
		}

		const method = message.method as Method;
		const fromOwnPage = sender.url?.startsWith(self.pagesBaseUrl) ?? false;
		if (!fromOwnPage && !CONTENT_SCRIPT_METHODS.includes(method)) {
			throw new InvalidMessageError('Not allowed from a web page');
		}

		const input = validators[method](message.input);
		// R34: "Remind me" only about the record in the asking tab's own address.
		if (!fromOwnPage && method === 'remindAboutRecord') checkRecordTab(input as Input<'remindAboutRecord'>, sender);
		// Issue 14: a save signal counts only from the top frame of a tab on the host it names.
		if (!fromOwnPage && method === 'salesforceSaveSeen' && !isSignalFromItsTab(input as {host: string}, sender))
			throw new InvalidMessageError('Not this tab’s host');
		// R38: a page-driven content script is answered only about the Task in its own tab's address, and the
		// handler learns which tab asked (the badge's request allowance is per tab).
		const caller: BadgeCaller | undefined = fromOwnPage
			? {kind: 'own-page'}
			: method === 'getTaskBadge'
				? tabCaller(input as Input<'getTaskBadge'>, sender)
				: undefined;
		const handler = api[method] as (input: unknown, caller?: BadgeCaller) => Promise<unknown>;
		const value = await handler.call(api, input, caller);
		return {ok: true, value} as Reply;
	} catch (error) {
		return {ok: false, error: toReplyError(error)};
	}
}

/** Receiver side: registered once, synchronously, at the top of the service worker. */
export function serveBackgroundApi(api: BackgroundApi, validators: InputValidators): void {
	browser.runtime.onMessage.addListener(
		(message: unknown, sender: Runtime.MessageSender): Promise<Reply> | undefined => {
			if (!isRequest(message)) return undefined; // Not ours: let other listeners answer
			return handleMessage(api, validators, message, sender, {
				id: browser.runtime.id,
				pagesBaseUrl: browser.runtime.getURL('/'),
			});
		},
	);
}
