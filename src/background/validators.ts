import type {InputValidators} from './messaging.js';
import {InvalidMessageError} from './messaging.js';

function noInput(input: unknown): undefined {
	if (input !== undefined && input !== null) throw new InvalidMessageError('This message takes no input');
	return undefined;
}

function oneOf<const T extends readonly string[]>(value: unknown, allowed: T, what: string): T[number] {
	if (typeof value !== 'string' || !allowed.includes(value)) {
		throw new InvalidMessageError(`Invalid ${what}`);
	}

	return value;
}

function record(input: unknown): Record<string, unknown> {
	if (typeof input !== 'object' || input === null || Array.isArray(input)) {
		throw new InvalidMessageError('Expected an object');
	}

	return input as Record<string, unknown>;
}

/** What each message may carry; anything else is refused before the API sees it. */
export const inputValidators: InputValidators = {
	ping: noInput,
	getSyncStatus: noInput,
	requestSync: input => ({
		reason: oneOf(record(input)['reason'], ['user', 'popup-opened', 'page-visit'] as const, 'reason'),
	}),
};
