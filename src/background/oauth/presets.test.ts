import {beforeEach, expect, test} from 'vitest';
import {failManagedStorage, resetFakeBrowser, setManagedStorage} from '../../../test/fakes/browser.js';
import {
	effectiveClientId,
	isHostAllowed,
	parsePresets,
	readPresets,
	readRepClientId,
	saveRepClientId,
} from './presets.js';

beforeEach(async () => {
	await resetFakeBrowser();
});

test('R30: no policy means no presets; the rep’s own client id is used and any host is allowed', async () => {
	expect(await readPresets()).toEqual({});
	await saveRepClientId('3MVG9repsownid');
	expect(effectiveClientId(await readPresets(), await readRepClientId())).toBe('3MVG9repsownid');
	expect(isHostAllowed({}, 'acme.my.salesforce.com')).toBe(true);
});

test('R30: preset values win over the rep’s, and allowed hosts limit the orgs Tickler talks to', async () => {
	setManagedStorage({
		oauthClientId: '3MVG9adminsid.x',
		allowedMyDomainHosts: ['ACME.my.salesforce.com', 'acme.lightning.force.com', 'evil.example.com'],
		subjectTemplate: 'Tickler: {{activity_subject}}',
		syncEnabled: false,
	});
	await saveRepClientId('3MVG9repsownid');
	const presets = await readPresets();
	expect(presets).toEqual({
		oauthClientId: '3MVG9adminsid.x',
		// Normalised to My Domain hosts; a non-Salesforce host is dropped.
		allowedMyDomainHosts: ['acme.my.salesforce.com'],
		subjectTemplate: 'Tickler: {{activity_subject}}',
		syncEnabled: false,
	});
	expect(effectiveClientId(presets, await readRepClientId())).toBe('3MVG9adminsid.x');
	expect(isHostAllowed(presets, 'acme.my.salesforce.com')).toBe(true);
	expect(isHostAllowed(presets, 'other.my.salesforce.com')).toBe(false);
});

test('R30: malformed policy values are ignored, not trusted; a list with no valid host allows none', () => {
	expect(parsePresets({oauthClientId: '<script>', syncEnabled: 'yes'})).toEqual({});
	const none = parsePresets({allowedMyDomainHosts: ['nope', 42]});
	expect(none).toEqual({allowedMyDomainHosts: []});
	// Consumer keys are URL-safe; a `-` or `_` (base64url) is kept, anything that could break a URL is not.
	expect(parsePresets({oauthClientId: '3MVG9ab-cd_ef.gh~ij'})).toEqual({oauthClientId: '3MVG9ab-cd_ef.gh~ij'});
	expect(isHostAllowed(none, 'acme.my.salesforce.com')).toBe(false);
});

test('R30: an allowlist that is present but not a list allows no org, never any', () => {
	for (const value of ['acme.my.salesforce.com', {host: 'acme.my.salesforce.com'}, 42, null, true]) {
		const presets = parsePresets({allowedMyDomainHosts: value});
		expect(presets, JSON.stringify(value)).toEqual({allowedMyDomainHosts: []});
		expect(isHostAllowed(presets, 'acme.my.salesforce.com')).toBe(false);
	}
});

test('R30: a policy that cannot be read keeps the last one read; never read, no org is allowed', async () => {
	failManagedStorage(new Error('Policy service unavailable'));
	expect(isHostAllowed(await readPresets(), 'acme.my.salesforce.com')).toBe(false);

	failManagedStorage(undefined);
	setManagedStorage({allowedMyDomainHosts: ['acme.my.salesforce.com'], syncEnabled: true});
	expect(await readPresets()).toEqual({allowedMyDomainHosts: ['acme.my.salesforce.com'], syncEnabled: true});
	failManagedStorage(new Error('Policy service unavailable'));
	const kept = await readPresets();
	expect(kept).toEqual({allowedMyDomainHosts: ['acme.my.salesforce.com'], syncEnabled: true});
	expect(isHostAllowed(kept, 'other.my.salesforce.com')).toBe(false);
});

test('R30: Firefox without a policy ("Managed storage manifest not found") means no presets, and forgets the last ones', async () => {
	setManagedStorage({allowedMyDomainHosts: ['acme.my.salesforce.com']});
	await readPresets();
	failManagedStorage(new Error('Managed storage manifest not found'));
	expect(await readPresets()).toEqual({});
	// The admin removed the policy: a later unreadable moment does not bring the old list back.
	failManagedStorage(new Error('Policy service unavailable'));
	expect(await readPresets()).toEqual({});
});

test.each([
	[120, {maxDailyRequestsPerRep: 120}],
	[1, {maxDailyRequestsPerRep: 1}],
	[0, {}],
	[-5, {}],
	[99.5, {}],
	['120', {}],
	[null, {}],
])('R56: an admin’s cap on each rep’s daily requests (%s) counts only as a whole number ≥ 1', (value, expected) => {
	expect(parsePresets({maxDailyRequestsPerRep: value})).toEqual(expected);
});
