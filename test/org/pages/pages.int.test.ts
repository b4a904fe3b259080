// The login flow, sid cookies per host, and the Lightning/Classic pages with their same-origin JSON
// endpoints (issue 3 "Pages"; salesforce-facts.md §1.2, §8). Local org only: these are not REST routes.
import {afterAll, beforeAll, expect} from 'vitest';
import {API_VERSION, connect, failure, httpCall, localOnly, must, openTarget} from '../contract-target.js';
import type {Target} from '../contract-target.js';

let t: Target;
const MY = 'tickler-demo.my.salesforce.com';
const LX = 'tickler-demo.lightning.force.com';
beforeAll(async () => {
	t = await openTarget({now: new Date('2025-02-03T10:00:00Z')});
});
afterAll(() => t.close());

const sidOf = (setCookie: string | string[] | undefined): string => {
	const c = Array.isArray(setCookie) ? setCookie.join(';') : (setCookie ?? '');
	return /sid=([^;]*)/.exec(c)?.[1] ?? '';
};
const form = {'content-type': 'application/x-www-form-urlencoded'};

localOnly('the login page shows the demo users and password; a wrong password is refused', async () => {
	const page = await httpCall(t.url, '/login', {Host: MY});
	expect(page.status).toBe(200);
	expect(page.text).toContain('rep@tickler-demo.example');
	expect(page.text).toContain('data-testid="demo-password">demo<');
	const bad = await httpCall(
		t.url,
		'/login',
		{Host: MY, ...form},
		'POST',
		'username=rep%40tickler-demo.example&pw=nope',
	);
	expect(bad.status).toBe(401);
	expect(bad.text).toContain('data-testid="login-error"');
});

localOnly('signing in on My Domain sets an API sid there and hands a non-API sid to the Lightning host', async () => {
	const org = must(t.org);
	const login = await httpCall(
		t.url,
		'/login',
		{Host: MY, ...form},
		'POST',
		'username=rep%40tickler-demo.example&pw=demo&startURL=%2Flightning%2Fo%2FTask%2Flist',
	);
	expect(login.status).toBe(302);
	expect(String(login.headers['set-cookie'])).toMatch(/^sid=00D[a-zA-Z0-9]{12}![^;]+; Path=\/; Secure; SameSite=None$/);
	const apiSid = sidOf(login.headers['set-cookie']);
	const loc = new URL(String(login.headers['location']));
	expect(`${loc.protocol}//${loc.host}${loc.pathname}`).toBe(`https://${LX}/secur/frontdoor.jsp`);
	expect(loc.searchParams.get('retURL')).toBe('/lightning/o/Task/list');
	// The My Domain sid is API-capable.
	expect((await connect(t.url, apiSid).query('SELECT Id FROM Task LIMIT 1')).done).toBe(true);
	const front = await httpCall(t.url, `${loc.pathname}${loc.search}`, {Host: LX});
	expect([front.status, front.headers['location']]).toEqual([302, '/lightning/o/Task/list']);
	const lightningSid = sidOf(front.headers['set-cookie']);
	expect(lightningSid).not.toBe(apiSid);
	expect(lightningSid.split('!')[0]).toBe(org.orgId15);
	// …and the Lightning sid is not.
	const e = await failure(connect(t.url, lightningSid).query('SELECT Id FROM Task'));
	expect(e.message).toBe('This session is not valid for use with the REST API');
	// It opens Lightning pages.
	const list = await httpCall(t.url, '/lightning/o/Task/list', {Host: LX, Cookie: `sid=${lightningSid}`});
	expect(list.status).toBe(200);
	expect(list.text).toContain('data-testid="lightning-app"');
});

localOnly('Lightning pages without a session redirect to the My Domain login with startURL', async () => {
	const r = await httpCall(t.url, '/lightning/r/Task/00T000000000000/view', {Host: LX});
	expect(r.status).toBe(302);
	expect(r.headers['location']).toBe(
		`https://${MY}/login?startURL=${encodeURIComponent('/lightning/r/Task/00T000000000000/view')}`,
	);
	const local = await httpCall(t.url, '/lightning/page/home', {});
	expect(local.headers['location']).toBe(`/login?startURL=${encodeURIComponent('/lightning/page/home')}`);
});

