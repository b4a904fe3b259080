/**
 * For unit tests of the extension's pages: the worker's real message API, served over the fake runtime
 * (test/fakes/browser.ts) and writing to the same fake IndexedDB the page reads. Its writes announce
 * themselves as the real worker's do (src/background/service-worker.ts). The sync cycle a write asks for is recorded,
 * not run: there is no Salesforce in a unit test.
 */
import {Dexie} from 'dexie';
import {afterEach, beforeEach, vi} from 'vitest';
import {createBackgroundApi} from '@/background/background-api.js';
import {serveBackgroundApi} from '@/background/messaging/router.js';
import {openCredentialsDb} from '@/background/oauth/token-store.js';
import {startCycle} from '@/background/runner/cycle-runner.js';
import {openTicklerDb} from '@/shared/store/open-db.js';
import {announceStoreChanged} from '@/shared/store/store-changed.js';
import {resetFakeBrowser} from './browser.js';
import {createDomRoot, removeDomRoot} from './dom-root.js';

vi.mock(import('@/background/runner/cycle-runner.js'), async importOriginal => ({
	...(await importOriginal()),
	startCycle: vi.fn(),
}));
Dexie.on('storagemutated', announceStoreChanged);

/** The worker's database handle: the default database on the global fake IndexedDB, which the pages read too. */
export const workerDb = openTicklerDb();
const credentials = openCredentialsDb();

/** The cycles the worker was asked to start since the last reset. */
export const startedCycles = vi.mocked(startCycle);

/** A fresh fake browser with the worker listening, and an empty store. */
export async function resetWorkerForPages(): Promise<void> {
	await resetFakeBrowser();
	serveBackgroundApi(createBackgroundApi({db: workerDb, credentials}));
	startedCycles.mockClear();
	await Promise.all([...workerDb.tables, ...credentials.tables].map(table => table.clear()));
}

/**
 * The set-up every page test of this kind shares: before each test a fresh worker (resetWorkerForPages) and a
 * fresh root element, handed to `use`; after it the root is unmounted and removed. A file's own `beforeEach`
 * hooks, registered after this call, run after it.
 */
export function pageRootPerTest(use: (root: HTMLElement) => void): void {
	let root: HTMLElement | undefined;
	beforeEach(async () => {
		await resetWorkerForPages();
		root = createDomRoot();
		use(root);
	});
	afterEach(async () => {
		if (root) await removeDomRoot(root);
		root = undefined;
	});
}
