/**
 * The imported reminder is built in one literal for speed (pulled-reminder.ts); it must be exactly the
 * reminder the general path makes — `withRelatedNames` (R33) over `withSalesforceAlert` (R32) — for any row.
 */
import fc from 'fast-check';
import {expect, test} from 'vitest';
import type {Reminder} from '@/shared/store/schema.js';
import {importFields} from './mapping.js';
import {importedReminder, rowStamp, withRelatedNames} from './pulled-reminder.js';
import {salesforceAlertFromRow, withSalesforceAlert} from './reminder-mapping.js';
import {picklists} from '../../../test/fakes/row-facts.js';
import {taskRow} from '../../../test/fakes/task-row.js';

const NOW = Date.parse('2026-03-05T10:00:00.000Z');
const page = {partitionId: 'p', picklists, now: NOW, newId: () => 'r-1'};

/** The general path, step by step, as the import was written before. */
function composed(row: ReturnType<typeof taskRow>): Reminder {
	const fields = importFields(row, picklists);
	const plain: Reminder = {
		...fields,
		id: 'r-1',
		partition: 'p',
		taskId: row.Id,
		createdAt: NOW,
		updatedAt: NOW,
		editedAt: {},
		origin: 'salesforce',
		localOnly: false,
		syncState: 'synced',
		base: {...fields, ...rowStamp(row)},
		...(typeof fields.reminderAt === 'string' ? {alert: {knownAt: NOW}} : {}),
	};
	return withRelatedNames(withSalesforceAlert(plain, salesforceAlertFromRow(row, {})), row);
}

const relatedId = fc.constantFrom(null, '003000000000001AAA', '003000000000001', 'not an id');
const parent = fc.constantFrom(null, undefined, {Name: 'Ana Ruiz', Type: 'Contact'}, {Name: '  ', Type: 'Lead'});

test('R32/R33: an imported reminder is the general path’s, for any related record, name and reminder time', () => {
	fc.assert(
		fc.property(
			fc.record({
				WhoId: relatedId,
				Who: parent,
				WhatId: relatedId,
				What: parent,
				ReminderDateTime: fc.constantFrom(null, '2026-03-06T09:30:00.000+0000'),
				IsReminderSet: fc.boolean(),
				Status: fc.constantFrom('Not Started', 'Completed'),
				IsClosed: fc.boolean(),
			}),
			overrides => {
				const row = taskRow(overrides as Parameters<typeof taskRow>[0]);
				expect(importedReminder(row, page)).toStrictEqual(composed(row));
			},
		),
		{numRuns: 300},
	);
});
