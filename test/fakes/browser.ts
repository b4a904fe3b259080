/**
 * A behavioural in-memory fake of the slice of `webextension-polyfill` Tickler uses, aliased in
 * vitest.config.ts for unit and integration tests (the real module throws outside an extension).
 * It behaves like the browser (values are cloned, listeners fire, messages reach the one listener)
 * instead of recording calls, so tests assert outcomes (fregante's createCache style).
 */
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

const browser = {
	storage: {
		local: createStorageArea('local'),
		session: createStorageArea('session'),
		sync: createStorageArea('sync'),
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
		getManifest: () => ({manifest_version: 3, name: 'Tickler', version: '0.0.0-test'}),
		getURL: (path: string) => `chrome-extension://${EXTENSION_ID}/${path.replace(/^\//, '')}`,
		async sendMessage(message: unknown) {
			for (const result of onMessage.dispatch(message, {id: EXTENSION_ID})) {
				if (result !== undefined) return await result;
			}

			throw new Error('Could not establish connection. Receiving end does not exist.');
		},
		onMessage,
		onInstalled: createEvent<[{reason: string}]>(),
		onStartup: createEvent<[]>(),
	},
};

/** Test helper: forget every stored value, alarm and listener between tests. */
export async function resetFakeBrowser(): Promise<void> {
	await Promise.all([browser.storage.local.clear(), browser.storage.session.clear(), browser.storage.sync.clear()]);
	alarms.clear();
	storageChanged.clear();
	onAlarm.clear();
	onMessage.clear();
}

export default browser;
