/**
 * The worker's handle on the Tickler database. A handle, not state: everything it reaches lives in
 * IndexedDB and survives the worker being stopped (engineering guide §2.2).
 */
import {openTicklerDb} from '@/shared/store/open-db.js';

export const db = openTicklerDb();
