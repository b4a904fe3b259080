// Contract probes (issue 19): one small experiment per behaviour of the local org that no public source settles
// (docs/local-org.md, "UNCONFIRMED choices" and the UNCONFIRMED notes of each section). A probe asks its
// question through the REST API with a session, as any client could, and returns a small JSON answer. Against
// the local org (`npm test`) the answer must equal `local` — what docs/local-org.md says the org does. With
// SF_INSTANCE_URL and SF_SESSION_ID set, each probe runs against the real org AND a fresh local org and both
// answers are printed side by side, so the first real org settles every item in one run
// (`npx vitest run --project integration test/org/contract`).
//
// A probe that needs what a session alone cannot do on a real org (wait two hours, provoke a row lock, sign in
// through a browser) says so: `needs` names the environment variables that let it run (e.g. SF_CLIENT_ID), and
// `manual` describes the experiment when none can. Its local answer is still checked.

import {API_VERSION, raw, type Target} from '../contract-target.js';
import type {Org} from '../org.js';

export type Answer = unknown;
export type Http = {status: number; headers: Headers; text: string; json: unknown};

export type ProbeContext = {
	/** The local org when the probe runs against it (for the set-up a real org gets by hand), else undefined. */
	local: Org | undefined;
	userId: string;
	/** Unique text for this run, to find the probe's own records. */
	tag: string;
	/** A REST call under `/services/data/vXX.X` (`version` to ask another version). */
	api(path: string, init?: RequestInit & {version?: string}): Promise<Http>;
	/** A call to any path of the org, with the session (or `auth: null` for none). */
	raw(path: string, init?: RequestInit & {auth?: string | null}): Promise<Http>;
	query<T = Record<string, unknown>>(soql: string, all?: boolean): Promise<T[]>;
	/** Creates a Task (deleted again after the probe); throws with the error body on failure. */
	create(fields: Record<string, unknown>): Promise<string>;
	/** Registers an id created some other way for the clean-up. */
	track(id: string): void;
	/** Real time on a real org; the org clock on the local one (whole seconds matter to several probes). */
	pause(ms: number): Promise<void>;
	/** An environment variable a real-org run may give (SF_CLIENT_ID, …). */
	env(name: string): string | undefined;
};

export type Probe = {
	id: string;
	/** Where docs/local-org.md lists the behaviour, e.g. "UNCONFIRMED choices 1" or "R35 UNCONFIRMED". */
	item: string;
	question: string;
	run: (ctx: ProbeContext) => Promise<Answer>;
	/** What the local org answers — what docs/local-org.md says it does. */
	local: Answer;
	/** Variables a real-org run needs; without them the probe is listed as not run. */
	needs?: string[];
	/** For what no session can provoke on a real org: the experiment to run by hand. */
	manual?: string;
};

/** `{status, errorCode, message}` of an error answer (or the status alone for a success). */
export function outcome(r: Http): Record<string, unknown> {
	const first = Array.isArray(r.json) ? (r.json[0] as Record<string, unknown> | undefined) : undefined;
	if (r.status < 300 || !first) return {status: r.status};
	return {status: r.status, errorCode: first['errorCode'], message: first['message']};
}

export function makeContext(t: Target, run: string): {ctx: ProbeContext; cleanUp: () => Promise<void>} {
	const created: string[] = [];
	const call = (path: string, init: RequestInit & {auth?: string | null} = {}): Promise<Http> => raw(t, path, init);
	const api = (path: string, init: RequestInit & {version?: string} = {}): Promise<Http> => {
		const {version, ...rest} = init;
		return call(`/services/data/v${version ?? API_VERSION}${path}`, {
			...rest,
			headers: {'Content-Type': 'application/json', ...(rest.headers as Record<string, string> | undefined)},
		});
	};
	const ctx: ProbeContext = {
		local: t.org,
		userId: t.userId,
		tag: `probe ${run}`,
		api,
		raw: call,
		async query<T>(soql: string, all = false): Promise<T[]> {
			const r = await api(`/${all ? 'queryAll' : 'query'}?q=${encodeURIComponent(soql)}`);
			if (r.status !== 200) throw new Error(`query failed: ${r.text}`);
			return (r.json as {records: T[]}).records;
		},
		async create(fields) {
			const r = await api('/sobjects/Task', {method: 'POST', body: JSON.stringify(fields)});
			if (r.status !== 201) throw new Error(`create failed: ${r.status} ${r.text}`);
			const id = (r.json as {id: string}).id;
			created.push(id);
			return id;
		},
		track: id => created.push(id),
		async pause(ms) {
			if (t.org) t.org.clock.advance(ms);
			else await new Promise(resolve => setTimeout(resolve, ms));
		},
		env: name => process.env[name],
	};
	return {
		ctx,
		cleanUp: async () => {
			// Delete in reverse (occurrences before their series); a record already gone is fine.
			for (const id of created.reverse()) await api(`/sobjects/Task/${id}`, {method: 'DELETE'});
		},
	};
}
