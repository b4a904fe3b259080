import {expectTypeOf, test} from 'vitest';
import type {Method} from '@/shared/messages.js';
import type {Caller, OwnPage} from './caller.js';
import {type BackgroundHandlers, type CallerOf, MESSAGE_RULES, type MessageRules} from './message-rules.js';

// Convention 4: the protocol carries its own rules — every method of BackgroundApi has an entry saying who may
// send it and how its input is checked, and its handler's caller and answer follow from it.
test('every method has its rules, and a method without an entry does not compile', () => {
	expectTypeOf<keyof typeof MESSAGE_RULES>().toEqualTypeOf<Method>();
	const {ping: _ping, ...withoutPing} = MESSAGE_RULES;
	// @ts-expect-error ping has no entry: who may send it, and its validator, are missing
	const incomplete: MessageRules = withoutPing;
	expectTypeOf(incomplete).not.toBeAny();
	const wrongInput: MessageRules = {
		...MESSAGE_RULES,
		// @ts-expect-error a validator must return the method's own input
		requestSync: {callers: 'own-pages', validate: () => ({reason: 'cron'})},
	};
	expectTypeOf(wrongInput).not.toBeAny();
	const tabWithoutCheck: MessageRules = {
		...MESSAGE_RULES,
		// @ts-expect-error a method a content script may send says how its tab is checked
		getTaskBadge: {callers: 'own-pages-and-content-script', validate: MESSAGE_RULES.getTaskBadge.validate},
	};
	expectTypeOf(tabWithoutCheck).not.toBeAny();
});

test('a handler is given the caller its entry allows and answers exactly what BackgroundApi says', () => {
	expectTypeOf<CallerOf<'enableSync'>>().toEqualTypeOf<OwnPage>();
	expectTypeOf<CallerOf<'getTaskBadge'>>().toEqualTypeOf<Caller>();
	expectTypeOf<BackgroundHandlers['forgetPartition']>().returns.toEqualTypeOf<Promise<{deletedReminders: number}>>();
	const typeChecksOnly = (handlers: BackgroundHandlers): void => {
		void handlers.getTaskBadge({host: 'acme.my.salesforce.com', taskId: '00T000000000001'}, {kind: 'own-page'});
		void handlers.getTaskBadge(
			{host: 'acme.my.salesforce.com', taskId: '00T000000000001'},
			{kind: 'tab', tabId: 7, url: undefined, frameId: 0},
		);
		// @ts-expect-error every handler is told who called
		void handlers.getTaskBadge({host: 'acme.my.salesforce.com', taskId: '00T000000000001'});
		// @ts-expect-error only the extension's own pages may turn sync on
		void handlers.enableSync(undefined, {kind: 'tab', tabId: 7, url: undefined, frameId: 0});
	};
	expectTypeOf(typeChecksOnly).toBeFunction();
	const wrongAnswer: Pick<BackgroundHandlers, 'disableSync'> = {
		// @ts-expect-error an answer is the method's own, not any value
		disableSync: async () => ({enabled: true}),
	};
	expectTypeOf(wrongAnswer).not.toBeAny();
});
