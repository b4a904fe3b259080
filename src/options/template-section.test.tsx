// @vitest-environment happy-dom
/** R10: the settings page's Subject template — a live preview, the rename note, and a save made by the worker. */
import 'fake-indexeddb/auto';
import {render} from 'preact';
import {act} from 'preact/test-utils';
import {beforeEach, expect, test, vi} from 'vitest';
import browser from 'webextension-polyfill';
import {partitionFixture, TEST_PARTITION_ID} from '../../test/fakes/partition.js';
import {pageRootPerTest, workerDb as db} from '../../test/fakes/worker-for-pages.js';
import {TemplateSection} from './template-section.js';

let root: HTMLElement;

pageRootPerTest(fresh => (root = fresh));

beforeEach(async () => {
	await db.partitions.put(partitionFixture({subjectTemplate: '{{activity_subject}}'}));
});

async function mountWithTemplate(template: string): Promise<HTMLInputElement> {
	const partition = (await db.partitions.get(TEST_PARTITION_ID))!;
	await act(() => {
		render(<TemplateSection partition={partition} />, root);
	});
	const input = root.querySelector('input')!;
	await act(() => {
		input.value = template;
		input.dispatchEvent(new Event('input', {bubbles: true}));
	});
	return input;
}

async function save(): Promise<void> {
	await act(() => {
		[...root.querySelectorAll('button')].find(button => button.textContent === 'Save template')!.click();
	});
}

test('R10: the template preview follows typing, with the rename note; the worker saves it', async () => {
	const input = await mountWithTemplate('Tickler: {{activity_subject}}');
	const sent = vi.spyOn(browser.runtime, 'sendMessage');
	expect(root.querySelector('output')?.textContent).toBe('Tickler: Call Ana back about the quote');
	expect(root.textContent).toContain('Subject edits made in Salesforce never change the reminder');
	await save();
	// Written by the worker (saveSubjectTemplate), like every page's writes, into the store the page reads.
	await vi.waitFor(() => expect(root.querySelector('[role=status]')?.textContent).toContain('Saved.'));
	expect((await db.partitions.get(TEST_PARTITION_ID))?.subjectTemplate).toBe('Tickler: {{activity_subject}}');
	expect(sent.mock.calls).toEqual([
		[
			{
				channel: 'tickler',
				method: 'saveSubjectTemplate',
				input: {partition: TEST_PARTITION_ID, template: 'Tickler: {{activity_subject}}'},
			},
		],
	]);
	sent.mockRestore();
	await act(() => {
		input.value = 'Fixed subject';
		input.dispatchEvent(new Event('input', {bubbles: true}));
	});
	expect(root.textContent).toContain('(this one does not)');
});

test('R10: a template the store refuses is said beside the form, and nothing is written', async () => {
	await mountWithTemplate('x'.repeat(1001));
	await save();
	await vi.waitFor(() =>
		expect(root.querySelector('[role=alert]')?.textContent).toContain('The subject template is too long.'),
	);
	expect((await db.partitions.get(TEST_PARTITION_ID))?.subjectTemplate).toBe('{{activity_subject}}');
});
