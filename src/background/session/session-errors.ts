/**
 * Why the worker has no usable Salesforce session (R20). These cross to the UI as {name, message}; the
 * messages are what the rep reads, so they are plain.
 */
import {SYNC_STATUS_COPY} from '@/shared/copy.js';

/** No API-capable `sid` cookie for the org (never signed in, signed out, or cookie removed). */
export class NoSessionError extends Error {
	override name = 'NoSessionError';
	constructor(message: string = SYNC_STATUS_COPY.signIn) {
		super(message);
	}
}

/** Salesforce refused the session (401 INVALID_SESSION_ID): it expired or was revoked. */
export class SessionExpiredError extends Error {
	override name = 'SessionExpiredError';
	constructor(message: string = SYNC_STATUS_COPY.signIn) {
		super(message);
	}
}
