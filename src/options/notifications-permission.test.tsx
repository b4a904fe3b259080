// @vitest-environment happy-dom
/** R32: the settings page's "Reminder alerts" offers the optional notifications permission while Tickler may not notify. */
import 'fake-indexeddb/auto';
import {render} from 'preact';
import {act} from 'preact/test-utils';
import {afterEach, beforeEach, describe, expect, test, vi} from 'vitest';
import {NOTIFICATIONS_PERMISSION_COPY} from '@/shared/copy.js';
import {
	answerPermissionRequests,
	requestedPermissions,
	resetFakeBrowser,
	setOptionalPermission,
} from '../../test/fakes/browser.js';
import {partitionFixture} from '../../test/fakes/partition.js';
import {db} from './settings-db.js';
import {WhoAlertsSection} from './who-alerts-section.js';
import {createDomRoot, removeDomRoot} from '../../test/fakes/dom-root.js';

let root: HTMLElement;

beforeEach(async () => {
	await resetFakeBrowser();
	await Promise.all(db.tables.map(table => table.clear()));
	root = createDomRoot();
});

afterEach(async () => {
	await removeDomRoot(root);
	await resetFakeBrowser();
});

const allowButton = () =>
	[...root.querySelectorAll('button')].find(b => b.textContent === NOTIFICATIONS_PERMISSION_COPY.allow);
const radio = (label: string) => {
	const id = [...root.querySelectorAll('label')].find(l => l.textContent === label)?.getAttribute('for') ?? '';
	return root.querySelector(`[id="${CSS.escape(id)}"]`) as HTMLInputElement;
};

async function renderSection(whoAlerts?: 'tickler' | 'salesforce' | 'both') {
	const partition = partitionFixture(whoAlerts === undefined ? {} : {whoAlerts});
	await db.partitions.put(partition);
	await act(() => {
		render(<WhoAlertsSection partition={partition} />, root);
	});
}

describe('R32: "Allow notifications" in settings', () => {
	test('R32: Tickler chosen without the permission: says Salesforce alerts meanwhile; the button asks, in the click, and goes once granted', async () => {
		setOptionalPermission('notifications', false);
		await renderSection();
		await vi.waitFor(() => expect(allowButton()).toBeDefined());
		expect(root.textContent).toContain(NOTIFICATIONS_PERMISSION_COPY.settingsLine);
		allowButton()?.click();
		expect(requestedPermissions()).toEqual([{permissions: ['notifications']}]);
		await vi.waitFor(() => expect(allowButton()).toBeUndefined());
		expect(root.textContent).not.toContain(NOTIFICATIONS_PERMISSION_COPY.settingsLine);
	});

	test('R32: granted elsewhere (the popup) while settings are open: the button goes', async () => {
		setOptionalPermission('notifications', false);
		await renderSection();
		await vi.waitFor(() => expect(allowButton()).toBeDefined());
		await act(() => {
			setOptionalPermission('notifications', true);
		});
		await vi.waitFor(() => expect(allowButton()).toBeUndefined());
	});

	test('R32: a refusal keeps the button and says Salesforce keeps alerting', async () => {
		setOptionalPermission('notifications', false);
		answerPermissionRequests(false);
		await renderSection('both');
		await vi.waitFor(() => expect(allowButton()).toBeDefined());
		await act(() => {
			allowButton()?.click();
		});
		await vi.waitFor(() =>
			expect(root.querySelector('[role=status]')?.textContent).toBe(NOTIFICATIONS_PERMISSION_COPY.refused),
		);
		expect(allowButton()).toBeDefined();
	});

	test('R32: with Salesforce chosen, or the permission granted, no button; choosing Tickler without it asks', async () => {
		await renderSection('tickler');
		await act(async () => {
			await Promise.resolve();
		});
		expect(allowButton()).toBeUndefined();
		await act(() => {
			render(null, root);
		});
		setOptionalPermission('notifications', false);
		answerPermissionRequests(false);
		await renderSection('salesforce');
		await act(async () => {
			await Promise.resolve();
		});
		expect(allowButton()).toBeUndefined();
		expect(requestedPermissions()).toEqual([]);
		await act(() => {
			radio('Tickler').click();
		});
		expect(requestedPermissions()).toEqual([{permissions: ['notifications']}]);
		await vi.waitFor(() => expect(allowButton()).toBeDefined());
	});
});
