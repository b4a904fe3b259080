// Task rules: defaults, derived fields, create-only fields, soft delete / recycle bin, archive
// (salesforce-facts.md §3, §4.2, §7.2, §7.4).

import {addDays, ymdInZone} from '../soql/dates.js';
import {SfError, entityIsDeleted, notFound} from '../api/errors.js';
import {coerceFields} from '../api/field-input.js';
import {
	PATTERN_FIELDS,
	REGENERATE,
	REGENERATING_FIELDS,
	checkPattern,
	checkRepeat,
	occurrenceDates,
	regeneratedDueDate,
	repeatsOnClose,
} from './recurrence.js';
import type {WriteMode} from '../api/field-input.js';
import type {IdFactory} from './ids.js';
import type {Picklists} from './picklists.js';
import {TASK, objectForId} from './schema.js';
import type {FieldValue, SRecord, Store} from './store.js';

/** A Task as stored: dateTimes are epoch ms, ActivityDate is 'YYYY-MM-DD'. */
export type TaskRow = SRecord & {
	Id: string;
	Subject: string | null;
	Status: string;
	Priority: string;
	ActivityDate: string | null;
	Description: string | null;
	OwnerId: string;
	WhoId: string | null;
	WhatId: string | null;
	TaskSubtype: string | null;
	IsRecurrence: boolean;
	IsClosed: boolean;
	IsHighPriority: boolean;
	IsArchived: boolean;
	IsDeleted: boolean;
	CreatedDate: number;
	CreatedById: string;
	LastModifiedDate: number;
	LastModifiedById: string;
	SystemModstamp: number;
	CompletedDateTime: number | null;
};

export type TaskFilter = {ownerId?: string; includeDeleted?: boolean; includeArchived?: boolean};

const DAY = 86_400_000;
const ARCHIVE_AGE_DAYS = 365;
/** §4.2: deleted records stay in the recycle bin / delete log for 15 days. */
export const RECYCLE_BIN_DAYS = 15;

export type SaveHook = (
	op: 'create' | 'update',
	next: TaskRow,
	prev: TaskRow | undefined,
	asUserId: string,
	mode: WriteMode,
) => void;

export type TaskDeps = {
	store: Store;
	ids: IdFactory;
	picklists: Picklists;
	now: () => number;
	createdAt: number;
	/** A user's time zone (IANA): a repeating Task closed "today" repeats from the owner's today (§14.3). */
	zoneOf: (userId: string) => string;
};

export class Tasks {
	private readonly d: TaskDeps;
	/** id → deletedDate (ms) for rows in the recycle bin. */
	readonly recycleBin = new Map<string, number>();
	/** §4.2 getDeleted `earliestDateAvailable`: moves forward when deleted rows are purged. */
	earliestDeletedAvailable: number;
	private lastModstamp = 0;
	/**
	 * The second every write of the current write stamps (R36, salesforce-facts.md §13.6): real orgs store
	 * audit dateTimes to the second and one request (a 200-record collections write, a composite batch)
	 * stamps all its rows alike. A "write" is one synchronous turn of the org — an HTTP request is
	 * dispatched synchronously — so the second is held until the next microtask or an explicit clock move.
	 */
	private writeSecond: number | undefined;
	/** Runs on every create/update just before the row is stored (R37 validation rules); throwing refuses it. */
	beforeSave: SaveHook | undefined;

	constructor(d: TaskDeps) {
		this.d = d;
		this.earliestDeletedAvailable = Math.floor(d.createdAt / 60_000) * 60_000;
	}

	/**
	 * The write time of this write: whole seconds (§13.6), never before an earlier write's stamp (so
	 * SystemModstamp order still follows write order), and the same for every row of one write (R36 ties).
	 */
	private stamp(): number {
		if (this.writeSecond !== undefined) return this.writeSecond;
		const t = Math.max(wholeSecond(this.d.now()), this.lastModstamp);
		this.lastModstamp = t;
		this.writeSecond = t;
		queueMicrotask(() => this.endWrite());
		return t;
	}

