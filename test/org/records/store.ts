// In-memory record storage for every emulated object, with the Task-by-owner index that keeps a
// 2,000-row page from a 100,000-Task org well under 50 ms (issue 3 "Speed").

import {objectForId} from './schema.js';

export type FieldValue = string | number | boolean | null;
/** A stored record: canonical field names; date fields 'YYYY-MM-DD'; dateTime fields epoch ms. */
export type SRecord = {[field: string]: FieldValue};

export class Store {
	private readonly tables = new Map<string, Map<string, SRecord>>();
	private readonly taskOwnerIndex = new Map<string, Map<string, SRecord>>();

	table(object: string): Map<string, SRecord> {
		let t = this.tables.get(object);
		if (!t) {
			t = new Map();
			this.tables.set(object, t);
		}
		return t;
	}

	get(object: string, id: string): SRecord | undefined {
		return this.tables.get(object)?.get(id);
	}

	/** Finds a record of any object by its 18-char id (key prefix first, then a scan for the shared 01J prefix). */
	find(id: string): {object: string; record: SRecord} | undefined {
		const def = objectForId(id);
		if (def) {
			const record = this.get(def.name, id);
			return record ? {object: def.name, record} : undefined;
		}
		for (const [object, t] of this.tables) {
			const record = t.get(id);
			if (record) return {object, record};
		}
		return undefined;
	}

	put(object: string, record: SRecord): void {
		const id = String(record['Id']);
		if (object === 'Task') {
			const prev = this.get('Task', id);
			if (prev && prev['OwnerId'] !== record['OwnerId']) this.taskOwnerIndex.get(String(prev['OwnerId']))?.delete(id);
			const owner = String(record['OwnerId']);
			let byId = this.taskOwnerIndex.get(owner);
			if (!byId) {
				byId = new Map();
				this.taskOwnerIndex.set(owner, byId);
			}
			byId.set(id, record);
		}
		this.table(object).set(id, record);
	}

	remove(object: string, id: string): void {
		const prev = this.get(object, id);
		if (!prev) return;
		if (object === 'Task') this.taskOwnerIndex.get(String(prev['OwnerId']))?.delete(id);
		this.table(object).delete(id);
	}

	/** Candidate rows: the owner index when the query pins OwnerId, otherwise the whole table. */
	candidates(object: string, ownerIds?: string[]): Iterable<SRecord> {
		if (object !== 'Task' || !ownerIds) return this.table(object).values();
		if (ownerIds.length === 1) return this.taskOwnerIndex.get(ownerIds[0] ?? '')?.values() ?? [];
		const out: SRecord[] = [];
		for (const owner of ownerIds) for (const r of this.taskOwnerIndex.get(owner)?.values() ?? []) out.push(r);
		return out;
	}

	clearObject(object: string): void {
		this.tables.set(object, new Map());
		if (object === 'Task') this.taskOwnerIndex.clear();
	}

	objects(): string[] {
		return [...this.tables.keys()];
	}
}
