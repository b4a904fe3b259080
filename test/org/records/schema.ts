// Field metadata for the objects the org emulates (salesforce-facts.md §7.2, §7.4). Names are canonical
// casing; lookups are case-insensitive (§3). Only the properties the emulator needs are modelled.

export type FieldType =
	'id' | 'string' | 'textarea' | 'picklist' | 'reference' | 'date' | 'datetime' | 'boolean' | 'int' | 'email';

export type FieldDef = {
	name: string;
	label: string;
	type: FieldType;
	length?: number;
	createable: boolean;
	updateable: boolean;
	nillable: boolean;
	filterable: boolean;
	referenceTo?: string[];
	relationshipName?: string;
	restrictedValues?: string[];
};

export type ObjectDef = {
	name: string;
	keyPrefix: string;
	fields: FieldDef[];
	byLower: Map<string, FieldDef>;
	relByLower: Map<string, FieldDef>;
};

type Spec = [name: string, type: FieldType, flags?: string, extra?: Partial<FieldDef>];

// flags: c = createable, u = updateable, n = nillable, F = not filterable
function obj(name: string, keyPrefix: string, specs: Spec[]): ObjectDef {
	const fields = specs.map(([fname, type, flags = '', extra = {}]): FieldDef => ({
		name: fname,
		label: extra.label ?? fname,
		type,
		createable: flags.includes('c'),
		updateable: flags.includes('u'),
		nillable: flags.includes('n'),
		filterable: !flags.includes('F'),
		...extra,
	}));
	const byLower = new Map(fields.map(f => [f.name.toLowerCase(), f]));
	const relByLower = new Map(
		fields.filter(f => f.relationshipName).map(f => [(f.relationshipName ?? '').toLowerCase(), f]),
	);
	return {name, keyPrefix, fields, byLower, relByLower};
}

const audit: Spec[] = [
	['CreatedDate', 'datetime'],
	['CreatedById', 'reference', '', {referenceTo: ['User'], relationshipName: 'CreatedBy'}],
	['LastModifiedDate', 'datetime'],
	['LastModifiedById', 'reference', '', {referenceTo: ['User'], relationshipName: 'LastModifiedBy'}],
	['SystemModstamp', 'datetime'],
];

