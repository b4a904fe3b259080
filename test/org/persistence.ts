// `dataFile`: the org saved as JSON (debounced after changes, and on close) and reloaded on start, so the
// demo org survives restarts. Sessions are kept too, so a printed session id stays usable, and so are the
// OAuth apps, API Access Control and refresh tokens (a connected extension stays connected, §13.1).

import {existsSync, mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import {dirname} from 'node:path';
import type {OAuthApp, RefreshToken} from './oauth/oauth.js';
import type {Org} from './org.js';
import type {TaskPriorityValue, TaskStatusValue} from './records/picklists.js';
import type {Session} from './records/sessions.js';
import type {SRecord} from './records/store.js';
import type {TaskRow} from './records/tasks.js';

const FORMAT = 'tickler-local-org/1';

export type OrgSnapshot = {
	format: string;
	savedAt: string;
	tables: Record<string, SRecord[]>;
	recycleBin: [string, number][];
	earliestDeletedAvailable: number;
	statuses: TaskStatusValue[];
	priorities: TaskPriorityValue[];
	sessions: Session[];
	/** Absent in files saved before OAuth existed. */
	oauth?: {apps: OAuthApp[]; refreshTokens: RefreshToken[]; apiAccessControl: boolean; useAnyApiClient?: string[]};
};

const SKIP = new Set(['TaskStatus', 'TaskPriority']);

export function snapshot(org: Org): OrgSnapshot {
	const tables: Record<string, SRecord[]> = {};
	for (const name of org.store.objects()) if (!SKIP.has(name)) tables[name] = [...org.store.table(name).values()];
	return {
		format: FORMAT,
		savedAt: org.clock.now().toISOString(),
		tables,
		recycleBin: [...org.tasks.recycleBin],
		earliestDeletedAvailable: org.tasks.earliestDeletedAvailable,
		statuses: org.picklists.statusList(),
		priorities: org.picklists.priorityList(),
		sessions: org.sessions.list(),
		oauth: {...org.oauth.snapshot(), apiAccessControl: org.apiAccessControl, useAnyApiClient: [...org.useAnyApiClient]},
	};
}

export function saveOrg(org: Org, file: string): void {
	mkdirSync(dirname(file), {recursive: true});
	const tmp = `${file}.tmp`;
	writeFileSync(tmp, JSON.stringify(snapshot(org)));
	renameSync(tmp, file); // atomic replace: a crash mid-write never leaves a half file
}

/** Loads a saved org into a fresh Org; returns false when the file does not exist. */
export function loadOrg(org: Org, file: string): boolean {
	if (!existsSync(file)) return false;
	const snap = JSON.parse(readFileSync(file, 'utf8')) as OrgSnapshot;
	if (snap.format !== FORMAT) throw new Error(`${file}: not a local org data file`);
	restoreOrg(org, snap);
	return true;
}

/**
 * Puts a snapshot's records, sessions and OAuth state into a fresh Org (loadOrg's file, or a snapshot kept
 * in memory: the model test restores its setup this way, test/sync/model-start.ts). The rows are taken as
 * they are: pass a copy when the snapshot is used again.
 */
export function restoreOrg(org: Org, snap: OrgSnapshot): void {
	org.setTaskStatuses(snap.statuses);
	org.setTaskPriorities(snap.priorities);
	for (const [name, rows] of Object.entries(snap.tables)) {
		for (const row of rows) {
			org.ids.observe(String(row['Id']));
			if (name === 'Task') org.tasks.insertRaw(row as TaskRow);
			else org.store.put(name, row);
		}
	}
	for (const [id, at] of snap.recycleBin) org.tasks.recycleBin.set(id, at);
	org.tasks.earliestDeletedAvailable = snap.earliestDeletedAvailable;
	for (const s of snap.sessions) org.sessions.restore(s);
	if (snap.oauth) {
		org.oauth.restore(snap.oauth);
		org.setApiAccessControl(snap.oauth.apiAccessControl);
		for (const id of snap.oauth.useAnyApiClient ?? []) org.useAnyApiClient.add(id);
	}
}

/** Saves `debounceMs` after the last change; `flush()` saves now (used by close()). */
export function persist(org: Org, file: string, debounceMs = 300): {flush(): void; stop(): void} {
	let timer: NodeJS.Timeout | undefined;
	let dirty = false;
	const flush = (): void => {
		if (timer) clearTimeout(timer);
		timer = undefined;
		if (!dirty) return;
		dirty = false;
		saveOrg(org, file);
	};
	const off = org.onChange(() => {
		dirty = true;
		if (timer) clearTimeout(timer);
		timer = setTimeout(flush, debounceMs);
		timer.unref();
	});
	return {
		flush,
		stop: () => {
			off();
			flush();
		},
	};
}
