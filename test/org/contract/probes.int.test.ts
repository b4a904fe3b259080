// Issue 19: the contract probes (probe-kit.ts). Without a real org every probe runs against a fresh local org and
// its answer must be what docs/local-org.md says. With SF_INSTANCE_URL and SF_SESSION_ID set, every probe runs
// against the real org and the local org, and the two answers are printed side by side; a difference is a
// finding to bring into docs/local-org.md and the org, not a test failure.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {REAL, connect, openTarget, type Target} from '../contract-target.js';
import {startLocalOrg} from '../index.js';
import {makeContext, type Answer, type Probe} from './probe-kit.js';
import {apiProbes} from './probes-api.js';
import {oauthProbes} from './probes-oauth.js';
import {queryProbes} from './probes-query.js';
import {recurrenceProbes} from './probes-recurrence.js';
import {replicationProbes} from './probes-replication.js';
import {rowProbes} from './probes-rows.js';

const PROBES: Probe[] = [
	...rowProbes,
	...queryProbes,
	...replicationProbes,
	...apiProbes,
	...recurrenceProbes,
	...oauthProbes,
];

/** A fresh local org whose rep session the probes use: the org clock frozen, so pauses are exact. */
async function localTarget(): Promise<Target> {
	const local = await startLocalOrg({now: new Date(), frozenClock: true});
	const sid = local.org.createSession(local.org.users.rep.id);
	return {
		url: local.url,
		sid,
		conn: connect(local.url, sid),
		userId: local.org.users.rep.id,
		local,
		org: local.org,
		close: () => local.close(),
	};
}

async function ask(t: Target, probe: Probe): Promise<Answer> {
	// A probe may move the local org's clock by days: each one starts with a fresh session.
	if (t.org) t.sid = t.org.createSession(t.userId);
	const {ctx, cleanUp} = makeContext(t, `${probe.id} ${Math.random().toString(36).slice(2, 8)}`);
	try {
		return await probe.run(ctx);
	} catch (error) {
		return {error: error instanceof Error ? error.message : String(error)};
	} finally {
		await cleanUp();
	}
}

test('every probe has a unique id, and docs/local-org.md names each one', () => {
	const ids = PROBES.map(p => p.id);
	expect(new Set(ids).size).toBe(ids.length);
	const doc = readFileSync(path.resolve(import.meta.dirname, '../../../docs/local-org.md'), 'utf8');
	expect(ids.filter(id => !doc.includes(`\`${id}\``))).toEqual([]);
	expect(PROBES.length).toBeGreaterThanOrEqual(40);
});

describe('every probe answers what docs/local-org.md says; against a real org, its answer is printed beside it', () => {
	let local: Target;
	let real: Target | undefined;
	beforeAll(async () => {
		local = await localTarget();
		if (REAL) real = await openTarget();
	});
	afterAll(async () => {
		await local.close();
		await real?.close();
	});
	for (const probe of PROBES)
		test(
			`${probe.id} (${probe.item}): ${probe.question}`,
			async () => {
				const localAnswer = await ask(local, probe);
				if (real) print(probe, await askReal(real, probe), localAnswer);
				expect(localAnswer).toEqual(probe.local);
			},
			// A real org's pauses are real: /updated waits a minute for its latestDateCovered.
			REAL ? 300_000 : undefined,
		);
});

async function askReal(real: Target, probe: Probe): Promise<Answer> {
	const missing = (probe.needs ?? []).filter(name => !process.env[name]);
	if (missing.length === 0) return ask(real, probe);
	return {notRun: `needs ${missing.join(', ')}`, ...(probe.manual ? {manual: probe.manual} : {})};
}

function print(probe: Probe, realAnswer: Answer, localAnswer: Answer): void {
	const same = JSON.stringify(realAnswer) === JSON.stringify(localAnswer);
	console.log(
		[
			`[probe ${probe.id}] ${probe.item}`,
			`  question: ${probe.question}`,
			`  real:  ${JSON.stringify(realAnswer)}`,
			`  local: ${JSON.stringify(localAnswer)}`,
			`  ${same ? 'SAME' : 'DIFFERENT'}`,
			...(probe.manual && !same ? [`  by hand: ${probe.manual}`] : []),
		].join('\n'),
	);
}