/** Task fields in the order a real-org GET returned them (§3 "Retrieve body", ATT TaskFind200Schema) plus newer ones. */
export const TASK = obj('Task', '00T', [
	['Id', 'id'],
	['WhoId', 'reference', 'cun', {referenceTo: ['Contact', 'Lead'], relationshipName: 'Who', label: 'Name ID'}],
	[
		'WhatId',
		'reference',
		'cun',
		{referenceTo: ['Account', 'Opportunity'], relationshipName: 'What', label: 'Related To ID'},
	],
	['Subject', 'string', 'cun', {length: 255}],
	['ActivityDate', 'date', 'cun', {label: 'Due Date Only'}],
	['Status', 'picklist', 'cu', {length: 255}],
	['Priority', 'picklist', 'cu', {length: 40}],
	['IsHighPriority', 'boolean', '', {label: 'High Priority'}],
	[
		'OwnerId',
		'reference',
		'cu',
		// R37: a queue (Group of type Queue, 00G) can own Tasks (OBJ:task OwnerId "Refers To: Group, User").
		{referenceTo: ['User', 'Group'], relationshipName: 'Owner', label: 'Assigned To ID'},
	],
	['Description', 'textarea', 'cunF', {length: 32000, label: 'Comments'}],
	['Type', 'picklist', 'cun', {length: 40}],
	['IsDeleted', 'boolean'],
	['AccountId', 'reference', 'n', {referenceTo: ['Account'], relationshipName: 'Account'}],
	['IsClosed', 'boolean', '', {label: 'Closed'}],
	...audit,
	['IsArchived', 'boolean', '', {label: 'Archived'}],
	['CallDurationInSeconds', 'int', 'cun'],
	[
		'CallType',
		'picklist',
		'cun',
		{length: 40, label: 'Call Type', restrictedValues: ['Inbound', 'Outbound', 'Internal']},
	],
	['CallDisposition', 'string', 'cun', {length: 255}],
	['CallObject', 'string', 'cun', {length: 255}],
	['ReminderDateTime', 'datetime', 'cun'],
	['IsReminderSet', 'boolean', 'cu'],
	['RecurrenceActivityId', 'reference', 'n', {referenceTo: ['Task']}],
	['IsRecurrence', 'boolean', 'c', {label: 'Create Recurring Series of Tasks'}],
	['CompletedDateTime', 'datetime', 'n'],
	[
		'TaskSubtype',
		'picklist',
		'cn',
		{
			length: 40,
			label: 'Task Subtype',
			restrictedValues: ['Task', 'Email', 'ListEmail', 'Cadence', 'Call', 'LinkedIn'],
		},
	],
	['WhoCount', 'int', 'n'],
	['WhatCount', 'int', 'n'],
	['IsVisibleInSelfService', 'boolean', 'cu'],
	// R35 recurring series (salesforce-facts.md §13.5; Task object reference, "Usage" and the Recurrence* fields):
	// createable and updateable on a master; RecurrenceActivityId above is read-only; IsRecurrence create-only.
	['RecurrenceStartDateOnly', 'date', 'cun', {label: 'Recurrence Start'}],
	['RecurrenceEndDateOnly', 'date', 'cun', {label: 'Recurrence End'}],
	[
		'RecurrenceType',
		'picklist',
		'cun',
		{
			length: 40,
			label: 'Recurrence Type',
			restrictedValues: [
				'RecursDaily',
				'RecursEveryWeekday',
				'RecursMonthly',
				'RecursMonthlyNth',
				'RecursWeekly',
				'RecursYearly',
				'RecursYearlyNth',
			],
		},
	],
	['RecurrenceInterval', 'int', 'cun', {label: 'Recurrence Interval'}],
	['RecurrenceDayOfWeekMask', 'int', 'cun', {label: 'Recurrence Day of Week Mask'}],
	['RecurrenceDayOfMonth', 'int', 'cun', {label: 'Recurrence Day of Month'}],
	[
		'RecurrenceInstance',
		'picklist',
		'cun',
		{length: 40, label: 'Recurrence Instance', restrictedValues: ['First', 'Second', 'Third', 'Fourth', 'Last']},
	],
	[
		'RecurrenceMonthOfYear',
		'picklist',
		'cun',
		{
			length: 40,
			label: 'Recurrence Month of Year',
			restrictedValues: [
				'January',
				'February',
				'March',
				'April',
				'May',
				'June',
				'July',
				'August',
				'September',
				'October',
				'November',
				'December',
			],
		},
	],
	['RecurrenceTimeZoneSidKey', 'picklist', 'cun', {length: 40, label: 'Recurrence Time Zone'}],
	// R35, salesforce-facts.md §14.3: "Repeat This Task" — closing such a Task creates the next one (recurrence.ts).
	[
		'RecurrenceRegeneratedType',
		'picklist',
		'cun',
		{
			length: 40,
			label: 'Repeat This Task',
			restrictedValues: ['RecurrenceRegenerateAfterDueDate', 'RecurrenceRegenerateAfterToday', 'RecurrenceRegenerated'],
		},
	],
]);

/** R37: queues are Groups of Type 'Queue' (key prefix 00G, §7.3). */
export const GROUP = obj('Group', '00G', [
	['Id', 'id'],
	['Name', 'string', '', {length: 40}],
	['DeveloperName', 'string', '', {length: 80}],
	['Type', 'picklist', '', {length: 40}],
	...audit,
]);

