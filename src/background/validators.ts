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
	getTaskBadge: input => {
		const {host, taskId} = record(input);
		// A content script runs beside an untrusted page: accept only a Salesforce hostname and a Task id.
		if (
			typeof host !== 'string' ||
			!/^[a-z0-9-]+(\.[a-z0-9-]+)*\.(my\.salesforce\.com|lightning\.force\.com)$/i.test(host)
		) {
			throw new InvalidMessageError('Invalid host');
		}

		if (typeof taskId !== 'string' || !/^00T[a-zA-Z0-9]{12}([a-zA-Z0-9]{3})?$/.test(taskId)) {
			throw new InvalidMessageError('Invalid Task id');
		}

		return {host, taskId};
	},
};
