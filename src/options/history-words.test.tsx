// @vitest-environment happy-dom
import {readFileSync} from 'node:fs';
import {render} from 'preact';
import {act} from 'preact/test-utils';
import {afterEach, beforeEach, expect, test} from 'vitest';
import type {SyncHistoryRow} from '@/shared/store/schema.js';
import {createDomRoot, removeDomRoot} from '../../test/fakes/dom-root.js';
import {HistorySection} from './history-section.js';
import {historyDetails, historyErrorText, historyNoteText} from './history-words.js';

let root: HTMLElement;
beforeEach(() => {
	root = createDomRoot();
});
afterEach(async () => {
	await removeDomRoot(root);
});

/** What the worker records (cycle-end.ts failureStatus, push-settle.ts) for the failures a rep meets. */
const RECORDED = [
	{code: 'INVALID_SESSION_ID', message: 'auth'},
	{code: 'REQUEST_LIMIT_EXCEEDED', message: 'limit'},
	{code: 'ERROR_HTTP_503', message: 'transient'},
	{code: 'NETWORK_ERROR', message: 'transient'},
	{code: 'NOT_FOUND', message: 'permanent'},
	{code: 'storage-full', message: 'local storage'},
	{code: 'storage-unavailable', message: 'local storage'},
	{code: 'STRING_TOO_LONG', message: 'A record was refused'},
	{code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'A record was refused'},
	{code: 'REQUIRED_FIELD_MISSING', message: 'A record was refused'},
	{code: 'INSUFFICIENT_ACCESS_OR_READONLY', message: 'A record was refused'},
	{code: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', message: 'A record was refused'},
	{code: 'SOME_FUTURE_CODE', message: 'A record was refused'},
	{code: 'SOME_FUTURE_CODE', message: 'something new'},
];

test('issue 20: every recorded sync error is a sentence in plain words, never its code', () => {
	for (const error of RECORDED) {
		const text = historyErrorText(error);
		expect(text).not.toContain(error.code);
		expect(text).not.toMatch(/[A-Z]{2,}_[A-Z]/);
		expect(text).toMatch(/^[A-Z].*\.$/);
	}

	expect(historyErrorText({code: 'INVALID_SESSION_ID', message: 'auth'})).toBe(
		'Salesforce no longer accepted the session: sync waited for you to sign in.',
	);
	expect(historyErrorText({code: 'STRING_TOO_LONG', message: 'A record was refused'})).toBe(
		'Salesforce refused a reminder: a field was too long.',
	);
	expect(historyErrorText({code: 'SOME_FUTURE_CODE', message: 'A record was refused'})).toBe(
		'Salesforce refused a change to a reminder: see “Reminders in error”.',
	);
});

/** Every note the worker writes, read from its sources with each `${…}` as a number. */
function workerNotes(): string[] {
	const files = [
		'src/background/sync/apply-rows.ts',
		'src/background/sync/access.ts',
		'src/background/sync/reconcile.ts',
		'src/background/task-page/badge-usage.ts',
	];
	const notes = files.flatMap(file => {
		const text = readFileSync(file, 'utf8');
		return [...text.matchAll(/notes(?:\.push\(\s*|: \[)(['`])([\s\S]*?)\1/g)].map(match => match[2] ?? '');
	});
	// A template with a choice inside (`${reason === 'not-yours' ? 'a' : 'b'}`) stands for each of its branches.
	return notes.flatMap(note => {
		const choice = /\$\{[^}]*\? '([^']*)' : '([^']*)'\}/.exec(note);
		const branches = choice ? [note.replace(choice[0], choice[1]!), note.replace(choice[0], choice[2]!)] : [note];
		return branches.map(branch => branch.replaceAll(/\$\{[^}]*\}/g, '2'));
	});
}

test('issue 20: every note the worker writes has a catalog sentence (no rule ids, the rep’s language)', () => {
	const notes = workerNotes();
	expect(notes.length).toBeGreaterThanOrEqual(7);
	for (const note of notes) {
		const text = historyNoteText(note);
		expect(text, note).not.toBe(note);
		expect(text).not.toMatch(/\bR\d+\b/);
	}
});

test('issue 20: Settings → History says each thing once, in words; an uneventful run shows a dash', async () => {
	const row = (errors: SyncHistoryRow['errors'], notes: string[], seq: number): SyncHistoryRow => ({
		seq,
		partition: 'p',
		trigger: 'alarm',
		startedAt: 0,
		endedAt: 0,
		outcome: errors.length > 0 ? 'paused' : 'ok',
		pulled: 0,
		pushed: 0,
		deleted: 0,
		conflicts: 0,
		apiRequests: 1,
		errors,
		notes,
	});
	const refused = {code: 'STRING_TOO_LONG', message: 'A record was refused'};
	await act(() => {
		render(
			<HistorySection
				rows={[
					row([{code: 'INVALID_SESSION_ID', message: 'auth'}], [], 1),
					row(
						[refused, refused],
						['Reconciliation (R15): removed 2 reminder(s) whose Task no longer exists in Salesforce.'],
						2,
					),
					row([], [], 3),
				]}
			/>,
			root,
		);
	});
	const cells = [...root.querySelectorAll('tbody tr')].map(tr => tr.lastElementChild?.textContent);
	expect(cells).toEqual([
		'Salesforce no longer accepted the session: sync waited for you to sign in.',
		'Salesforce refused a reminder: a field was too long. Reminders whose Task no longer exists in Salesforce were removed.',
		'—',
	]);
	expect(root.textContent).not.toMatch(/INVALID_SESSION_ID|STRING_TOO_LONG|R15/);
});

test('historyDetails is undefined for nothing to say', () => {
	expect(historyDetails({errors: [], notes: []})).toBeUndefined();
});
