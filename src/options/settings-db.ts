/** The settings page reads the Tickler database directly; every write goes through the worker (one write path, R17). */
import {openTicklerDb} from '@/shared/store/open-db.js';

export const db = openTicklerDb();