	/** Ends the current write: the next write reads the clock again (called on every clock move too). */
	endWrite(): void {
		this.writeSecond = undefined;
	}

	/** Runs `fn` as one write: every row it creates, updates or deletes gets the same whole-second stamp. */
	oneWrite<T>(fn: () => T): T {
		const outer = this.writeSecond === undefined;
		this.stamp();
		try {
			return fn();
		} finally {
			if (outer) this.endWrite();
		}
	}

	/** Fast path for generators and reloads: rows are stored as given (already valid and derived). */
	insertRaw(row: TaskRow): void {
		this.d.store.put('Task', row);
		if (row.SystemModstamp > this.lastModstamp) this.lastModstamp = wholeSecond(row.SystemModstamp);
	}

	get(id: string): TaskRow | undefined {
		return this.d.store.get('Task', id) as TaskRow | undefined;
	}

	/** A live (not deleted) row or the right 404 (§3): ENTITY_IS_DELETED for recycle-bin rows on writes. */
	live(id: string, forWrite: boolean): TaskRow {
		const row = this.get(id);
		if (!row) throw notFound();
		if (row.IsDeleted) throw forWrite ? entityIsDeleted() : notFound();
		return row;
	}

	create(asUserId: string, fields: Record<string, unknown>, mode: Exclude<WriteMode, 'update'> = 'create'): TaskRow {
		const input = coerceFields(TASK, fields, mode);
		this.checkRefs(input);
		const now = this.stamp();
		const row: SRecord = {};
		for (const f of TASK.fields) row[f.name] = f.type === 'boolean' ? false : null;
		Object.assign(row, {
			Id: this.d.ids.next('00T'),
			Status: this.d.picklists.defaultStatus(),
			Priority: this.d.picklists.defaultPriority(),
			OwnerId: asUserId,
			TaskSubtype: 'Task',
			CreatedDate: now,
			CreatedById: asUserId,
			LastModifiedDate: now,
			LastModifiedById: asUserId,
			SystemModstamp: now,
			WhoCount: 0,
			WhatCount: 0,
			...input,
		});
		if (row['Status'] === null) throw requiredMissing('Status');
		if (row['Priority'] === null) throw requiredMissing('Priority');
		const task = row as TaskRow;
		truncateAuditFields(task);
		if (task.IsRecurrence) {
			// OBJ:task: ActivityDate "can't be set or updated for a recurring task" (code UNCONFIRMED).
			if (input['ActivityDate'] !== undefined && input['ActivityDate'] !== null && mode !== 'system')
				throw recurrenceRefusal('ActivityDate');
			checkPattern(task);
		}
		checkRepeat(task);
		const dates = task.IsRecurrence ? occurrenceDates(task) : [];
		// UNCONFIRMED: the master's own due date is its first occurrence's.
		if (task.IsRecurrence) task.ActivityDate = dates[0] ?? null;
		this.derive(task, undefined, now);
		this.beforeSave?.('create', task, undefined, asUserId, mode);
		this.d.store.put('Task', task);
		if (task.IsRecurrence) this.createOccurrences(asUserId, task, dates);
		return task;
	}

