/**
 * A behavioural in-memory fake of the slice of `webextension-polyfill` Tickler uses, aliased in
 * vitest.config.ts for unit and integration tests (the real module throws outside an extension).
 * It behaves like the browser (values are cloned, listeners fire, messages reach the one listener)
 * instead of recording calls, so tests assert outcomes (fregante's createCache style).
 */
import enCatalog from '../../public/_locales/en/messages.json' with {type: 'json'};
import itCatalog from '../../public/_locales/it/messages.json' with {type: 'json'};
import manifest from '../../manifest.json' with {type: 'json'};

type Listener<A extends unknown[], R = void> = (...args: A) => R;

function createEvent<A extends unknown[], R = void>() {
	const listeners = new Set<Listener<A, R>>();
	return {
		addListener(listener: Listener<A, R>) {
			listeners.add(listener);
		},
		removeListener(listener: Listener<A, R>) {
			listeners.delete(listener);
		},
		hasListener(listener: Listener<A, R>) {
			return listeners.has(listener);
		},
		/** Test helper: deliver an event to every listener, returning their results. */
		dispatch(...args: A): R[] {
			return [...listeners].map(listener => listener(...args));
		},
		clear() {
			listeners.clear();
		},
	};
}

type StorageChange = {oldValue?: unknown; newValue?: unknown};
const storageChanged = createEvent<[Record<string, StorageChange>, string]>();

function createStorageArea(areaName: 'local' | 'session' | 'sync') {
	const data = new Map<string, unknown>();
	const clone = <T>(value: T): T => structuredClone(value);
	return {
		async get(keys?: string | string[] | Record<string, unknown> | null) {
			const result: Record<string, unknown> = {};
			if (keys === undefined || keys === null) {
				for (const [key, value] of data) result[key] = clone(value);
				return result;
			}

			const entries: Array<[string, unknown]> =
				typeof keys === 'string'
					? [[keys, undefined]]
					: Array.isArray(keys)
						? keys.map(key => [key, undefined])
						: Object.entries(keys);
			for (const [key, fallback] of entries) {
				if (data.has(key)) result[key] = clone(data.get(key));
				else if (fallback !== undefined) result[key] = fallback;
			}

			return result;
		},
		async set(items: Record<string, unknown>) {
			const changes: Record<string, StorageChange> = {};
			for (const [key, value] of Object.entries(items)) {
				changes[key] = {oldValue: data.get(key), newValue: clone(value)};
				data.set(key, clone(value));
			}

			storageChanged.dispatch(changes, areaName);
		},
		async remove(keys: string | string[]) {
			const changes: Record<string, StorageChange> = {};
			for (const key of typeof keys === 'string' ? [keys] : keys) {
				if (data.has(key)) changes[key] = {oldValue: data.get(key)};
				data.delete(key);
			}

			storageChanged.dispatch(changes, areaName);
		},
		async clear() {
			data.clear();
		},
	};
}

type Alarm = {name: string; scheduledTime: number; periodInMinutes?: number};
const alarms = new Map<string, Alarm>();
const onAlarm = createEvent<[Alarm]>();

type MessageListener = (message: unknown, sender: {id?: string; url?: string}) => Promise<unknown> | undefined;
const onMessage = createEvent<Parameters<MessageListener>, ReturnType<MessageListener>>();
const EXTENSION_ID = 'fakeextensionidaaaaaaaaaaaaaaaa';

/** Cookies as Chromium keeps them; tests seed them with `setCookie` below, as a sign-in would. */
export type FakeCookie = {
	name: string;
	value: string;
	domain: string;
	path: string;
	secure: boolean;
	hostOnly: boolean;
};
const cookieJar = new Map<string, FakeCookie>();
const cookieKey = (cookie: {name: string; domain: string; path: string}) =>
	`${cookie.domain}|${cookie.path}|${cookie.name}`;
