/**
 * R32 with its fallback, as a pure decision: the sync engine uses it (it runs in the worker and, for the
 * benchmarks and tests, in Node), so it lives apart from the browser permission calls
 * (notifications-permission.ts).
 */
import type {WhoAlerts} from './store/schema.js';

/**
 * Who alerts in effect. The rep's setting, except that when Tickler is to alert ('tickler', the default) and
 * the optional notifications permission is not granted, Salesforce alerts instead — Tickler then sends
 * `IsReminderSet=true`, so the rep gets exactly one alert, never none. 'both' stays 'both' (Salesforce alerts,
 * and Tickler too once allowed); 'salesforce' needs no permission.
 */
export function effectiveWhoAlerts(setting: WhoAlerts, notificationsGranted: boolean): WhoAlerts {
	return setting === 'tickler' && !notificationsGranted ? 'salesforce' : setting;
}
