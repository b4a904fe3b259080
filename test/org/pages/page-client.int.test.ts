// The Lightning-like client (/_ui/app.js) in happy-dom against the real org: records render as text (XSS-
// safe), links move between records with history.pushState (no reload), and edits write through the store.
import {Window} from 'happy-dom';
import {afterAll, beforeAll, expect} from 'vitest';
import {localOnly, must, openTarget} from '../contract-target.js';
import type {Target} from '../contract-target.js';
import {PAGE_CLIENT_JS} from './page-client.js';

let t: Target;
beforeAll(async () => {
	t = await openTarget({now: new Date('2025-02-03T10:00:00Z')});
});
afterAll(() => t.close());

type Page = {window: Window; document: Window['document']; until: (cond: () => boolean) => Promise<void>};

async function openPage(path: string): Promise<Page> {
	const org = must(t.org);
	const sid = org.createSession(org.users.rep.id, 'lightning');
	const shell = await fetch(`${t.url}${path}`, {headers: {Cookie: `sid=${sid}`}});
	const window = new Window({url: `${t.url}${path}`});
	const document = window.document;
	document.write((await shell.text()).replace(/<script[^>]*><\/script>/, ''));
	// Page-relative fetches go to the org with the page's cookie, as the browser would send it.
	const pageFetch = (input: string, init: RequestInit = {}): Promise<Response> =>
		fetch(new URL(input, t.url), {
			...init,
			headers: {...(init.headers as Record<string, string>), Cookie: `sid=${sid}`},
		});
	const names = ['window', 'document', 'history', 'location', 'fetch', 'Element', 'FormData'];
	const values = [window, document, window.history, window.location, pageFetch, window.Element, window.FormData];
	// eslint-disable-next-line @typescript-eslint/no-implied-eval -- runs the served client script inside happy-dom's globals
	new Function(...names, PAGE_CLIENT_JS)(...values);
	const until = async (cond: () => boolean): Promise<void> => {
		for (let i = 0; i < 2000 && !cond(); i++) await new Promise(r => setImmediate(r));
		if (!cond()) throw new Error(`condition never met; page: ${document.body.innerHTML.slice(0, 500)}`);
	};
	return {window, document, until};
}

const q = (p: Page, testid: string): Element | null =>
	p.document.querySelector(`[data-testid="${testid}"]`) as unknown as Element | null;

localOnly('a record page shows a hostile Subject literally, as text', async () => {
	const org = must(t.org);
	const evil = '<img src=x onerror=alert(1)>';
	const task = org.createTask(org.users.rep.id, {Subject: evil, Description: '<script>alert(2)</script>'});
	const p = await openPage(`/lightning/r/Task/${task.Id}/view`);
	await p.until(() => q(p, 'task-subject') !== null);
	expect(q(p, 'task-subject')?.textContent).toBe(evil);
	expect(q(p, 'task-description')?.textContent).toBe('<script>alert(2)</script>');
	expect(p.document.querySelectorAll('img').length).toBe(0);
	expect(q(p, 'record-page')?.getAttribute('data-record-id')).toBe(task.Id);
	// The record header is Lightning's highlights panel, holding the title and the record's actions.
	const header = q(p, 'record-header');
	expect(header?.tagName.toLowerCase()).toBe('records-highlights2');
	expect(header?.querySelector('.slds-page-header_record-home [data-testid="task-subject"]')).not.toBeNull();
	expect(header?.querySelector('.actions [data-testid="complete"]')).not.toBeNull();
	await p.window.happyDOM.close();
});

localOnly('links move between records with pushState, without a reload', async () => {
	const org = must(t.org);
	const a = org.createTask(org.users.rep.id, {Subject: 'First record', ActivityDate: '2025-02-03'});
	const b = org.createTask(org.users.rep.id, {Subject: 'Second record', ActivityDate: '2025-02-04'});
	const p = await openPage('/lightning/o/Task/list');
	await p.until(() => p.document.querySelectorAll('[data-testid="task-link"]').length >= 2);
	(p.window as unknown as {marker: string}).marker = 'same document';
	const links = [...p.document.querySelectorAll('[data-testid="task-link"]')];
	(links.find(l => l.textContent === 'Second record') as unknown as {click(): void}).click();
	await p.until(() => q(p, 'task-subject')?.textContent === 'Second record');
	expect(p.window.location.pathname).toBe(`/lightning/r/Task/${b.Id}/view`);
	expect((p.window as unknown as {marker: string}).marker).toBe('same document');
	// Back/forward: the router re-renders from location on popstate.
	p.window.history.replaceState({}, '', `/lightning/r/Task/${a.Id}/view`);
	p.window.dispatchEvent(new p.window.PopStateEvent('popstate'));
	await p.until(() => q(p, 'task-subject')?.textContent === 'First record');
	expect((p.window as unknown as {marker: string}).marker).toBe('same document');
	await p.window.happyDOM.close();
});

localOnly('edit, complete and delete from the record page write through the store', async () => {
	const org = must(t.org);
	const task = org.createTask(org.users.rep.id, {Subject: 'Edit me', ActivityDate: '2025-02-03'});
	const p = await openPage(`/lightning/r/Task/${task.Id}/view`);
	await p.until(() => q(p, 'task-form') !== null);
	(q(p, 'input-subject') as unknown as {value: string}).value = 'Edited in the page';
	(q(p, 'input-priority') as unknown as {value: string}).value = 'High';
	(q(p, 'input-due-date') as unknown as {value: string}).value = '2025-02-07';
	(q(p, 'save') as unknown as {click(): void}).click();
	await p.until(() => org.getTask(task.Id)?.Subject === 'Edited in the page');
	expect(org.getTask(task.Id)).toMatchObject({Priority: 'High', IsHighPriority: true, ActivityDate: '2025-02-07'});
	await p.until(() => q(p, 'task-subject')?.textContent === 'Edited in the page');
	(q(p, 'complete') as unknown as {click(): void}).click();
	await p.until(() => org.getTask(task.Id)?.IsClosed === true);
	await p.until(() => q(p, 'delete') !== null && q(p, 'record-page')?.getAttribute('data-closed') === 'true');
	(q(p, 'delete') as unknown as {click(): void}).click();
	await p.until(() => org.getTask(task.Id)?.IsDeleted === true);
	await p.until(() => p.window.location.pathname === '/lightning/o/Task/list');
	await p.window.happyDOM.close();
});

localOnly('the home page creates a Task for the signed-in user', async () => {
	const org = must(t.org);
	const p = await openPage('/lightning/page/home');
	await p.until(() => q(p, 'new-task-form') !== null);
	(q(p, 'input-subject') as unknown as {value: string}).value = 'Created on home';
	(q(p, 'create') as unknown as {click(): void}).click();
	await p.until(() => org.listTasks().some(r => r.Subject === 'Created on home'));
	const row = org.listTasks().find(r => r.Subject === 'Created on home');
	expect(row?.OwnerId).toBe(org.users.rep.id);
	await p.until(() => p.window.location.pathname === `/lightning/r/Task/${row?.Id ?? ''}/view`);
	await p.window.happyDOM.close();
});
