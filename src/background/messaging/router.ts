/**
 * The worker's end of the protocol: one `runtime.onMessage` listener that checks each message against its
 * method's entry in message-rules.ts — the same steps for every method — and answers with the handler's
 * value or a named error.
 */
import browser, {type Runtime} from 'webextension-polyfill';
import {type Input, isRequest, type Method, type Output, type Reply, type ReplyError} from '@/shared/messages.js';
import {inPlainWords} from '@/shared/store/storage-errors.js';
import {type Caller, callerOf, type Self, type Sender} from './caller.js';
import {type BackgroundHandlers, MESSAGE_RULES, type MessageRules} from './message-rules.js';
import {InvalidMessageError} from './validators.js';

function toReplyError(raw: unknown): ReplyError {
	// R40 (and R17): a write refused by a full disk or an unusable store says so in plain words, never as saved.
	const error = inPlainWords(raw);
	if (!(error instanceof Error)) return {name: 'Error', message: String(error)};
	const field = (error as {field?: unknown}).field;
	return typeof field === 'string'
		? {name: error.name, message: error.message, field}
		: {name: error.name, message: error.message};
}

/** R27: who may send `method`, its input, and what the sending tab's own address says — then its handler. */
async function answer<M extends Method>(
	handlers: BackgroundHandlers,
	method: M,
	raw: unknown,
	caller: Caller | undefined,
): Promise<Output<M>> {
	const rules: MessageRules = MESSAGE_RULES;
	const rule = rules[method];
	if (caller === undefined || (caller.kind === 'tab' && rule.callers === 'own-pages')) {
		throw new InvalidMessageError('Not allowed from a web page');
	}

	const input: Input<M> = rule.validate(raw);
	if (caller.kind === 'tab' && rule.callers !== 'own-pages' && rule.tab.frames === 'top-frame') {
		if (caller.frameId !== 0 || !rule.tab.accepts(input, caller)) throw rule.tab.refusal();
	}

	// The checks above are what MESSAGE_RULES[method] asks for, so the caller is what this handler declares;
	// TypeScript cannot follow a generic method through the narrowing of its rule, hence the one widening here.
	const handler = handlers[method] as (input: Input<M>, caller: Caller) => Promise<Output<M>>;
	return handler.call(handlers, input, caller);
}

/** Answers one message. Exported for unit tests; the worker wires it through serveBackgroundApi. */
export async function handleMessage(
	handlers: BackgroundHandlers,
	message: unknown,
	sender: Sender,
	self: Self,
): Promise<Reply> {
	try {
		if (sender.id !== self.id) throw new InvalidMessageError('Message from another extension refused');
		if (!isRequest(message) || typeof message.method !== 'string' || !Object.hasOwn(MESSAGE_RULES, message.method)) {
			throw new InvalidMessageError('Unknown message');
		}

		const value = await answer(handlers, message.method as Method, message.input, callerOf(sender, self));
		return {ok: true, value};
	} catch (error) {
		return {ok: false, error: toReplyError(error)};
	}
}

/** Receiver side: registered once, synchronously, at the top of the service worker. */
export function serveBackgroundApi(handlers: BackgroundHandlers): void {
	browser.runtime.onMessage.addListener(
		(message: unknown, sender: Runtime.MessageSender): Promise<Reply> | undefined => {
			if (!isRequest(message)) return undefined; // Not ours: let other listeners answer
			return handleMessage(handlers, message, sender, {
				id: browser.runtime.id,
				pagesBaseUrl: browser.runtime.getURL('/'),
			});
		},
	);
}
