/**
 * The worker's handle on the credentials database (token-store.ts). A handle, not state: the tokens live in
 * IndexedDB and survive the worker being stopped.
 */
import {openCredentialsDb} from './token-store.js';

export const credentialsDb = openCredentialsDb();