	update(
		asUserId: string,
		id: string,
		fields: Record<string, unknown>,
		mode: Exclude<WriteMode, 'create'> = 'update',
	): TaskRow {
		const prev = this.live(id, true);
		const input = coerceFields(TASK, fields, mode);
		this.checkRefs(input);
		if ('Status' in input && input['Status'] === null) throw requiredMissing('Status');
		if ('Priority' in input && input['Priority'] === null) throw requiredMissing('Priority');
		if (prev.IsRecurrence && mode !== 'system')
			for (const f of ['ActivityDate', 'Status']) if (f in input && input[f] !== prev[f]) throw recurrenceRefusal(f); // OBJ:task / §13.5
		const now = this.stamp();
		const next = {...prev, ...input, LastModifiedDate: now, LastModifiedById: asUserId, SystemModstamp: now} as TaskRow;
		if (mode === 'system') Object.assign(next, input);
		truncateAuditFields(next);
		const changed = (f: string): boolean => f in input && input[f] !== prev[f];
		const newPattern = prev.IsRecurrence && PATTERN_FIELDS.some(changed);
		const regenerate = prev.IsRecurrence && REGENERATING_FIELDS.some(changed);
		if (newPattern) checkPattern(next);
		checkRepeat(next);
		const dates = newPattern ? occurrenceDates(next) : [];
		this.derive(next, prev, now);
		// §14.3: closing a repeating Task makes the next one; the closed one is marked as repeated (UNCONFIRMED).
		const repeat = !prev.IsClosed && next.IsClosed && repeatsOnClose(next) ? {...next} : undefined;
		if (repeat) next['RecurrenceRegeneratedType'] = REGENERATE.done;
		this.beforeSave?.('update', next, prev, asUserId, mode);
		this.d.store.put('Task', next);
		if (regenerate) {
			// §13.5, §14.3 / OBJ:task: a new start or pattern deletes the OPEN occurrences and creates new ones;
			// closed ones stay.
			for (const o of this.occurrences(id)) if (!o.IsClosed) this.delete(asUserId, o.Id);
			this.createOccurrences(asUserId, next, dates);
		} else if (newPattern) {
			// §14.3: only the end moved. Earlier: the open occurrences after it go; later: the dates up to it come.
			const oldEnd = String(prev['RecurrenceEndDateOnly']);
			const newEnd = String(next['RecurrenceEndDateOnly']);
			for (const o of this.occurrences(id))
				if (!o.IsClosed && o.ActivityDate !== null && o.ActivityDate > newEnd) this.delete(asUserId, o.Id);
			this.createOccurrences(
				asUserId,
				next,
				dates.filter(d => d > oldEnd),
			);
		}
		if (repeat) this.repeat(asUserId, repeat, now);
		return next;
	}

	/** §14.3: the next Task of a repeating one, made by Salesforce in the same save (a system write). */
	private repeat(asUserId: string, closed: TaskRow, now: number): TaskRow {
		const copied: Record<string, unknown> = {};
		for (const f of [
			'Subject',
			'Description',
			'Priority',
			'WhoId',
			'WhatId',
			'OwnerId',
			'Type',
			'TaskSubtype',
			'RecurrenceRegeneratedType',
			'RecurrenceInterval',
		])
			copied[f] = closed[f];
		const closedOn = ymdInZone(now, this.d.zoneOf(closed.OwnerId));
		return this.create(asUserId, {...copied, ActivityDate: regeneratedDueDate(closed, closedOn)}, 'system');
	}

	/** Soft delete to the recycle bin (§7.4 "Deletion"); DELETE of a deleted row is ENTITY_IS_DELETED (§3). */
	delete(asUserId: string, id: string): void {
		const prev = this.live(id, true);
		// OBJ:task: deleting a series through the API removes all its occurrences, open and closed.
		if (prev.IsRecurrence) for (const o of this.occurrences(id)) this.delete(asUserId, o.Id);
		const now = this.stamp();
		// UNCONFIRMED: a delete bumps SystemModstamp/LastModifiedDate as queryAll shows on real orgs.
		this.d.store.put('Task', {
			...prev,
			IsDeleted: true,
			LastModifiedDate: now,
			LastModifiedById: asUserId,
			SystemModstamp: now,
		});
		this.recycleBin.set(id, now);
	}