localOnly(
	'page JSON endpoints read and write the same store, authenticated by cookie and not counted as API calls',
	async () => {
		const org = must(t.org);
		const sid = org.createSession(org.users.rep.id, 'lightning');
		const task = org.createTask(org.users.rep.id, {Subject: 'Page task', ActivityDate: '2025-02-03'});
		org.setApiUsage(0);
		const h = {Host: LX, Cookie: `sid=${sid}`, 'content-type': 'application/json'};
		const got = JSON.parse((await httpCall(t.url, `/_ui/api/tasks/${task.Id}`, h)).text) as Record<string, unknown>;
		expect(got['Subject']).toBe('Page task');
		const patched = await httpCall(
			t.url,
			`/_ui/api/tasks/${task.Id}`,
			h,
			'PATCH',
			JSON.stringify({Subject: 'Edited on the page', Priority: 'High', Description: 'from UI'}),
		);
		expect(patched.status).toBe(200);
		expect(org.getTask(task.Id)).toMatchObject({
			Subject: 'Edited on the page',
			IsHighPriority: true,
			LastModifiedById: org.users.rep.id,
		});
		expect((await httpCall(t.url, `/_ui/api/tasks/${task.Id}/complete`, h, 'POST')).status).toBe(200);
		expect(org.getTask(task.Id)?.IsClosed).toBe(true);
		const created = JSON.parse(
			(
				await httpCall(
					t.url,
					'/_ui/api/tasks',
					h,
					'POST',
					JSON.stringify({Subject: 'Made on the page', ActivityDate: '2025-02-04'}),
				)
			).text,
		) as {Id: string};
		expect(org.getTask(created.Id)?.OwnerId).toBe(org.users.rep.id);
		expect((await httpCall(t.url, `/_ui/api/tasks/${created.Id}`, h, 'DELETE')).status).toBe(204);
		expect(org.getTask(created.Id)?.IsDeleted).toBe(true);
		const tooLong = await httpCall(
			t.url,
			`/_ui/api/tasks/${task.Id}`,
			h,
			'PATCH',
			JSON.stringify({Subject: 'x'.repeat(300)}),
		);
		expect(JSON.parse(tooLong.text)).toMatchObject({error: {errorCode: 'STRING_TOO_LONG'}});
		expect(org.apiUsage().used).toBe(0);
		expect(org.requests.filter(r => r.path.startsWith('/_ui/')).every(r => !r.countedAsApi)).toBe(true);
		expect((await httpCall(t.url, '/_ui/api/tasks', {Host: LX})).status).toBe(401);
		// The REST API sees the page edit.
		const viaApi = (await t.conn.sobject('Task').retrieve(task.Id)) as Record<string, unknown>;
		expect(viaApi['Description']).toBe('from UI');
	},
);

localOnly('the Classic page /<id> renders record text escaped and saves through a form post', async () => {
	const org = must(t.org);
	const sid = org.createSession(org.users.rep.id, 'api');
	const evil = '<img src=x onerror=alert(1)>';
	const task = org.createTask(org.users.rep.id, {Subject: evil, Description: '"quoted" & <b>bold</b>'});
	const page = await httpCall(t.url, `/${task.Id.slice(0, 15)}`, {Host: MY, Cookie: `sid=${sid}`});
	expect(page.status).toBe(200);
	expect(page.text).not.toContain(evil);
	expect(page.text).toContain('data-testid="task-subject">&lt;img src=x onerror=alert(1)&gt;</h2>');
	expect(page.text).toContain('&quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;');
	const save = await httpCall(
		t.url,
		`/${task.Id}`,
		{Host: MY, Cookie: `sid=${sid}`, ...form},
		'POST',
		new URLSearchParams({
			_action: 'save',
			Subject: 'Safe now',
			Status: 'In Progress',
			Priority: 'Low',
			ActivityDate: '2025-02-10',
			Description: '',
		}).toString(),
	);
	expect([save.status, save.headers['location']]).toEqual([302, `/${task.Id}`]);
	expect(org.getTask(task.Id)).toMatchObject({
		Subject: 'Safe now',
		Status: 'In Progress',
		Priority: 'Low',
		ActivityDate: '2025-02-10',
		Description: null,
	});
	const del = await httpCall(t.url, `/${task.Id}`, {Host: MY, Cookie: `sid=${sid}`, ...form}, 'POST', '_action=delete');
	expect(del.status).toBe(302);
	expect(org.getTask(task.Id)?.IsDeleted).toBe(true);
	expect((await httpCall(t.url, `/${task.Id}`, {Host: MY, Cookie: `sid=${sid}`})).status).toBe(404);
});

