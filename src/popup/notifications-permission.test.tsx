// @vitest-environment happy-dom
/**
 * R32: the popup's forms ask for the optional notifications permission when the rep saves a reminder time,
 * inside the submit (a user gesture), and say in one line that Salesforce alerts while it is not granted.
 */
import 'fake-indexeddb/auto';
import {act} from 'preact/test-utils';
import {afterEach, describe, expect, test, vi} from 'vitest';
import {NOTIFICATIONS_PERMISSION_COPY} from '@/shared/copy.js';
import {answerPermissionRequests, requestedPermissions, setOptionalPermission} from '../../test/fakes/browser.js';
import {pageRootPerTest, workerDb as db} from '../../test/fakes/worker-for-pages.js';
import {localDays} from './dates.js';
import {typeInto, openAddForm} from '../../test/fakes/popup-form.js';

let root: HTMLElement;

/** Named, and due today so the due list shows it. */
async function nameDueToday(form: HTMLFormElement, name: string) {
	const dueId = [...form.querySelectorAll('label')].find(l => l.textContent === 'Due date')?.getAttribute('for') ?? '';
	await act(() => {
		typeInto(form.querySelector('input')!, name);
		typeInto(form.querySelector(`[id="${CSS.escape(dueId)}"]`)!, localDays().today);
	});
}

async function chooseOneHour(form: HTMLFormElement) {
	await act(() => {
		[...form.querySelectorAll('button')].find(b => b.textContent === '1 hour')?.click();
	});
}

pageRootPerTest(fresh => (root = fresh));

afterEach(async () => {
	setOptionalPermission('notifications', true);
	answerPermissionRequests(true);
});

describe('R32: the popup asks for the notifications permission', () => {
	test('R32: saving with a time asks, synchronously in the submit; a refusal still saves, and the form says Salesforce alerts', async () => {
		setOptionalPermission('notifications', false);
		answerPermissionRequests(false);
		const form = await openAddForm(root);
		typeInto(form.querySelector('input')!, 'Call Ann');
		await chooseOneHour(form);
		await vi.waitFor(() =>
			expect(form.querySelector('.form-note')?.textContent).toBe(NOTIFICATIONS_PERMISSION_COPY.formLine),
		);
		expect(form.querySelectorAll('.form-note')).toHaveLength(1);
		// No act() and no await: the request must already be made when the submit event returns.
		form.requestSubmit();
		expect(requestedPermissions()).toEqual([{permissions: ['notifications']}]);
		await vi.waitFor(() => expect(root.querySelector('.reminder .name')?.textContent).toBe('Call Ann'));
		expect((await db.reminders.toArray())[0]?.reminderAt).toEqual(expect.any(String));
	});

	test('R32: saving without a time does not ask, and shows no line', async () => {
		setOptionalPermission('notifications', false);
		const form = await openAddForm(root);
		await nameDueToday(form, 'No time');
		await act(() => {
			form.requestSubmit();
		});
		await vi.waitFor(() => expect(root.querySelector('.reminder .name')?.textContent).toBe('No time'));
		expect(requestedPermissions()).toEqual([]);
		expect(root.querySelector('.form-note')).toBeNull();
	});

	test('R32: with the permission already granted, saving a time asks nothing and shows no line', async () => {
		const form = await openAddForm(root);
		typeInto(form.querySelector('input')!, 'Granted');
		await chooseOneHour(form);
		await act(async () => {
			await Promise.resolve();
		});
		expect(form.querySelector('.form-note')).toBeNull();
		await act(() => {
			form.requestSubmit();
		});
		await vi.waitFor(() => expect(root.querySelector('.reminder .name')?.textContent).toBe('Granted'));
		expect(requestedPermissions()).toEqual([]);
	});

	test('R32: the edit form asks too when a time is saved', async () => {
		setOptionalPermission('notifications', false);
		const form = await openAddForm(root);
		await nameDueToday(form, 'Edit me');
		await act(() => {
			form.requestSubmit();
		});
		await vi.waitFor(() => expect(root.querySelector('.reminder .name')?.textContent).toBe('Edit me'));
		await act(() => {
			(root.querySelector('[aria-label="Edit Edit me"]') as HTMLElement).click();
		});
		const edit = root.querySelector('[aria-label="Edit Edit me"]') as HTMLFormElement;
		await chooseOneHour(edit);
		edit.requestSubmit();
		expect(requestedPermissions()).toEqual([{permissions: ['notifications']}]);
		await vi.waitFor(async () => expect((await db.reminders.toArray())[0]?.reminderAt).toEqual(expect.any(String)));
	});
});
