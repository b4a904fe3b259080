/**
 * R40: Dexie remembers a failed open (dexie.mjs `dexieOpen`: `dbOpenError`, `openComplete`) and refuses
 * every later operation with `DatabaseClosedError` until `open()` is called again. A worker or page that
 * lives on after IndexedDB refused it once would never see the store come back; this tries again.
 */
import type {Dexie} from 'dexie';

export async function reopenIfFailed(db: Dexie): Promise<void> {
	if (db.hasFailed()) await db.open();
}
