/**
 * The service worker's scheduling decisions, for the fleet simulation in Node: the very module the worker
 * uses (src/background/schedule-policy.ts is pure, with no browser APIs), so the fleet measures the schedule
 * that ships rather than a copy of it.
 */
export {
	decideActivity,
	earlierAlarm,
	IDLE_DETECTION_SECONDS,
	isLate,
	nextAlarmTime,
	glanceShouldSync,
} from '../../src/background/schedule-policy.js';
