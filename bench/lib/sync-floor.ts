import {createServer, request as httpRequest} from 'node:http';
import type {AddressInfo} from 'node:net';
import {IDBFactory, IDBKeyRange} from 'fake-indexeddb';
import {openTicklerDb} from '../../src/shared/store/open-db.js';
import type {Reminder} from '../../src/shared/store/schema.js';
import type {LocalOrg} from '../../test/org/index.js';
import {createRepRig} from './engine-rig.js';

/**
 * The floor under the first sync's figure (issue 23), in Node like the figure itself: what any importer of
 * the same Tasks into the same store must do at the least — parse the org's query answers (JSON.parse of the
 * very bodies the engine received) and write the rows the first sync stored to the same fake IndexedDB,
 * with the same schema and indexes, in one bulk write. No HTTP, no mapping, no merging, no checks.
 */

export type FirstSyncMaterial = {
	/** The bodies of every query answer of one first sync (the first page and each queryMore page). */
	bodies: string[];
	/** The reminders that first sync stored. */
	rows: Reminder[];
};

let counter = 0;

/**
 * Runs one first sync through a recording proxy in front of the org (the engine talks to the proxy exactly
 * as to the org), keeping the query answers' bodies and then the rows stored.
 */
export async function captureFirstSync(local: LocalOrg, userId: string, now: () => number): Promise<FirstSyncMaterial> {
	const target = new URL(local.url);
	const bodies: string[] = [];
	const proxy = createServer((incoming, outgoing) => {
		// Ask for the plain body, so what is kept is what JSON.parse is given; the org answers the same rows.
		const headers = {...incoming.headers, host: target.host};
		delete headers['accept-encoding'];
		const forwarded = httpRequest(
			{host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers},
			answer => {
				const chunks: Buffer[] = [];
				answer.on('data', (chunk: Buffer) => chunks.push(chunk));
				answer.on('end', () => {
					const body = Buffer.concat(chunks);
					const isQuery =
						incoming.method === 'GET' && /\/services\/data\/v[\d.]+\/query(All)?[/?]/.test(incoming.url ?? '');
					if (isQuery && answer.statusCode === 200) bodies.push(body.toString('utf8'));
					outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
					outgoing.end(body);
				});
			},
		);
		forwarded.on('error', error => {
			outgoing.writeHead(502);
			outgoing.end(String(error));
		});
		incoming.pipe(forwarded);
	});
	await new Promise<void>(resolve => proxy.listen(0, '127.0.0.1', resolve));
	const port = (proxy.address() as AddressInfo).port;
	const rep = createRepRig({...local, url: `http://127.0.0.1:${port}`}, userId, {now});
	try {
		await rep.enable();
		const result = await rep.sync('manual');
		if (result.outcome !== 'ok') throw new Error(`the captured first sync ended ${result.outcome}`);
		const rows = await rep.db.reminders.where('partition').equals(rep.partition).toArray();
		return {bodies, rows};
	} finally {
		rep.close();
		await new Promise<void>(resolve => proxy.close(() => resolve()));
	}
}

export type FloorTiming = {parseMs: number; writeMs: number; totalMs: number; parsedRows: number};

/** One floor run: JSON.parse of every body, then a fresh store (opened, schema created) and one bulkPut. */
export async function syncFloorRun(material: FirstSyncMaterial): Promise<FloorTiming> {
	const started = performance.now();
	let parsedRows = 0;
	for (const body of material.bodies) parsedRows += (JSON.parse(body) as {records: unknown[]}).records.length;
	const parsed = performance.now();
	const db = openTicklerDb({name: `tickler-bench-floor-${counter++}`, indexedDB: new IDBFactory(), IDBKeyRange});
	try {
		await db.reminders.bulkPut(material.rows);
		const written = performance.now();
		return {parseMs: parsed - started, writeMs: written - parsed, totalMs: written - started, parsedRows};
	} finally {
		db.close();
	}
}
