/**
 * The worker's two databases: the Tickler store and the OAuth credentials (oauth/token-store.ts). Handles,
 * not state: everything they reach lives in IndexedDB and survives the worker being stopped (engineering
 * guide §2.2). service-worker.ts opens them once, at the top, and passes them down; no other module opens its
 * own, so a test hands the worker's functions fresh databases (test/fakes/test-db.ts) instead of mocking a
 * module.
 */
import type {TicklerDb} from '@/shared/store/open-db.js';
import type {CredentialsDb} from './oauth/token-store.js';

export type WorkerDbs = {db: TicklerDb; credentials: CredentialsDb};