localOnly('the app script is served and REST routes never redirect', async () => {
	const js = await httpCall(t.url, '/_ui/app.js', {});
	expect(js.headers['content-type']).toBe('application/javascript;charset=UTF-8');
	expect(js.text).toContain('history.pushState');
	expect(js.text).not.toContain('innerHTML');
	const api = await httpCall(t.url, `/services/data/v${API_VERSION}/query?q=x`, {Host: LX});
	expect(api.status).toBe(401);
});

localOnly(
	'the pages carry a strict Content-Security-Policy and use no inline script or style; their CSS is served',
	async () => {
		const org = must(t.org);
		const lsid = org.createSession(org.users.rep.id, 'lightning');
		const sid = org.createSession(org.users.rep.id, 'api');
		const task = org.createTask(org.users.rep.id, {Subject: 'CSP task', ActivityDate: '2025-02-05'});
		const pages = [
			await httpCall(t.url, `/lightning/r/Task/${task.Id}/view`, {Host: LX, Cookie: `sid=${lsid}`}),
			await httpCall(t.url, `/${task.Id.slice(0, 15)}`, {Host: MY, Cookie: `sid=${sid}`}),
			await httpCall(t.url, '/home/home.jsp', {Host: MY, Cookie: `sid=${sid}`}),
			await httpCall(t.url, '/login', {Host: MY}),
		];
		for (const page of pages) {
			expect(page.status).toBe(200);
			expect(page.headers['content-security-policy']).toBe(
				"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'",
			);
			// No inline <style>, no style="" attribute, no <script> without src, no on*= handler.
			expect(page.text).not.toMatch(/<style|\sstyle=|<script(?![^>]*\ssrc=)|\son[a-z]+=/i);
		}
		expect(pages[0]?.text).toContain('<link rel="stylesheet" href="/_ui/app.css">');
		expect(pages[1]?.text).toContain('<link rel="stylesheet" href="/_ui/classic.css">');
		expect(pages[1]?.text).toContain('<div class="bPageTitle" data-testid="record-header">');
		expect(pages[2]?.text).toContain(`<a href="/${task.Id.slice(0, 15)}" data-testid="task-link">CSP task</a>`);
		for (const [file, marker] of [
			['/_ui/app.css', '.slds-page-header_record-home{'],
			['/_ui/classic.css', '.bPageTitle{'],
		] as const) {
			const css = await httpCall(t.url, file, {});
			expect(css.status).toBe(200);
			expect(css.headers['content-type']).toBe('text/css;charset=UTF-8');
			expect(css.text).toContain(marker);
			// The rule that would restyle an extension's element that does not keep to its shadow root.
			expect(css.text).toContain('div, button, p, span { letter-spacing: 0.02em; }');
		}
	},
);

localOnly('a Classic non-Task record shows its own detail page, not a Task', async () => {
	const org = must(t.org);
	const sid = org.createSession(org.users.rep.id, 'api');
	const account = org.insertRecord('Account', {Name: 'Acme <Corp>'});
	const page = await httpCall(t.url, `/${account.slice(0, 15)}`, {Host: MY, Cookie: `sid=${sid}`});
	expect(page.status).toBe(200);
	expect(page.text).toContain('data-testid="record-name">Acme &lt;Corp&gt;</h2>');
	expect(page.text).toContain('data-sobject="Account"');
	expect(page.text).not.toContain('data-testid="task-subject"');
});
