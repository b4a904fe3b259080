/** The settings page reads the Tickler database directly; it writes only through local-edits (R17). */
import {openTicklerDb} from '@/shared/store/open-db.js';

export const db = openTicklerDb();
