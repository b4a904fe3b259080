/** R8–R12 against the local org over HTTP. */
import {afterEach, beforeEach, expect, test} from 'vitest';
import type {TaskWrite} from '@/background/salesforce/salesforce-port.js';
import {addReminder, completeReminder, editReminder, setSubjectTemplate} from '@/shared/store/local-edits.js';
import {startHarness, type Harness} from './harness.js';
import {wrapPort} from './port-wrappers.js';

let h: Harness;
beforeEach(async () => {
	h = await startHarness();
});
afterEach(async () => {
	await h.close();
});

const task = (subject: string) => h.repTaskNamed(subject);

/** Records every update payload the engine sends. */
function spyUpdates(): Array<TaskWrite & {Id: string}> {
	const sent: Array<TaskWrite & {Id: string}> = [];
	const sf = h.sf;
	if (!sf) throw new Error('no port');
	h.sf = wrapPort(sf, {
		before(call) {
			if (call.method === 'updateTasks') sent.push(...(call.args[0] as Array<TaskWrite & {Id: string}>));
			return undefined;
		},
	});
	return sent;
}

test('R8: complete sends Completed, open sends the default open status; other Salesforce values leave the reminder as it was', async () => {
	const t = h.org.createTask(h.repId, {Subject: 'call', Status: 'In Progress'});
	h.org.createTask(h.repId, {Subject: 'deferred', Status: 'Deferred'});
	await h.enable();
	await h.sync();
	expect((await h.reminderNamed('call')).status).toBe('open');
	await completeReminder(h.db, (await h.reminderNamed('call')).id, {now: h.clock.now()});
	await h.sync();
	expect(task('call').Status).toBe('Completed');
	h.org.updateTask(h.repId, t.Id, {Status: 'Waiting on someone else'});
	await h.sync();
	expect((await h.reminderNamed('call')).status).toBe('complete');
	h.org.updateTask(h.repId, t.Id, {Status: 'Not Started'});
	await h.sync();
	expect((await h.reminderNamed('call')).status).toBe('open');
});

test('R8: editing another field never overwrites an In Progress in Salesforce', async () => {
	h.org.createTask(h.repId, {Subject: 'wip', Status: 'In Progress'});
	await h.enable();
	await h.sync();
	const sent = spyUpdates();
	await editReminder(h.db, (await h.reminderNamed('wip')).id, {details: 'notes'}, {now: h.clock.now()});
	await h.sync();
	expect(sent).toHaveLength(1);
	expect(sent[0]).not.toHaveProperty('Status');
	expect(task('wip')).toMatchObject({Status: 'In Progress', Description: 'notes'});
});

test("R8: an org without 'Completed' gets its closed value; imports of closed custom values are complete", async () => {
	h.org.setTaskStatuses([
		{ApiName: 'Open', IsClosed: false, IsDefault: true, SortOrder: 1},
		{ApiName: 'Done', IsClosed: true, IsDefault: false, SortOrder: 2},
		{ApiName: 'Cancelled', IsClosed: true, IsDefault: false, SortOrder: 3},
	]);
	h.org.createTask(h.repId, {Subject: 'cancelled', Status: 'Cancelled'});
	await h.enable();
	await h.sync();
	expect((await h.reminderNamed('cancelled')).status).toBe('complete');
	const r = await addReminder(h.db, {name: 'new'}, {now: h.clock.now()});
	await h.sync();
	expect(task('new').Status).toBe('Open');
	await completeReminder(h.db, r.id, {now: h.clock.now()});
	await h.sync();
	expect(task('new').Status).toBe('Done');
});

test('R9: High ↔ high, Normal ↔ normal; Low imports as normal and a later Low leaves the priority as it was', async () => {
	const low = h.org.createTask(h.repId, {Subject: 'low', Priority: 'Low'});
	const high = h.org.createTask(h.repId, {Subject: 'high', Priority: 'High'});
	await h.enable();
	await h.sync();
	expect((await h.reminderNamed('low')).priority).toBe('normal');
	expect((await h.reminderNamed('high')).priority).toBe('high');
	h.org.updateTask(h.repId, high.Id, {Priority: 'Low'});
	h.org.updateTask(h.repId, low.Id, {Priority: 'High'});
	await h.sync();
	expect((await h.reminderNamed('high')).priority).toBe('high');
	expect((await h.reminderNamed('low')).priority).toBe('high');
	await editReminder(h.db, (await h.reminderNamed('low')).id, {priority: 'normal'}, {now: h.clock.now()});
	await h.sync();
	expect(task('low').Priority).toBe('Normal');
});

test('R10: the template renders the Subject on create; renames go up only while it uses the name; Salesforce Subject edits never come back', async () => {
	await h.enable();
	await setSubjectTemplate(h.db, h.partition, 'Tickler: {{activity_subject}}');
	const r = await addReminder(h.db, {name: 'quote'}, {now: h.clock.now()});
	await h.sync();
	const t = task('Tickler: quote');
	await editReminder(h.db, r.id, {name: 'quote v2'}, {now: h.clock.now()});
	await h.sync();
	expect(h.org.getTask(t.Id)?.Subject).toBe('Tickler: quote v2');
	await setSubjectTemplate(h.db, h.partition, 'Fixed subject');
	await editReminder(h.db, r.id, {name: 'quote v3'}, {now: h.clock.now()});
	await h.sync();
	expect(h.org.getTask(t.Id)?.Subject).toBe('Tickler: quote v2');
	expect(await h.db.outbox.count()).toBe(0);
	h.org.updateTask(h.repId, t.Id, {Subject: 'renamed in Salesforce'});
	await h.sync();
	expect((await h.db.reminders.get(r.id))?.name).toBe('quote v3');
});

test('R11: a due date is a calendar date both ways, whatever the clocks; none is allowed', async () => {
	h.org.createTask(h.repId, {Subject: 'dated', ActivityDate: '2026-03-05'});
	h.org.createTask(h.repId, {Subject: 'undated'});
	await h.enable();
	await h.sync();
	expect((await h.reminderNamed('dated')).dueDate).toBe('2026-03-05');
	expect((await h.reminderNamed('undated')).dueDate).toBeNull();
	const r = await addReminder(h.db, {name: 'late night', dueDate: '2026-12-31'}, {now: h.clock.now()});
	await h.sync();
	expect(task('late night').ActivityDate).toBe('2026-12-31');
	await editReminder(h.db, r.id, {dueDate: null}, {now: h.clock.now()});
	await h.sync();
	expect(task('late night').ActivityDate).toBeNull();
});

test('R12: a sync sends only the fields changed locally and applies only the fields changed in Salesforce', async () => {
	const t = h.org.createTask(h.repId, {Subject: 'fields', Description: 'orig', ActivityDate: '2026-03-10'});
	await h.enable();
	await h.sync();
	const sent = spyUpdates();
	const r = await h.reminderNamed('fields');
	await editReminder(h.db, r.id, {priority: 'high'}, {now: h.clock.now()});
	h.org.updateTask(h.org.users.rep2.id, t.Id, {Description: 'from Salesforce'});
	await h.sync();
	expect(sent).toEqual([{Id: t.Id, Priority: 'High'}]);
	expect(h.org.getTask(t.Id)).toMatchObject({
		Description: 'from Salesforce',
		Priority: 'High',
		ActivityDate: '2026-03-10',
	});
	expect(await h.db.reminders.get(r.id)).toMatchObject({
		details: 'from Salesforce',
		priority: 'high',
		dueDate: '2026-03-10',
		syncState: 'synced',
	});
});
