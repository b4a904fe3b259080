/**
 * An in-memory SalesforcePort for fast engine unit tests (engineering guide §4, Replicache MemStore
 * style). It understands exactly the queries the engine sends: the pull (`OwnerId = … AND SystemModstamp
 * >= … ORDER BY SystemModstamp, Id`) and reconciliation (`Id IN (…)`). Integration tests use the local
 * org over HTTP instead.
 */
import {SalesforceApiError} from '@/background/salesforce/errors.js';
import type {
	Identity,
	QueryPage,
	SalesforcePort,
	SaveResult,
	TaskRow,
	TaskWrite,
} from '@/background/salesforce/salesforce-port.js';
import type {TaskPriorityValue, TaskStatusValue} from '@/shared/store/schema.js';

export const FAKE_ORG = '00D000000000001AAA';
export const FAKE_USER = '005000000000001AAA';

const STATUSES: TaskStatusValue[] = [
	{apiName: 'Not Started', label: 'Not Started', isClosed: false, isDefault: true},
	{apiName: 'In Progress', label: 'In Progress', isClosed: false, isDefault: false},
	{apiName: 'Completed', label: 'Completed', isClosed: true, isDefault: false},
];
const PRIORITIES: TaskPriorityValue[] = [
	{apiName: 'High', label: 'High', isHighPriority: true, isDefault: false},
	{apiName: 'Normal', label: 'Normal', isHighPriority: false, isDefault: true},
	{apiName: 'Low', label: 'Low', isHighPriority: false, isDefault: false},
];

type StoredTask = Omit<TaskRow, 'CreatedDate' | 'LastModifiedDate' | 'SystemModstamp'> & {
	created: number;
	modified: number;
};

export type FakeSalesforce = SalesforcePort & {
	tasks: Map<string, StoredTask>;
	now: number;
	pageSize: number;
	identityValue: Identity;
	usage: {used: number; limit: number};
	/** Per-record refusal: return a statusCode to refuse that write. */
	refuse?: (write: TaskWrite & {Id?: string}) => string | undefined;
	/** Whole-request failure for the next call of a method. */
	failNext?: {method: keyof SalesforcePort; error: Error};
	createTask(fields: Partial<StoredTask>): StoredTask;
	calls: string[];
};

function iso(ms: number): string {
	return new Date(ms).toISOString().replace('Z', '+0000');
}

function toRow(t: StoredTask): TaskRow {
	const {created, modified, ...rest} = t;
	return {...rest, CreatedDate: iso(created), LastModifiedDate: iso(modified), SystemModstamp: iso(modified)};
}

