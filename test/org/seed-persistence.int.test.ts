// The demo seed, the large-org generator (correctness at 100,000 Tasks — speed is measured by
// measureQueryPage() in the benchmarks, not here) and dataFile persistence across restarts.
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {expect} from 'vitest';
import {connect, localOnly} from './contract-target.js';
import {addDays, ymdInZone} from './soql/dates.js';
import {startLocalOrg} from './index.js';

type Rec = Record<string, unknown>;

localOnly('the demo seed: ~30 Tasks around today in the rep time zone, with every kind the demo needs', async () => {
	const now = new Date('2025-03-10T23:30:00Z'); // already 11 March in Rome
	const lo = await startLocalOrg({seed: 'demo', now});
	try {
		const {org} = lo;
		const today = ymdInZone(now.getTime(), org.users.rep.timeZone);
		expect(today).toBe('2025-03-11');
		const all = org.listTasks({includeDeleted: true});
		expect(all.length).toBeGreaterThanOrEqual(28);
		expect(all.length).toBeLessThanOrEqual(36);
		const mine = org.listTasks({ownerId: org.users.rep.id});
		const open = mine.filter(t => !t.IsClosed);
		const due = (d: number): number => open.filter(t => t.ActivityDate === addDays(today, d)).length;
		expect(open.filter(t => t.ActivityDate !== null && t.ActivityDate < today).length).toBeGreaterThanOrEqual(4);
		expect(due(0)).toBeGreaterThanOrEqual(3);
		expect(due(1)).toBeGreaterThanOrEqual(3);
		expect(
			open.filter(
				t => t.ActivityDate !== null && t.ActivityDate >= addDays(today, 6) && t.ActivityDate <= addDays(today, 10),
			).length,
		).toBeGreaterThanOrEqual(3);
		expect(mine.filter(t => t.IsClosed).length).toBeGreaterThanOrEqual(3);
		expect(mine.filter(t => t.Status === 'In Progress').length).toBeGreaterThanOrEqual(2);
		expect(mine.filter(t => t.Priority === 'Low').length).toBeGreaterThanOrEqual(2);
		expect(mine.filter(t => t.TaskSubtype === 'Email').length).toBeGreaterThanOrEqual(2);
		expect(org.listTasks({ownerId: org.users.rep2.id}).length).toBeGreaterThanOrEqual(2);
		expect(all.filter(t => t.IsDeleted).length).toBe(3);
		expect(mine.filter(t => t.WhoId !== null && t.WhatId !== null).length).toBeGreaterThanOrEqual(1);
		expect(all.every(t => t.CreatedDate <= now.getTime() + 60_000 && t.SystemModstamp >= t.CreatedDate)).toBe(true);
		// R4: the rep's open Tasks due today and tomorrow were touched in the last 24 hours (the first sync
		// imports them); a few Tasks were last touched ten days ago and must stay out of the first sync.
		const dayAgo = now.getTime() - 86_400_000;
		const dueSoon = open.filter(t => t.ActivityDate === addDays(today, 0) || t.ActivityDate === addDays(today, 1));
		expect(dueSoon.every(t => t.LastModifiedDate >= dayAgo)).toBe(true);
		expect(mine.filter(t => t.LastModifiedDate < dayAgo).length).toBeGreaterThanOrEqual(3);
		// The REST view agrees: Who/What names resolve.
		const conn = connect(lo.url, org.createSession(org.users.rep.id));
		const res = await conn.query<Rec>(
			`SELECT Subject, Who.Name, What.Name FROM Task WHERE ActivityDate = TODAY AND WhatId != null AND IsClosed = false`,
		);
		expect(res.records.map(r => (r['What'] as Rec)['Name'])).toContain('Acme Renewal 2026');
	} finally {
		await lo.close();
	}
});

localOnly('a 100,000-Task org: generated quickly and paged correctly through the sync query', async () => {
	const lo = await startLocalOrg({seed: 100_000});
	try {
		const {org} = lo;
		expect(org.listTasks({ownerId: org.users.rep.id}).length).toBe(100_000);
		const conn = connect(lo.url, org.createSession(org.users.rep.id));
		const soql = `SELECT Id, SystemModstamp FROM Task WHERE OwnerId = '${org.users.rep.id}' ORDER BY SystemModstamp, Id`;
		const first = await conn.query<Rec>(soql);
		expect([first.totalSize, first.records.length, first.done]).toEqual([100_000, 2000, false]);
		const stamps = first.records.map(r => String(r['SystemModstamp']));
		expect([...stamps].sort()).toEqual(stamps);
		const second = await conn.queryMore<Rec>(first.nextRecordsUrl ?? '');
		expect(String(second.records[0]?.['SystemModstamp']) >= String(stamps.at(-1))).toBe(true);
		expect((await conn.query('SELECT COUNT() FROM Task WHERE IsClosed = true')).totalSize).toBe(
			org.listTasks().filter(t => t.IsClosed).length,
		);
		const ids = new Set(org.listTasks().map(t => t.Id));
		expect(ids.size).toBe(100_000);
	} finally {
		await lo.close();
	}
});

localOnly(
	'dataFile: the org (records, recycle bin, sessions) survives a restart and the seed is not re-applied',
	async () => {
		const file = join(mkdtempSync(join(tmpdir(), 'tickler-org-')), 'org.json');
		const a = await startLocalOrg({seed: 'demo', dataFile: file});
		const sid = a.org.createSession(a.org.users.rep.id);
		const conn = connect(a.url, sid);
		const created = (await conn.sobject('Task').create({Subject: 'Survives restarts'})) as {id: string};
		const before = a.org.listTasks({includeDeleted: true}).length;
		const binBefore = a.org.tasks.recycleBin.size;
		await a.close();
		const b = await startLocalOrg({seed: 'demo', dataFile: file});
		try {
			expect(b.org.listTasks({includeDeleted: true}).length).toBe(before);
			expect(b.org.tasks.recycleBin.size).toBe(binBefore);
			const again = connect(b.url, sid);
			expect(((await again.sobject('Task').retrieve(created.id)) as Rec)['Subject']).toBe('Survives restarts');
			const next = (await again.sobject('Task').create({Subject: 'New after reload'})) as {id: string};
			expect(next.id).not.toBe(created.id);
			expect(b.org.listTasks().filter(t => t.Subject === 'New after reload').length).toBe(1);
		} finally {
			await b.close();
		}
		const c = await startLocalOrg({dataFile: file});
		try {
			expect(c.org.listTasks().some(t => t.Subject === 'New after reload')).toBe(true);
		} finally {
			await c.close();
		}
	},
);
