/** The popup's handle on the Tickler database: reads directly for a fast first paint (R22), writes only through local-edits. */
import {openTicklerDb} from '@/shared/store/db.js';

export const db = openTicklerDb();
