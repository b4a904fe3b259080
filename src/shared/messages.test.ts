import {expect, test} from 'vitest';
import {isWakeUpError, WAKE_UP_ERRORS} from './messages.js';

// The strings Chrome uses while the worker is still starting; pinned so that a change in Chrome's
// wording shows up here instead of as a flaky popup (webext-messenger's sender.test.ts lesson).
test('only the known wake-up errors are retried', () => {
	expect(WAKE_UP_ERRORS).toEqual([
		'Could not establish connection. Receiving end does not exist.',
		'The message port closed before a response was received.',
	]);
	expect(isWakeUpError(new Error('Could not establish connection. Receiving end does not exist.'))).toBe(true);
	expect(isWakeUpError(new Error('Session expired or invalid'))).toBe(false);
});