const onCookieChanged = createEvent<[{removed: boolean; cookie: FakeCookie; cause: string}]>();
function domainMatches(cookieDomain: string, domain: string): boolean {
	const bare = cookieDomain.replace(/^\./, '');
	return bare === domain || bare.endsWith(`.${domain}`);
}

/** Tabs: tests open and focus them with `openTab`; `url` filters accept `*://host/*`-style patterns. */
export type FakeTab = {id: number; url: string; active: boolean; lastAccessed: number};
const tabs = new Map<number, FakeTab>();
function patternToRegExp(pattern: string): RegExp {
	const escaped = pattern.replaceAll(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*');
	return new RegExp(`^${escaped}$`);
}

/** `storage.managed` (R30): read-only to the extension, filled by policy; tests set it with `setManagedStorage`. */
const managedData = new Map<string, unknown>();
/** When set, `storage.managed.get` rejects with it (Firefox without a policy, or a policy that cannot be read). */
const managedFailure: {error: Error | undefined} = {error: undefined};

const badge = {text: '', color: '' as string | [number, number, number, number]};

/** R31: notifications on screen, by id (creating with an id already shown replaces it, as Chrome does). */
export type FakeNotification = {
	type: string;
	title: string;
	message: string;
	contextMessage?: string;
	buttons?: Array<{title: string}>;
};
const notifications = new Map<string, FakeNotification>();
const onNotificationClicked = createEvent<[string]>();
const onNotificationButtonClicked = createEvent<[string, number]>();
const onNotificationClosed = createEvent<[string, boolean]>();
let idleState: 'active' | 'idle' | 'locked' = 'active';
/** R50: the operating system `runtime.getPlatformInfo` reports (the test notification's advice follows it). */
let platformOs = 'linux';
/**
 * R31/R32: `notifications` is an optional permission. Granted by default here so tests about alerts need no
 * setup; while it is not, `browser.notifications` is undefined, as `chrome.notifications` is in Chrome.
 */
type PermissionSet = {permissions?: string[]; origins?: string[]};
const grantedOptional = new Set<string>(['notifications']);
const permissionRequests: PermissionSet[] = [];
let permissionAnswer = true;
const onPermissionsAdded = createEvent<[PermissionSet]>();
const onPermissionsRemoved = createEvent<[PermissionSet]>();
const notificationsNamespace = {
	async create(id: string, options: FakeNotification) {
		notifications.set(id, structuredClone(options));
		return id;
	},
	async clear(id: string) {
		return notifications.delete(id);
	},
	async getAll() {
		return Object.fromEntries([...notifications].map(([id, options]) => [id, structuredClone(options)]));
	},
	onClicked: onNotificationClicked,
	onButtonClicked: onNotificationButtonClicked,
	onClosed: onNotificationClosed,
};
const onIdleStateChanged = createEvent<['active' | 'idle' | 'locked']>();
/**
 * R28: `identity` is optional in Chrome and not granted on a fresh install; while it is not, `browser.identity`
 * is undefined. The auth window is answered by the test (`setAuthWindow`); without one it is "closed".
 */
type AuthWindow = (url: string) => Promise<string | undefined>;
const authWindow: {answer: AuthWindow | undefined; urls: string[]} = {answer: undefined, urls: []};
const identityNamespace = {
	getRedirectURL: () => `https://${EXTENSION_ID}.chromiumapp.org/`,
	async launchWebAuthFlow(details: {url: string; interactive?: boolean}) {
		authWindow.urls.push(details.url);
		if (!authWindow.answer) throw new Error('The user did not approve access.');
		return authWindow.answer(details.url);
	},
};

/**
 * R46: `i18n` serves the real catalogs as Chrome does — `$name$` becomes the placeholder's content, `$n` the
 * n-th substitution, `$$` a dollar, a key no catalog has ''. English unless a test asks for Italian.
 */
type CatalogEntry = {message: string; placeholders?: Record<string, {content: string}>};
const catalogs: Record<'en' | 'it', Record<string, CatalogEntry>> = {en: enCatalog, it: itCatalog};
let uiLanguage: 'en' | 'it' = 'en';
function fillSubstitutions(text: string, substitutions: string[]): string {
	return text.replaceAll(/\$(\d)/g, (_match, index: string) => substitutions[Number(index) - 1] ?? '');
}

const i18nNamespace = {
	getMessage(key: string, substitutions?: string | string[]): string {
		const entry = catalogs[uiLanguage][key];
		if (entry === undefined) return '';
		const values =
			substitutions === undefined ? [] : typeof substitutions === 'string' ? [substitutions] : substitutions;
		const placeholders = Object.fromEntries(
			Object.entries(entry.placeholders ?? {}).map(([name, {content}]) => [name.toLowerCase(), content]),
		);
		return entry.message
			.replaceAll(/\$([a-zA-Z0-9_@]+)\$/g, (_match, name: string) =>
				fillSubstitutions(placeholders[name.toLowerCase()] ?? '', values),
			)
			.replaceAll('$$', '$');
	},
	getUILanguage(): string {
		return uiLanguage === 'it' ? 'it-IT' : 'en-US';
	},
};

const browser = {
	i18n: i18nNamespace,
	storage: {
		local: createStorageArea('local'),
		session: createStorageArea('session'),
		sync: createStorageArea('sync'),
		managed: {
			async get(keys?: string | string[] | null) {
				if (managedFailure.error) throw managedFailure.error;
				const wanted = keys === undefined || keys === null ? undefined : typeof keys === 'string' ? [keys] : keys;
				const result: Record<string, unknown> = {};
				for (const [key, value] of managedData)
					if (wanted === undefined || wanted.includes(key)) result[key] = structuredClone(value);
				return result;
			},
		},
		onChanged: storageChanged,
	},
	alarms: {
		async create(name: string, info: {when?: number; delayInMinutes?: number; periodInMinutes?: number}) {
			const scheduledTime = info.when ?? Date.now() + (info.delayInMinutes ?? info.periodInMinutes ?? 0) * 60_000;
			alarms.set(name, {
				name,
				scheduledTime,
				...(info.periodInMinutes === undefined ? {} : {periodInMinutes: info.periodInMinutes}),
			});
		},
		async get(name: string) {
			return alarms.get(name);
		},
		async getAll() {
			return [...alarms.values()];
		},
		async clear(name: string) {
			return alarms.delete(name);
		},
		onAlarm,
	},
	runtime: {
		id: EXTENSION_ID,
		getManifest: () => ({
			manifest_version: 3,
			name: 'Tickler',
			version: '0.0.0-test',
			optional_permissions: ['notifications', 'identity'],
		}),
		getURL: (path: string) => `chrome-extension://${EXTENSION_ID}/${path.replace(/^\//, '')}`,
		getPlatformInfo: async () => ({os: platformOs, arch: 'x86-64'}),
		async sendMessage(message: unknown) {
			for (const result of onMessage.dispatch(message, {
				id: EXTENSION_ID,
				url: `chrome-extension://${EXTENSION_ID}/src/popup/index.html`,
			})) {
				if (result !== undefined) return await result;
			}

			throw new Error('Could not establish connection. Receiving end does not exist.');
		},
		onMessage,
		onInstalled: createEvent<[{reason: string}]>(),
		onStartup: createEvent<[]>(),
	},
	cookies: {
		async getAll(details: {name?: string; domain?: string; url?: string}) {
			return [...cookieJar.values()]
				.filter(cookie => details.name === undefined || cookie.name === details.name)
				.filter(cookie => details.domain === undefined || domainMatches(cookie.domain, details.domain))
				.filter(cookie => details.url === undefined || domainMatches(cookie.domain, new URL(details.url).hostname))
				.map(cookie => ({...cookie}));
		},
		async get(details: {name: string; url: string}) {
			const host = new URL(details.url).hostname;
			const found = [...cookieJar.values()].find(
				cookie => cookie.name === details.name && domainMatches(cookie.domain, host),
			);
			return found ? {...found} : null;
		},
		onChanged: onCookieChanged,
	},
	/** R48: the manifest's commands, each with its suggested key as the browser assigns it at install. */
	commands: {
		async getAll() {
			return Object.entries(manifest.commands).map(([name, command]) => ({
				name,
				shortcut: command.suggested_key.default,
			}));
		},
	},
	tabs: {
		async query(info: {url?: string | string[]; active?: boolean}) {
			const patterns =
				info.url === undefined ? undefined : (Array.isArray(info.url) ? info.url : [info.url]).map(patternToRegExp);
			return [...tabs.values()]
				.filter(tab => patterns === undefined || patterns.some(pattern => pattern.test(tab.url)))
				.filter(tab => info.active === undefined || tab.active === info.active)
				.map(tab => ({...tab}));
		},
		onActivated: createEvent<[{tabId: number}]>(),
		onUpdated: createEvent<[number, {url?: string; status?: string}, FakeTab]>(),
		async create(info: {url: string}) {
			const id = Math.max(0, ...tabs.keys()) + 1;
			const tab: FakeTab = {id, url: info.url, active: true, lastAccessed: Date.now()};
			tabs.set(id, tab);
			return {...tab};
		},
	},
	get notifications() {
		return grantedOptional.has('notifications') ? notificationsNamespace : undefined;
	},
	get identity() {
		return grantedOptional.has('identity') ? identityNamespace : undefined;
	},
	permissions: {
		async contains(set: PermissionSet) {
			return (set.permissions ?? []).every(name => grantedOptional.has(name));
		},
		/** Records the request synchronously (a browser needs it inside the user gesture), then answers. */
		request(set: PermissionSet): Promise<boolean> {
			permissionRequests.push(structuredClone(set));
			if (!permissionAnswer) return Promise.resolve(false);
			const added = (set.permissions ?? []).filter(name => !grantedOptional.has(name));
			for (const name of added) grantedOptional.add(name);
			if (added.length > 0) onPermissionsAdded.dispatch({permissions: added});
			return Promise.resolve(true);
		},
		onAdded: onPermissionsAdded,
		onRemoved: onPermissionsRemoved,
	},
	action: {
		async setBadgeText(details: {text: string}) {
			badge.text = details.text;
		},
		async getBadgeText() {
			return badge.text;
		},
		async setBadgeBackgroundColor(details: {color: string | [number, number, number, number]}) {
			badge.color = details.color;
		},
		async setTitle(_details: {title: string}) {
			// Titles are not observed by tests.
		},
	},
	idle: {
		async queryState(_seconds: number) {
			return idleState;
		},
		setDetectionInterval(_seconds: number) {
			// Not modelled.
		},
		onStateChanged: onIdleStateChanged,
	},
};

/** Test helper: put a cookie in the jar (and fire cookies.onChanged, as Chromium does). */
export function setCookie(cookie: Omit<FakeCookie, 'path' | 'secure' | 'hostOnly'> & Partial<FakeCookie>): void {
	const full: FakeCookie = {path: '/', secure: true, hostOnly: !cookie.domain.startsWith('.'), ...cookie};
	cookieJar.set(cookieKey(full), full);
	onCookieChanged.dispatch({removed: false, cookie: {...full}, cause: 'explicit'});
}

/** Test helper: remove a cookie (and fire cookies.onChanged). */
export function removeCookie(name: string, domain: string, path = '/'): void {
	const key = cookieKey({name, domain, path});
	const cookie = cookieJar.get(key);
	if (!cookie) return;
	cookieJar.delete(key);
	onCookieChanged.dispatch({removed: true, cookie: {...cookie}, cause: 'explicit'});
}

/** Test helper: open a tab; the newest tab with `active` is the focused one. */
export function openTab(url: string, options: {active?: boolean; lastAccessed?: number} = {}): FakeTab {
	const id = tabs.size + 1;
	const tab: FakeTab = {id, url, active: options.active ?? false, lastAccessed: options.lastAccessed ?? Date.now()};
	tabs.set(id, tab);
	return {...tab};
}

/** Test helper: what the toolbar badge shows. */
export function toolbarBadge(): {text: string; color: string | [number, number, number, number]} {
	return {...badge};
}

/** Test helper: chrome.idle's state (fires idle.onStateChanged). */
export function setIdleState(state: 'active' | 'idle' | 'locked'): void {
	idleState = state;
	onIdleStateChanged.dispatch(state);
}

/** Test helper: what the admin's policy sets in `storage.managed` (R30). */
export function setManagedStorage(values: Record<string, unknown>): void {
	managedData.clear();
	for (const [key, value] of Object.entries(values)) managedData.set(key, structuredClone(value));
}

/** Test helper: make `storage.managed.get` reject with `error` (undefined: read normally again). */
export function failManagedStorage(error: Error | undefined): void {
	managedFailure.error = error;
}

/** Test helper: the tabs open now (R31: a notification click opens one). */
export function openTabs(): FakeTab[] {
	return [...tabs.values()].map(tab => ({...tab}));
}

/** Test helper: grant or withdraw an optional permission (withdrawing fires permissions.onRemoved). */
export function setOptionalPermission(name: 'notifications' | 'identity', granted: boolean): void {
	if (granted === grantedOptional.has(name)) return;
	if (granted) {
		grantedOptional.add(name);
		onPermissionsAdded.dispatch({permissions: [name]});
	} else {
		grantedOptional.delete(name);
		onPermissionsRemoved.dispatch({permissions: [name]});
	}
}

/** Test helper: what the Salesforce sign-in window answers (the final redirect URL); undefined: the rep closes it. */
export function setAuthWindow(answer: AuthWindow | undefined): void {
	authWindow.answer = answer;
}

/** Test helper: the URLs every auth window was opened on, in order. */
export function authWindowUrls(): string[] {
	return [...authWindow.urls];
}

/** Test helper: whether the rep accepts the next permission requests (default yes). */
export function answerPermissionRequests(accept: boolean): void {
	permissionAnswer = accept;
}

/** Test helper: every permissions.request made since the last reset, in order. */
export function requestedPermissions(): PermissionSet[] {
	return permissionRequests.map(set => structuredClone(set));
}

/** Test helper: the browser's UI language (R46); resetFakeBrowser sets English again. */
export function setUiLanguage(language: 'en' | 'it'): void {
	uiLanguage = language;
}

/** Test helper: forget every stored value, alarm and listener between tests. */
export function setPlatformOs(os: string): void {
	platformOs = os;
}

export async function resetFakeBrowser(): Promise<void> {
	await Promise.all([browser.storage.local.clear(), browser.storage.session.clear(), browser.storage.sync.clear()]);
	platformOs = 'linux';
	alarms.clear();
	notifications.clear();
	grantedOptional.clear();
	grantedOptional.add('notifications');
	permissionRequests.length = 0;
	permissionAnswer = true;
	authWindow.answer = undefined;
	authWindow.urls.length = 0;
	onPermissionsAdded.clear();
	onPermissionsRemoved.clear();
	onNotificationClicked.clear();
	onNotificationButtonClicked.clear();
	managedData.clear();
	managedFailure.error = undefined;
	cookieJar.clear();
	tabs.clear();
	badge.text = '';
	badge.color = '';
	idleState = 'active';
	uiLanguage = 'en';
	onCookieChanged.clear();
	onIdleStateChanged.clear();
	storageChanged.clear();
	onAlarm.clear();
	onMessage.clear();
}

export default browser;
