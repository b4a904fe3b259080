/**
 * What the sync engine needs from Salesforce (engineering guide §4 "Ports"). The jsforce adapter
 * implements it over HTTP; test/fakes/salesforce-port.ts implements it in memory.
 */
import type {TaskPriorityValue, TaskStatusValue} from '@/shared/store/schema.js';

/** The Task fields the engine reads. Values are as Salesforce serializes them (salesforce-facts.md §2.6). */
export type TaskRow = {
	Id: string;
	Subject: string | null;
	Status: string | null;
	Priority: string | null;
	ActivityDate: string | null;
	Description: string | null;
	/** R32: when Salesforce's own reminder fires (UTC), kept after it fired (docs/salesforce-facts.md §13.3). */
	ReminderDateTime: string | null;
	/** R32: Salesforce's own reminder is set; reads false once it has fired (docs/salesforce-facts.md §13.3). */
	IsReminderSet: boolean;
	OwnerId: string;
	TaskSubtype: string | null;
	IsRecurrence: boolean;
	IsArchived: boolean;
	IsDeleted: boolean;
	IsClosed: boolean;
	CreatedDate: string;
	LastModifiedDate: string;
	SystemModstamp: string;
	/** R33: the Contact or Lead the Task is about (§13.4). */
	WhoId: string | null;
	/** R33: the Account, Opportunity, Case, … the Task is about (§13.4). */
	WhatId: string | null;
	/**
	 * R33: the parent relationships read in the same query (`Who.Name, Who.Type`, `What.Name, What.Type`):
	 * a nested object (`{attributes, Name, Type}`), null when the id is null (docs/salesforce-facts.md §2.2,
	 * §13.4). Optional: rows from reads that do not select them (a badge lookup, a fake) lack them.
	 */
	Who?: RelatedParent | null;
	What?: RelatedParent | null;
};

/** A polymorphic parent as a SOQL row carries it; `attributes.type` is `Name` for Who/What (§13.4). */
export type RelatedParent = {Name?: string | null; Type?: string | null};

export const TASK_FIELDS = [
	'Id',
	'Subject',
	'Status',
	'Priority',
	'ActivityDate',
	'Description',
	'ReminderDateTime',
	'IsReminderSet',
	'OwnerId',
	'TaskSubtype',
	'IsRecurrence',
	'IsArchived',
	'IsDeleted',
	'IsClosed',
	'CreatedDate',
	'LastModifiedDate',
	'SystemModstamp',
	'WhoId',
	'WhatId',
] as const satisfies ReadonlyArray<keyof TaskRow>;

/**
 * R33: the related records' names and object types, read as parent relationship fields in the SAME query
 * as the Task rows (docs/salesforce-facts.md §2.2, §13.4) — never a request per reminder.
 */
export const TASK_RELATED_FIELDS = ['Who.Name', 'Who.Type', 'What.Name', 'What.Type'] as const;

export type QueryPage<T> = {records: T[]; done: boolean; nextRecordsUrl?: string; totalSize: number};

/** One result per record, in request order (sObject Collections, salesforce-facts.md §5.1). */
export type SaveResult =
	| {success: true; id: string}
	| {success: false; id?: string; errors: Array<{statusCode: string; message: string; fields: string[]}>};

export type Identity = {
	orgId: string;
	userId: string;
	username: string;
	displayName: string;
	instanceHost: string;
};

/**
 * Writable Task fields the engine sends (R8–R11, R33). `TaskWhoIds` is deliberately absent: sending it (or
 * naming it in `fieldsToNull`) rewrites or deletes every contact of a shared activity (§13.4, R33).
 */
export type TaskWrite = {
	Subject?: string;
	Status?: string;
	Priority?: string;
	ActivityDate?: string | null;
	Description?: string | null;
	/** R32: sent together, as reminder-mapping.ts decides. */
	ReminderDateTime?: string | null;
	IsReminderSet?: boolean;
	TaskSubtype?: 'Task';
	WhoId?: string | null;
	WhatId?: string | null;
};

export type ResponseMeta = {
	/** From `Sforce-Limit-Info: api-usage=N/M` of the latest response carrying it (R21). */
	apiUsage?: {used: number; limit: number};
	/** Server time minus local time, from the latest `Date` header (R16). */
	clockOffsetMs?: number;
};

export type SalesforcePort = {
	/** The session's user and org. Adapters cache it for the session's lifetime (no request per cycle). */
	identity(): Promise<Identity>;
	/** One page of a SOQL query; `includeDeleted` uses `queryAll` (deleted and archived rows too). */
	query<T>(soql: string, options: {includeDeleted: boolean}): Promise<QueryPage<T>>;
	queryMore<T>(nextRecordsUrl: string): Promise<QueryPage<T>>;
	/** TaskStatus and TaskPriority values, in one request (issue 4 "Discovery"). */
	taskPicklists(): Promise<{statuses: TaskStatusValue[]; priorities: TaskPriorityValue[]}>;
	/** At most 200 each (sObject Collections, allOrNone=false). */
	createTasks(records: TaskWrite[]): Promise<SaveResult[]>;
	updateTasks(records: Array<TaskWrite & {Id: string}>): Promise<SaveResult[]>;
	deleteTasks(ids: string[]): Promise<SaveResult[]>;
	/** HTTP requests sent so far through this port (R21 accounting). */
	requestCount(): number;
	/** What the latest responses said about usage and time. */
	responseMeta(): ResponseMeta;
};

export const MAX_BATCH = 200;
