/**
 * Which Salesforce Task record page a URL is (R24), or undefined. Pure, so it is table-tested offline.
 * URL shapes from salesforce-facts.md §8: Lightning `/lightning/r/Task/<Id>/view`, `/lightning/r/<Id>/view`
 * (UNCONFIRMED but harmless), the legacy `/one/one.app#/sObject/<Id>/view`, and Classic `/<Id>` on the
 * My Domain host. Only Task ids (key prefix 00T, §7.3) count; other records leave the script inert.
 */
export type TaskPage = {kind: 'lightning' | 'classic'; host: string; taskId: string};

/** 15-char case-sensitive id or its 18-char form, key prefix 00T. */
const TASK_ID = '00T[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?';
const LIGHTNING_PATH = new RegExp(`^/lightning/r/(?:Task/)?(${TASK_ID})/view/?$`);
const ONE_APP_HASH = new RegExp(`^#/sObject/(${TASK_ID})/view(?:[?/].*)?$`);
const CLASSIC_PATH = new RegExp(`^/(${TASK_ID})/?$`);

/** Lightning and My Domain hosts, including sandbox and Developer Edition partitions (§8). */
export const LIGHTNING_HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.lightning\.force\.com$/;
export const MY_DOMAIN_HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.my\.salesforce\.com$/;

export function detectTaskPage(href: string): TaskPage | undefined {
	let url: URL;
	try {
		url = new URL(href);
	} catch {
		return undefined;
	}

	if (url.protocol !== 'https:') return undefined;
	const host = url.hostname;
	if (LIGHTNING_HOST.test(host)) {
		const id =
			LIGHTNING_PATH.exec(url.pathname)?.[1] ??
			(url.pathname === '/one/one.app' ? ONE_APP_HASH.exec(url.hash)?.[1] : undefined);
		return id === undefined ? undefined : {kind: 'lightning', host, taskId: id};
	}

	if (MY_DOMAIN_HOST.test(host)) {
		const id = CLASSIC_PATH.exec(url.pathname)?.[1];
		return id === undefined ? undefined : {kind: 'classic', host, taskId: id};
	}

	return undefined;
}

/** True on hosts where Salesforce changes records without reloading (Lightning's history.pushState). */
export function isLightningHost(host: string): boolean {
	return LIGHTNING_HOST.test(host);
}
