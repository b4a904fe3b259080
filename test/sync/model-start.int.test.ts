/**
 * The model test's start (model-start.ts) is built for real once per process and restored from a copy for
 * every later run: the copy must be the same start — the same org records and OAuth state, the same rows in
 * every table of the Tickler database, the same model, a session that works — or the soak would test
 * something else than the runs it replaces.
 */
import {expect, test} from 'vitest';
import {describeStart, startScenario} from './model-start.js';

test('model start: a restored start has the org, the database and the model of the start built for real', async () => {
	process.env['MODEL_FRESH_START'] = '1';
	const built = await startScenario();
	process.env['MODEL_FRESH_START'] = '0';
	const restored = await startScenario();
	try {
		const [a, b] = [await describeStart(built), await describeStart(restored)];
		// Each org listens on its own port; the restored partition names the new one, as enabling there would.
		const host = (url: string) => new URL(url).host;
		expect(b.tables['partitions']).toEqual(
			a.tables['partitions']?.map(p => ({...(p as object), instanceHost: host(restored.h.local.url)})),
		);
		b.tables['partitions'] = a.tables['partitions'] ?? [];
		expect(a.tables['reminders']?.length).toBeGreaterThan(1);
		expect(a.tables['checkpoints']?.length).toBe(1);
		expect(b.tables).toEqual(a.tables);
		expect(b.org).toEqual(a.org);
		// The restored org has the built one's sessions (and the one its harness opened before the restore).
		expect(b.sessions).toEqual(expect.arrayContaining(a.sessions));
		expect(restored.model).toEqual(built.model);
		expect(restored.oldTaskId).toBe(built.oldTaskId);
		expect(restored.identity).toEqual({...built.identity, instanceHost: host(restored.h.local.url)});
		expect(Math.abs(restored.h.org.clock.nowMs() - built.h.org.clock.nowMs())).toBeLessThan(60_000);
		// The kept session still works: the same identity through a new port.
		restored.h.restart();
		expect(await restored.h.sf?.identity()).toEqual(restored.identity);
	} finally {
		delete process.env['MODEL_FRESH_START'];
		await built.h.close();
		await restored.h.close();
	}
});