export function createFakeSalesforce(start = Date.parse('2026-03-05T09:00:00Z')): FakeSalesforce {
	let counter = 0;
	const nextId = () => `00T${String(++counter).padStart(12, '0')}AAA`;
	const tick = () => ++fake.now;
	const gate = (method: keyof SalesforcePort) => {
		fake.calls.push(method);
		fake.usage.used++;
		if (fake.failNext?.method === method) {
			const {error} = fake.failNext;
			delete fake.failNext;
			throw error;
		}
	};
	const cursors = new Map<string, TaskRow[]>();
	const page = (rows: TaskRow[]): QueryPage<unknown> => {
		const records = rows.slice(0, fake.pageSize);
		const rest = rows.slice(fake.pageSize);
		if (rest.length === 0) return {records, done: true, totalSize: rows.length};
		const url = `/services/data/v62.0/query/cursor-${cursors.size + 1}`;
		cursors.set(url, rest);
		return {records, done: false, nextRecordsUrl: url, totalSize: rows.length};
	};
	const fake: FakeSalesforce = {
		tasks: new Map(),
		now: start,
		pageSize: 2000,
		identityValue: {
			orgId: FAKE_ORG,
			userId: FAKE_USER,
			username: 'rep@example.com',
			displayName: 'Rita Rep',
			instanceHost: 'acme.my.salesforce.com',
		},
		usage: {used: 0, limit: 100_000},
		calls: [],
		createTask(fields) {
			const at = tick();
			const task: StoredTask = {
				Id: nextId(),
				Subject: 'Task',
				Status: 'Not Started',
				Priority: 'Normal',
				ActivityDate: null,
				Description: null,
				ReminderDateTime: null,
				IsReminderSet: false,
				OwnerId: FAKE_USER,
				TaskSubtype: 'Task',
				IsRecurrence: false,
				IsArchived: false,
				IsDeleted: false,
				IsClosed: false,
				WhoId: null,
				WhatId: null,
				created: at,
				modified: at,
				...fields,
			};
			fake.tasks.set(task.Id, task);
			return task;
		},
		async identity() {
			gate('identity');
			return fake.identityValue;
		},
		async query<T>(soql: string, options: {includeDeleted: boolean}) {
			gate('query');
			const ids = /Id IN \(([^)]*)\)/.exec(soql);
			let rows = [...fake.tasks.values()].map(toRow);
			if (ids) {
				const wanted = new Set(ids[1]?.split(',').map(s => s.trim().replaceAll("'", '')));
				rows = rows.filter(r => wanted.has(r.Id));
			} else {
				const owner = /OwnerId = '([^']+)'/.exec(soql)?.[1];
				const since = Date.parse(/SystemModstamp >= (\S+)/.exec(soql)?.[1] ?? '');
				rows = rows.filter(r => r.OwnerId === owner && Date.parse(r.SystemModstamp.replace('+0000', 'Z')) >= since);
				rows.sort((a, b) => a.SystemModstamp.localeCompare(b.SystemModstamp) || a.Id.localeCompare(b.Id));
			}

			if (!options.includeDeleted) rows = rows.filter(r => !r.IsDeleted && !r.IsArchived);
			return page(rows) as QueryPage<T>;
		},
		async queryMore<T>(url: string) {
			gate('queryMore');
			const rows = cursors.get(url);
			if (!rows) throw new SalesforceApiError('INVALID_QUERY_LOCATOR', 'invalid query locator', {status: 400});
			cursors.delete(url);
			return page(rows) as QueryPage<T>;
		},
		async taskPicklists() {
			gate('taskPicklists');
			return {statuses: STATUSES, priorities: PRIORITIES};
		},
		async createTasks(records) {
			gate('createTasks');
			if (records.length > 200) throw new SalesforceApiError('EXCEEDED_MAX_SIZE_REQUEST', 'too many', {status: 400});
			return records.map((write): SaveResult => {
				const refused = fake.refuse?.(write);
				if (refused) return {success: false, errors: [{statusCode: refused, message: 'refused', fields: []}]};
				const task = fake.createTask({
					...write,
					Status: write.Status ?? 'Not Started',
					Priority: write.Priority ?? 'Normal',
					ActivityDate: write.ActivityDate ?? null,
					Description: write.Description ?? null,
					Subject: write.Subject ?? null,
				});
				return {success: true, id: task.Id};
			});
		},
		async updateTasks(records) {
			gate('updateTasks');
			return records.map((write): SaveResult => {
				const task = fake.tasks.get(write.Id);
				if (!task || task.IsDeleted)
					return {
						success: false,
						errors: [{statusCode: task ? 'ENTITY_IS_DELETED' : 'NOT_FOUND', message: 'gone', fields: []}],
					};
				const refused = fake.refuse?.(write);
				if (refused) return {success: false, errors: [{statusCode: refused, message: 'refused', fields: []}]};
				const {Id: _id, ...fields} = write;
				Object.assign(task, fields, {modified: tick()});
				return {success: true, id: task.Id};
			});
		},
		async deleteTasks(ids) {
			gate('deleteTasks');
			return ids.map((id): SaveResult => {
				const task = fake.tasks.get(id);
				if (!task || task.IsDeleted)
					return {success: false, errors: [{statusCode: 'ENTITY_IS_DELETED', message: 'gone', fields: []}]};
				Object.assign(task, {IsDeleted: true, modified: tick()});
				return {success: true, id};
			});
		},
		requestCount: () => fake.calls.length,
		responseMeta: () => ({apiUsage: {...fake.usage}, clockOffsetMs: 0}),
	};
	return fake;
}
