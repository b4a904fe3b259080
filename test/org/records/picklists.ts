// TaskStatus / TaskPriority: org-configurable, queryable picklist tables that derive IsClosed and
// IsHighPriority (salesforce-facts.md §7.2, §7.4). Default values are the standard set (INFERRED there).

import type {IdFactory} from './ids.js';
import type {SRecord, Store} from './store.js';

export type TaskStatusValue = {
	ApiName: string;
	MasterLabel?: string;
	IsClosed: boolean;
	IsDefault: boolean;
	SortOrder: number;
};
export type TaskPriorityValue = {
	ApiName: string;
	MasterLabel?: string;
	IsHighPriority: boolean;
	IsDefault: boolean;
	SortOrder: number;
};

export const STANDARD_STATUSES: TaskStatusValue[] = [
	{ApiName: 'Not Started', IsClosed: false, IsDefault: true, SortOrder: 1},
	{ApiName: 'In Progress', IsClosed: false, IsDefault: false, SortOrder: 2},
	{ApiName: 'Completed', IsClosed: true, IsDefault: false, SortOrder: 3},
	{ApiName: 'Waiting on someone else', IsClosed: false, IsDefault: false, SortOrder: 4},
	{ApiName: 'Deferred', IsClosed: false, IsDefault: false, SortOrder: 5},
];

export const STANDARD_PRIORITIES: TaskPriorityValue[] = [
	{ApiName: 'High', IsHighPriority: true, IsDefault: false, SortOrder: 1},
	{ApiName: 'Normal', IsHighPriority: false, IsDefault: true, SortOrder: 2},
	{ApiName: 'Low', IsHighPriority: false, IsDefault: false, SortOrder: 3},
];

export class Picklists {
	private statuses = new Map<string, TaskStatusValue>();
	private priorities = new Map<string, TaskPriorityValue>();
	private readonly store: Store;
	private readonly ids: IdFactory;
	private readonly audit: () => SRecord;

	constructor(store: Store, ids: IdFactory, audit: () => SRecord) {
		this.store = store;
		this.ids = ids;
		this.audit = audit;
		this.setStatuses(STANDARD_STATUSES);
		this.setPriorities(STANDARD_PRIORITIES);
	}

	setStatuses(values: TaskStatusValue[]): void {
		this.statuses = new Map(values.map(v => [v.ApiName, v]));
		this.store.clearObject('TaskStatus');
		for (const v of values)
			this.store.put('TaskStatus', {
				...this.audit(),
				Id: this.ids.next('01J'),
				MasterLabel: v.MasterLabel ?? v.ApiName,
				ApiName: v.ApiName,
				SortOrder: v.SortOrder,
				IsDefault: v.IsDefault,
				IsClosed: v.IsClosed,
			});
	}

	setPriorities(values: TaskPriorityValue[]): void {
		this.priorities = new Map(values.map(v => [v.ApiName, v]));
		this.store.clearObject('TaskPriority');
		for (const v of values)
			this.store.put('TaskPriority', {
				...this.audit(),
				Id: this.ids.next('01J'),
				MasterLabel: v.MasterLabel ?? v.ApiName,
				ApiName: v.ApiName,
				SortOrder: v.SortOrder,
				IsDefault: v.IsDefault,
				IsHighPriority: v.IsHighPriority,
			});
	}

	statusList(): TaskStatusValue[] {
		return [...this.statuses.values()].sort((a, b) => a.SortOrder - b.SortOrder);
	}

	priorityList(): TaskPriorityValue[] {
		return [...this.priorities.values()].sort((a, b) => a.SortOrder - b.SortOrder);
	}

	/** §3: unknown Status values are accepted and count as open (INFERRED). */
	isClosed(status: string | null): boolean {
		return status !== null && this.statuses.get(status)?.IsClosed === true;
	}

	isHigh(priority: string | null): boolean {
		return priority !== null && this.priorities.get(priority)?.IsHighPriority === true;
	}

	defaultStatus(): string {
		return this.statusList().find(s => s.IsDefault)?.ApiName ?? this.statusList()[0]?.ApiName ?? 'Not Started';
	}

	defaultPriority(): string {
		return this.priorityList().find(p => p.IsDefault)?.ApiName ?? this.priorityList()[0]?.ApiName ?? 'Normal';
	}

	/** The first closed status, used by the pages' "Complete" button. */
	closedStatus(): string | undefined {
		return this.statusList().find(s => s.IsClosed)?.ApiName;
	}
}
