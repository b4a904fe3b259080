/**
 * R41: every schema ever released opens in this version with nothing lost. Each fixture in fixtures/ is a
 * database a release wrote — recorded from that release's build (`<version>-chrome.json`, by
 * test/e2e/upgrade.e2e.ts) or written with that release's own Dexie schema code (`<version>-every-row.json`,
 * by record-schema-fixture.ts). Each is restored as it was (same IndexedDB version, stores, indexes and rows)
 * and opened with today's openTicklerDb, which runs every upgrade since; then every row must still be there,
 * unchanged, and today's queries must read it. Version 4 (R58) adds an index the released rows are not in.
 * OAuth tokens (R28) live in their own worker-only database, which no released version has had yet: the
 * first release that ships it adds its dump to the fixtures here.
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {IDBFactory, IDBKeyRange} from 'fake-indexeddb';
import {describe, expect, it} from 'vitest';
import {openTicklerDb} from '@/shared/store/open-db.js';
import {
	conflicts,
	listPartitions,
	listReminders,
	overruledReminders,
	pendingCount,
	syncHistory,
} from '@/shared/store/queries.js';
import type {Partition, Reminder} from '@/shared/store/schema.js';
import {type DatabaseDump, restoreDatabase} from './idb-dump.js';

const fixturesDir = path.join(import.meta.dirname, 'fixtures');
const fixtures = readdirSync(fixturesDir)
	.filter(file => file.endsWith('.json'))
	.sort()
	.map(file => ({file, dump: JSON.parse(readFileSync(path.join(fixturesDir, file), 'utf8')) as DatabaseDump}));

/** Released versions, from CHANGELOG.md: every "## x.y.z — date" heading (not "unreleased"). */
function releasedVersions(): string[] {
	const changelog = readFileSync(path.join(import.meta.dirname, '../../CHANGELOG.md'), 'utf8');
	return [...changelog.matchAll(/^## (\d+\.\d+\.\d+) — (?!unreleased)/gim)].map(match => match[1] ?? '');
}

async function upgraded(dump: DatabaseDump) {
	const factory = new IDBFactory();
	await restoreDatabase(dump, factory);
	const db = openTicklerDb({indexedDB: factory, IDBKeyRange});
	await db.open();
	return db;
}

const records = (dump: DatabaseDump, store: string) =>
	dump.stores.find(candidate => candidate.name === store)?.records ?? [];

describe('R41: every released schema upgrades with nothing lost', () => {
	it('R41: each released version in CHANGELOG.md has both fixtures (the build-recorded and the every-row one)', () => {
		const released = releasedVersions();
		expect(released).toContain('0.1.0');
		for (const version of released) {
			expect(fixtures.map(fixture => fixture.file)).toEqual(
				expect.arrayContaining([`${version}-chrome.json`, `${version}-every-row.json`]),
			);
		}
	});

	for (const {file, dump} of fixtures) {
		describe(file, () => {
			it('R41: opens at the current schema version, with every store of the release still there', async () => {
				const db = await upgraded(dump);
				expect(db.verno * 10).toBeGreaterThanOrEqual(dump.version);
				expect(db.tables.map(table => table.name).sort()).toEqual(
					expect.arrayContaining(dump.stores.map(store => store.name)),
				);
				db.close();
			});

			it('R41: keeps every reminder, pending change, link, setting, conflict, history row and checkpoint, unchanged', async () => {
				const db = await upgraded(dump);
				for (const store of dump.stores) {
					const table = db.table(store.name);
					expect(await table.count(), store.name).toBe(store.records.length);
					for (const record of store.records) {
						expect(
							await table.get(record.key as string | number),
							`${store.name} ${JSON.stringify(record.key)}`,
						).toEqual(record.value);
					}
				}

				db.close();
			});

			it("R41: today's queries read the release's rows: links, pending counts, history, conflicts, settings", async () => {
				const db = await upgraded(dump);
				const partitions = records(dump, 'partitions').map(record => record.value as Partition);
				expect((await listPartitions(db)).map(partition => partition.subjectTemplate)).toEqual(
					partitions.map(partition => partition.subjectTemplate),
				);
				for (const partition of partitions) {
					const reminders = records(dump, 'reminders')
						.map(record => record.value as Reminder)
						.filter(reminder => reminder.partition === partition.id);
					const visible = reminders.filter(reminder => reminder.deletedAt === undefined);
					expect((await listReminders(db, partition.id)).map(reminder => reminder.id).sort()).toEqual(
						visible.map(reminder => reminder.id).sort(),
					);
					for (const linked of visible.filter(reminder => reminder.taskId !== undefined)) {
						expect(
							(
								await db.reminders
									.where('[partition+taskId]')
									.equals([partition.id, linked.taskId ?? ''])
									.first()
							)?.id,
						).toBe(linked.id);
					}

					const outbox = records(dump, 'outbox').filter(
						record => (record.value as {partition: string}).partition === partition.id,
					);
					expect(await pendingCount(db, partition.id)).toBe(
						outbox.filter(record => (record.value as {parked: number}).parked === 0).length,
					);
					const history = records(dump, 'syncHistory').filter(
						record => (record.value as {partition: string}).partition === partition.id,
					);
					expect(await syncHistory(db, partition.id)).toHaveLength(history.length);
					const conflictRows = records(dump, 'conflicts').filter(
						record => (record.value as {partition: string}).partition === partition.id,
					);
					expect(await conflicts(db, partition.id)).toHaveLength(conflictRows.length);
				}

				db.close();
			});

			it('R58: a released database gains the overruled-values index (version 4) and the current version: empty at first, then used', async () => {
				const db = await upgraded(dump);
				expect(db.verno).toBe(5);
				const [visible] = records(dump, 'reminders')
					.map(record => record.value as Reminder)
					.filter(reminder => reminder.deletedAt === undefined);
				expect(visible).toBeDefined();
				expect(await overruledReminders(db, visible!.partition)).toEqual([]);
				const overruled = {at: 1, mine: {details: 'ask about budget'}, theirs: {details: 'from Salesforce'}};
				await db.reminders.update(visible!.id, {overruled});
				expect((await overruledReminders(db, visible!.partition)).map(reminder => reminder.id)).toEqual([visible!.id]);
				// Issue 24 (version 5): the side panel's index of reminders about a record is built for released rows.
				const about = [visible!.partition, '003000000000007AAA'];
				await db.reminders.update(visible!.id, {whoId: about[1]!});
				expect((await db.reminders.where('[partition+whoId]').equals(about).toArray()).map(r => r.id)).toEqual([
					visible!.id,
				]);
				db.close();
			});
		});
	}
});
