/** Calendar dates for the popup (R11): "today" and "tomorrow" are the rep's local dates. */
import {localDateString} from '@/shared/local-date.js';

export function localDays(now: Date = new Date()): {today: string; tomorrow: string} {
	const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 12);
	return {today: localDateString(now), tomorrow: localDateString(tomorrow)};
}