	/** The live occurrences of a series master (R35). */
	occurrences(masterId: string): TaskRow[] {
		const out: TaskRow[] = [];
		for (const r of this.d.store.table('Task').values())
			if (r['RecurrenceActivityId'] === masterId && r['IsDeleted'] !== true) out.push(r as TaskRow);
		return out.sort((a, b) => String(a.ActivityDate).localeCompare(String(b.ActivityDate)) || a.Id.localeCompare(b.Id));
	}

	/** Occurrences are ordinary Tasks: IsRecurrence false, RecurrenceActivityId = the master (§13.5). */
	private createOccurrences(asUserId: string, master: TaskRow, dates: string[]): void {
		const copied: Record<string, unknown> = {};
		for (const f of [
			'Subject',
			'Description',
			'Priority',
			'Status',
			'WhoId',
			'WhatId',
			'OwnerId',
			'Type',
			'TaskSubtype',
		])
			copied[f] = master[f];
		for (const ActivityDate of dates)
			this.create(asUserId, {...copied, ActivityDate, IsRecurrence: false, RecurrenceActivityId: master.Id}, 'system');
	}

	/** SOAP `undelete` (§7.1); REST has none, so this is test/page-only. UNCONFIRMED: bumps SystemModstamp. */
	undelete(id: string): TaskRow {
		const prev = this.get(id);
		if (!prev) throw notFound();
		if (!prev.IsDeleted) return prev;
		const now = this.stamp();
		const next = {...prev, IsDeleted: false, SystemModstamp: now} as TaskRow;
		this.d.store.put('Task', next);
		this.recycleBin.delete(id);
		return next;
	}

	/** Physically removes recycle-bin rows deleted before `olderThan` (default: all) and moves earliestDateAvailable. */
	purge(olderThan = Infinity): number {
		let purged = 0;
		for (const [id, deletedAt] of this.recycleBin) {
			if (deletedAt >= olderThan) continue;
			this.d.store.remove('Task', id);
			this.recycleBin.delete(id);
			// SOAP getDeletedResult: earliestDateAvailable is the time of the last physically deleted record;
			// rounded UP to the minute so `start >= earliestDateAvailable` never hides a purged delete (UNCONFIRMED rounding).
			this.earliestDeletedAvailable = Math.max(
				this.earliestDeletedAvailable,
				Math.ceil((deletedAt + 1) / 60_000) * 60_000,
			);
			purged++;
		}
		return purged;
	}

	/** §7.4: closed and ActivityDate ≥365 days old, or no date and created ≥365 days ago ⇒ IsArchived. */
	sweepArchive(): void {
		const now = this.d.now();
		const cutoff = archiveCutoff(now);
		for (const r of this.d.store.table('Task').values()) {
			const row = r as TaskRow;
			const archived = isArchivable(row, now, cutoff);
			if (archived !== row.IsArchived) row.IsArchived = archived;
		}
	}

	list(filter: TaskFilter = {}): TaskRow[] {
		const out: TaskRow[] = [];
		for (const r of this.d.store.candidates('Task', filter.ownerId ? [filter.ownerId] : undefined)) {
			const row = r as TaskRow;
			if (row.IsDeleted && !filter.includeDeleted) continue;
			if (row.IsArchived && filter.includeArchived === false) continue;
			out.push(row);
		}
		return out;
	}

	/** Derived fields: IsClosed/IsHighPriority from the picklist tables, CompletedDateTime, AccountId (§7.2). */
	private derive(row: TaskRow, prev: TaskRow | undefined, now: number): void {
		row.IsClosed = this.d.picklists.isClosed(row.Status);
		row.IsHighPriority = this.d.picklists.isHigh(row.Priority);
		// §14.4 (Task object reference, CompletedDateTime): set when a Task is closed, set again when it is saved
		// with a *different* closed status, kept while the closed status stays; a system write may give it.
		if (!row.IsClosed)
			row.CompletedDateTime = null; // UNCONFIRMED: reopening clears it.
		else if (prev === undefined) row.CompletedDateTime ??= now;
		else if (row.CompletedDateTime !== prev.CompletedDateTime) row.CompletedDateTime ??= now;
		else if (!prev.IsClosed || prev.Status !== row.Status) row.CompletedDateTime = now;
		else row.CompletedDateTime ??= now;
		row.IsArchived = isArchivable(row, now);
		row['WhoCount'] = row.WhoId ? 1 : 0;
		row['WhatCount'] = row.WhatId ? 1 : 0;
		row['AccountId'] = this.accountOf(row.WhatId) ?? this.accountOf(row.WhoId);
	}

