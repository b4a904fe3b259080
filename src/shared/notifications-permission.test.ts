/** R32: who alerts in effect when Tickler may not notify — never no alert, never two by default. */
import {describe, expect, test} from 'vitest';
import {WHO_ALERTS_VALUES} from './store/reminder-time.js';
import {effectiveWhoAlerts} from './who-alerts.js';

describe('R32: the effective "who alerts"', () => {
	test("R32: 'tickler' without the permission falls back to Salesforce (one alert, not none)", () => {
		expect(effectiveWhoAlerts('tickler', false)).toBe('salesforce');
	});

	test('R32: with the permission, the setting stands', () => {
		for (const setting of WHO_ALERTS_VALUES) expect(effectiveWhoAlerts(setting, true)).toBe(setting);
	});

	test("R32: 'salesforce' and 'both' need no permission for Salesforce to alert, so they stand", () => {
		expect(effectiveWhoAlerts('salesforce', false)).toBe('salesforce');
		expect(effectiveWhoAlerts('both', false)).toBe('both');
	});

	test('R32: never zero alerts — whenever Tickler cannot notify, the effective choice has Salesforce alert', () => {
		for (const setting of WHO_ALERTS_VALUES) expect(effectiveWhoAlerts(setting, false)).not.toBe('tickler');
	});

	test("R32: never two by default — the default 'tickler' never becomes 'both'", () => {
		for (const granted of [true, false]) expect(effectiveWhoAlerts('tickler', granted)).not.toBe('both');
	});
});