export const TASK_STATUS = obj('TaskStatus', '01J', [
	['Id', 'id'],
	['MasterLabel', 'string', 'n', {length: 255}],
	['ApiName', 'string', 'n', {length: 255}],
	['SortOrder', 'int', 'n'],
	['IsDefault', 'boolean'],
	['IsClosed', 'boolean'],
	...audit,
]);

export const TASK_PRIORITY = obj('TaskPriority', '01J', [
	['Id', 'id'],
	['MasterLabel', 'string', 'n', {length: 255}],
	['ApiName', 'string', 'n', {length: 255}],
	['SortOrder', 'int', 'n'],
	['IsDefault', 'boolean'],
	['IsHighPriority', 'boolean'],
	...audit,
]);

export const USER = obj('User', '005', [
	['Id', 'id'],
	['Username', 'string', '', {length: 80}],
	['LastName', 'string', '', {length: 80}],
	['FirstName', 'string', 'n', {length: 40}],
	['Name', 'string', '', {length: 121}],
	['Alias', 'string', '', {length: 8}],
	['Email', 'email', '', {length: 80}],
	['TimeZoneSidKey', 'picklist', '', {length: 40}],
	['LocaleSidKey', 'picklist', '', {length: 40}],
	['LanguageLocaleKey', 'picklist', '', {length: 40}],
	['IsActive', 'boolean'],
	['UserType', 'picklist', 'n', {length: 40}],
	...audit,
]);

const named = (name: string, prefix: string, extra: Spec[]): ObjectDef =>
	obj(name, prefix, [
		['Id', 'id'],
		['IsDeleted', 'boolean'],
		...extra,
		['OwnerId', 'reference', 'cu', {referenceTo: ['User'], relationshipName: 'Owner'}],
		...audit,
	]);

export const ACCOUNT = named('Account', '001', [['Name', 'string', 'cu', {length: 255}]]);
export const CONTACT = named('Contact', '003', [
	['FirstName', 'string', 'cun', {length: 40}],
	['LastName', 'string', 'cu', {length: 80}],
	['Name', 'string', '', {length: 121}],
	['Email', 'email', 'cun', {length: 80}],
	['AccountId', 'reference', 'cun', {referenceTo: ['Account'], relationshipName: 'Account'}],
]);
export const LEAD = named('Lead', '00Q', [
	['FirstName', 'string', 'cun', {length: 40}],
	['LastName', 'string', 'cu', {length: 80}],
	['Name', 'string', '', {length: 121}],
	['Company', 'string', 'cu', {length: 255}],
]);
export const OPPORTUNITY = named('Opportunity', '006', [
	['Name', 'string', 'cu', {length: 120}],
	['StageName', 'picklist', 'cu', {length: 255}],
	['AccountId', 'reference', 'cun', {referenceTo: ['Account'], relationshipName: 'Account'}],
]);

export const OBJECTS: ObjectDef[] = [
	TASK,
	TASK_STATUS,
	TASK_PRIORITY,
	USER,
	GROUP,
	ACCOUNT,
	CONTACT,
	LEAD,
	OPPORTUNITY,
];
const objectsByLower = new Map(OBJECTS.map(o => [o.name.toLowerCase(), o]));

export function objectDef(name: string): ObjectDef | undefined {
	return objectsByLower.get(name.toLowerCase());
}

export function fieldDef(o: ObjectDef, name: string): FieldDef | undefined {
	return o.byLower.get(name.toLowerCase());
}

/** Objects whose rows the REST sObject Rows / Collections routes can write (Task only — §3; others are seeded). */
export const WRITABLE = new Set(['Task']);

/** The object type of an 18-char id by key prefix (§7.3); TaskStatus/TaskPriority share 01J so are excluded. */
export function objectForId(id: string): ObjectDef | undefined {
	const prefix = id.slice(0, 3);
	return OBJECTS.find(o => o.keyPrefix === prefix && o.name !== 'TaskStatus' && o.name !== 'TaskPriority');
}