	private accountOf(id: string | null): string | null {
		if (!id) return null;
		const hit = this.d.store.find(id);
		if (!hit) return null;
		if (hit.object === 'Account') return id;
		const acc: FieldValue | undefined = hit.record['AccountId'];
		return typeof acc === 'string' ? acc : null;
	}

	/**
	 * Reference fields must point at an existing record of an allowed type. A well-formed id of the wrong type
	 * is FIELD_INTEGRITY_EXCEPTION `<Field label>: id value of incorrect type: <id>` (salesforce-facts.md §14.6);
	 * an OwnerId of the right type that names no user or queue is INVALID_CROSS_REFERENCE_KEY (§6, wording
	 * UNCONFIRMED).
	 */
	private checkRefs(input: SRecord): void {
		for (const name of ['OwnerId', 'WhoId', 'WhatId'] as const) {
			const v = input[name];
			if (typeof v !== 'string') continue;
			const def = TASK.byLower.get(name.toLowerCase());
			const target = objectForId(v);
			const rightType = target !== undefined && def?.referenceTo?.includes(target.name) === true;
			if (rightType && this.d.store.get(target.name, v)) continue;
			const label = def?.label ?? name;
			throw rightType && name === 'OwnerId'
				? new SfError(400, 'INVALID_CROSS_REFERENCE_KEY', `${label}: invalid cross reference id`, [name])
				: new SfError(400, 'FIELD_INTEGRITY_EXCEPTION', `${label}: id value of incorrect type: ${v}`, [name]);
		}
	}
}

/** §7.4 archive rule, evaluated on the org clock's UTC date (the real job's time zone is UNCONFIRMED). */
export function isArchivable(row: TaskRow, now: number, cutoffYmd = archiveCutoff(now)): boolean {
	if (!row.IsClosed) return false;
	if (row.ActivityDate !== null) return row.ActivityDate <= cutoffYmd;
	return row.CreatedDate <= now - ARCHIVE_AGE_DAYS * DAY;
}

function archiveCutoff(now: number): string {
	return addDays(ymdInZone(now, 'UTC'), -ARCHIVE_AGE_DAYS);
}

/** Whole seconds, as a real org stores every dateTime it stamps (§13.6: `…T10:09:49.000+0000`). */
export function wholeSecond(ms: number): number {
	return Math.floor(ms / 1000) * 1000;
}

/** A system write may set audit fields (seeding, "another user did it"); they are still stored to the second. */
function truncateAuditFields(row: TaskRow): void {
	row.CreatedDate = wholeSecond(row.CreatedDate);
	row.LastModifiedDate = wholeSecond(row.LastModifiedDate);
	row.SystemModstamp = wholeSecond(row.SystemModstamp);
	if (row.CompletedDateTime !== null) row.CompletedDateTime = wholeSecond(row.CompletedDateTime);
}

/** UNCONFIRMED code/message: the reference says these can't be set on a series master; the real error is unrecorded. */
function recurrenceRefusal(field: string): SfError {
	return new SfError(
		400,
		'FIELD_INTEGRITY_EXCEPTION',
		`${field}: You can't change this field on a recurring task series`,
		[field],
	);
}

function requiredMissing(field: string): SfError {
	return new SfError(400, 'REQUIRED_FIELD_MISSING', `Required fields are missing: [${field}]`, [field]);
}
