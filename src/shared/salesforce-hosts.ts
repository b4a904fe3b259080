/**
 * Salesforce hostnames (salesforce-facts.md §1.2, §8). Pure and shared: the worker uses it to find the one
 * API-capable host of an org (its My Domain `*.my.salesforce.com`), the popup and options page to link a
 * reminder to its Task on the Lightning host.
 *
 *   acme.lightning.force.com              → acme.my.salesforce.com
 *   acme--uat.sandbox.lightning.force.com → acme--uat.sandbox.my.salesforce.com
 *   acme-dev-ed.develop.lightning.force.com → acme-dev-ed.develop.my.salesforce.com
 *   acme.my.salesforce-setup.com          → acme.my.salesforce.com
 *
 * A Lightning-host `sid` is never API-capable (§1.2), and jsforce refuses Lightning instance URLs, so
 * every API call goes to the host this module returns.
 */

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
/** `<MyDomain>` or `<MyDomain>.<partition>` (sandbox, develop, scratch, demo, patch, trailblaze). */
const MY_DOMAIN_PREFIX = `${LABEL}(?:\\.(?:sandbox|develop|scratch|demo|patch|trailblaze))?`;

const LIGHTNING = new RegExp(`^(${MY_DOMAIN_PREFIX})\\.lightning\\.force\\.com$`);
const MY_DOMAIN = new RegExp(`^(${MY_DOMAIN_PREFIX})\\.my\\.salesforce\\.com$`);
const SETUP = new RegExp(`^(${MY_DOMAIN_PREFIX})\\.my\\.salesforce-setup\\.com$`);

function normalize(host: string): string {
	// Microsoft Defender for Cloud Apps proxies Salesforce under `<host>.mcas.ms` (§1.2, SIR getMyDomain).
	return host
		.trim()
		.toLowerCase()
		.replace(/\.$/, '')
		.replace(/\.mcas\.ms$/, '');
}

/** The org's My Domain host for any of its hosts, or undefined for a host that is not a known Salesforce org host. */
export function toMyDomainHost(host: string): string | undefined {
	const value = normalize(host);
	const prefix = (LIGHTNING.exec(value) ?? MY_DOMAIN.exec(value) ?? SETUP.exec(value))?.[1];
	return prefix === undefined ? undefined : `${prefix}.my.salesforce.com`;
}

/** The Lightning host of a My Domain host (for links to records), or undefined. */
export function toLightningHost(host: string): string | undefined {
	const myDomain = toMyDomainHost(host);
	return myDomain?.replace(/\.my\.salesforce\.com$/, '.lightning.force.com');
}

/** True for a host whose `sid` can call the REST API: a My Domain host (never Lightning, §1.2). */
export function isApiHost(host: string): boolean {
	return MY_DOMAIN.test(normalize(host));
}

/** `https://<lightning host>/lightning/r/Task/<id>/view` (salesforce-facts.md §8), or undefined for an unknown host. */
export function taskUrl(instanceHost: string, taskId: string): string | undefined {
	const lightning = toLightningHost(instanceHost);
	if (lightning === undefined || !/^00T[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/.test(taskId)) return undefined;
	return `https://${lightning}/lightning/r/Task/${taskId}/view`;
}

/**
 * R33: `https://<lightning host>/lightning/r/<Object>/<id>/view` for a related record (salesforce-facts.md
 * §8, §13.4), or `/lightning/r/<id>/view` when the object is unknown (that form is UNCONFIRMED, §8). The
 * object name comes from Salesforce (`Who.Type`), so only a plain API name is put into the path.
 */
export function recordUrl(instanceHost: string, id: string, objectType: string | undefined): string | undefined {
	const lightning = toLightningHost(instanceHost);
	if (lightning === undefined || !/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(id)) return undefined;
	const object = objectType !== undefined && /^[A-Za-z][A-Za-z0-9_]{0,79}$/.test(objectType) ? `${objectType}/` : '';
	return `https://${lightning}/lightning/r/${object}${id}/view`;
}

/** The 15-character org id at the front of a session id (`00D…!…`, salesforce-facts.md §1.1), or undefined. */
export function orgIdOfSid(sid: string): string | undefined {
	const prefix = sid.split('!', 1)[0] ?? '';
	return /^00D[a-zA-Z0-9]{12}$/.test(prefix) && sid.length > prefix.length + 1 ? prefix : undefined;
}
