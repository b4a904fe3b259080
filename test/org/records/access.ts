// R37: who may read or edit a Task — queues, per-record grants and the org-wide default for activities.
// The default stays what every existing test relies on: every user reads and edits every Task (like an
// org-wide default of Public Read/Write, docs/local-org.md "UNCONFIRMED choices" 25).

import type {SRecord} from './store.js';

export type AccessLevel = 'none' | 'read' | 'edit';
export type SharingModel = 'public' | 'private';
export type Queue = {id: string; name: string; members: Set<string>};

const RANK: Record<AccessLevel, number> = {none: 0, read: 1, edit: 2};

export class Access {
	/** 'private': a user sees only Tasks they own (or share through a queue / a grant); the admin sees all. */
	sharing: SharingModel = 'public';
	readonly queues = new Map<string, Queue>();
	/** taskId → userId → level: set through the control API, wins over every other rule. */
	private readonly grants = new Map<string, Map<string, AccessLevel>>();
	private readonly adminId: () => string;

	constructor(adminId: () => string) {
		this.adminId = adminId;
	}

	grant(taskId: string, userId: string, level: AccessLevel): void {
		let m = this.grants.get(taskId);
		if (!m) {
			m = new Map();
			this.grants.set(taskId, m);
		}
		m.set(userId, level);
	}

	/** True when nothing narrows access: queries can skip the per-row check (the 100,000-row speed budget). */
	unrestricted(): boolean {
		return this.sharing === 'public' && this.queues.size === 0 && this.grants.size === 0;
	}

	level(userId: string, row: SRecord): AccessLevel {
		const explicit = this.grants.get(String(row['Id']))?.get(userId);
		if (explicit) return explicit;
		const owner = String(row['OwnerId']);
		if (owner === userId || userId === this.adminId()) return 'edit';
		// UNCONFIRMED: a queue-owned Task is editable by the queue's members only (and the admin).
		const queue = this.queues.get(owner);
		if (queue) return queue.members.has(userId) ? 'edit' : 'none';
		return this.sharing === 'public' ? 'edit' : 'none';
	}

	can(userId: string, row: SRecord, need: Exclude<AccessLevel, 'none'>): boolean {
		return RANK[this.level(userId, row)] >= RANK[need];
	}
}
