// @vitest-environment happy-dom
/** R50: settings' Notifications — the Snooze button's default, and the test notification with advice per system. */
import 'fake-indexeddb/auto';
import {render} from 'preact';
import {act} from 'preact/test-utils';
import {expect, test, vi} from 'vitest';
import browser from 'webextension-polyfill';
import {setOptionalPermission, setPlatformOs} from '../../test/fakes/browser.js';
import {pageRootPerTest} from '../../test/fakes/worker-for-pages.js';
import {NotificationsSection} from './notifications-section.js';

let root: HTMLElement;
pageRootPerTest(fresh => (root = fresh));

const snoozeSelect = () => root.querySelector('select') as HTMLSelectElement;
const button = (name: string) => [...root.querySelectorAll('button')].find(b => b.textContent === name);

test('R50: the Snooze button snoozes one hour until the rep chooses; a choice is saved at once and kept', async () => {
	await act(() => {
		render(<NotificationsSection />, root);
	});
	await vi.waitFor(() => expect(snoozeSelect().value).toBe('1-hour'));
	expect([...snoozeSelect().options].map(option => option.textContent)).toEqual([
		'10 minutes',
		'1 hour',
		'Tomorrow morning',
		'Next week',
	]);
	await act(() => {
		snoozeSelect().value = 'tomorrow-morning';
		snoozeSelect().dispatchEvent(new Event('change'));
	});
	await vi.waitFor(() => expect(root.querySelector('[role=status]')?.textContent).toBe('Saved.'));
	expect((await browser.storage.local.get('tickler:notificationSnooze'))['tickler:notificationSnooze']).toBe(
		'tomorrow-morning',
	);
});

test('R50: a test notification is sent, and the page says where to look on the rep’s own system', async () => {
	setPlatformOs('win');
	await act(() => {
		render(<NotificationsSection />, root);
	});
	await act(() => {
		button('Send a test notification')?.click();
	});
	await vi.waitFor(() => expect(root.textContent).toContain('If no notification appeared'));
	expect(root.textContent).toContain('Windows: in Settings → System → Notifications');
	expect(Object.keys(await browser.notifications.getAll())).toEqual(['tickler-test']);
});

test('R50: without the permission the test says to allow notifications first, and shows nothing', async () => {
	setOptionalPermission('notifications', false);
	await act(() => {
		render(<NotificationsSection />, root);
	});
	await act(() => {
		button('Send a test notification')?.click();
	});
	await vi.waitFor(() => expect(root.textContent).toContain('allow them under Reminder alerts first'));
	expect(root.textContent).not.toContain('If no notification appeared');
});
