/**
 * `npx tsx bench/index-cost.ts [rows] [rounds]`: what the reminders store's indexes cost a bulk write, by
 * schema — the first release's (version 1) against today's (version 5) — in the bench's fake-indexeddb (with
 * Node's stack traces on, and off) and in real Chromium IndexedDB. It explains why the first sync measures
 * slower than the first release in `npm run bench -- --only sync` (docs/benchmarks.md, "Latest figures"):
 * fake-indexeddb throws and catches an exception for each absent index key, which a browser does not. A
 * diagnostic run by hand, not a figure with a target. Defaults: 20,000 rows, 3 rounds.
 */
import http from 'node:http';
import {Dexie} from 'dexie';
import {IDBFactory, IDBKeyRange} from 'fake-indexeddb';
import {chromium, type Page} from 'playwright-core';
import {openTicklerDb, SCHEMA_V1} from '../src/shared/store/open-db.js';
import type {Reminder} from '../src/shared/store/schema.js';
import {findChromium} from '../test/e2e/chromium-path.js';
import {aReminder} from '../test/fakes/reminder-builder.js';
import {median} from './lib/stats.js';

const ROWS = Number(process.argv[2] ?? 20_000);
const ROUNDS = Number(process.argv[3] ?? 3);

/** The bench's rows: linked, dated, no Name, Related To, reminder time, deletion or overruled value. */
const rows: Reminder[] = Array.from({length: ROWS}, (_, i) =>
	aReminder({
		id: `r${i}`,
		name: `Follow up ${i}`,
		taskId: `00T${String(i).padStart(15, '0')}`,
		dueDate: `2026-03-${String((i % 28) + 1).padStart(2, '0')}`,
	}),
);

type IndexSpec = [name: string, keyPath: string | string[]];

/** A schema's reminders indexes as IndexedDB key paths, read from Dexie's own parse of it (open-db.ts). */
function remindersIndexes(db: Dexie): IndexSpec[] {
	return db.table('reminders').schema.indexes.map(index => [index.name, index.keyPath ?? index.name]);
}

const options = () => ({indexedDB: new IDBFactory(), IDBKeyRange});
const openV1 = (name: string) => {
	const db = new Dexie(name, options());
	db.version(1).stores(SCHEMA_V1);
	return db;
};
const openV5 = (name: string) => openTicklerDb({name, ...options()}) as Dexie;

/** One `bulkPut` of every row into a fresh fake-indexeddb store with the given schema, in ms. */
async function fakeBulkPut(schema: 'v1' | 'v5'): Promise<number> {
	const name = `index-cost-${schema}`;
	const db = schema === 'v5' ? openV5(name) : openV1(name);
	const started = performance.now();
	await db.table('reminders').bulkPut(rows);
	const elapsed = performance.now() - started;
	db.close();
	return elapsed;
}

/** One transaction putting every row into a fresh real IndexedDB store with the given indexes, in ms. */
async function chromiumPut(page: Page, name: string, indexes: IndexSpec[]): Promise<number> {
	return page.evaluate(
		async ({name, indexes}) => {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const open = indexedDB.open(name, 1);
				open.onupgradeneeded = () => {
					const store = open.result.createObjectStore('reminders', {keyPath: 'id'});
					for (const [index, keyPath] of indexes) store.createIndex(index, keyPath);
				};
				open.onsuccess = () => resolve(open.result);
				open.onerror = () => reject(open.error ?? new Error('open failed'));
			});
			const started = performance.now();
			await new Promise<void>((resolve, reject) => {
				const transaction = db.transaction('reminders', 'readwrite');
				const store = transaction.objectStore('reminders');
				for (const row of (globalThis as unknown as {benchRows: unknown[]}).benchRows) store.put(row);
				transaction.oncomplete = () => resolve();
				transaction.onerror = () => reject(transaction.error ?? new Error('write failed'));
			});
			const elapsed = performance.now() - started;
			db.close();
			await new Promise(resolve => {
				const deleting = indexedDB.deleteDatabase(name);
				deleting.onsuccess = resolve;
				deleting.onerror = resolve;
			});
			return elapsed;
		},
		{name, indexes},
	);
}

const line = (label: string, samples: number[]) =>
	console.log(`${label.padEnd(44)} ${median(samples).toFixed(0)} ms (${samples.map(ms => ms.toFixed(0)).join(' / ')})`);

async function inFakeIndexedDb(): Promise<void> {
	const stackTraces = Error.stackTraceLimit;
	for (const [label, limit] of [
		['stack traces on', stackTraces],
		['stack traces off', 0],
	] as const) {
		Error.stackTraceLimit = limit;
		const samples = {v1: [] as number[], v5: [] as number[]};
		for (let round = 0; round < ROUNDS; round++) {
			samples.v1.push(await fakeBulkPut('v1'));
			samples.v5.push(await fakeBulkPut('v5'));
		}

		line(`fake-indexeddb, version 1, ${label}`, samples.v1);
		line(`fake-indexeddb, version 5, ${label}`, samples.v5);
	}

	Error.stackTraceLimit = stackTraces;
}

async function inChromium(): Promise<void> {
	// A page of a real HTTP origin: IndexedDB is refused on about:blank and data: URLs.
	const server = http.createServer((_request, response) => response.end('<!doctype html><p>index cost</p>'));
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as {port: number};
	const browser = await chromium.launch({executablePath: findChromium(), headless: true});
	try {
		const page = await browser.newPage();
		await page.goto(`http://127.0.0.1:${port}/`);
		await page.evaluate(benchRows => Object.assign(globalThis, {benchRows}), rows);
		const v1Indexes = remindersIndexes(openV1('index-cost-schema-v1'));
		const v5Indexes = remindersIndexes(openV5('index-cost-schema-v5'));
		const samples = {v1: [] as number[], v5: [] as number[]};
		for (let round = 0; round < ROUNDS; round++) {
			samples.v1.push(await chromiumPut(page, `v1-${round}`, v1Indexes));
			samples.v5.push(await chromiumPut(page, `v5-${round}`, v5Indexes));
		}

		line('Chromium IndexedDB, version 1', samples.v1);
		line('Chromium IndexedDB, version 5', samples.v5);
	} finally {
		await browser.close();
		server.close();
	}
}

console.log(`${ROWS} reminders, ${ROUNDS} rounds, the two schemas alternated; median (each round)`);
await inFakeIndexedDb();
await inChromium();
