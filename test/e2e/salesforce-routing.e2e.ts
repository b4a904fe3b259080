import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {type ExtensionSession, launchExtension} from './harness.js';

// The routing plumbing on its own, against an echo server standing in for the org: the browser and
// the worker ask for https://tickler-demo.*, the server sees the original Host, cookies, Authorization
// and body, and its Set-Cookie lands on the Salesforce host (R26: the shipped manifest, no localhost).

type Echo = {
	method: string;
	path: string;
	host: string;
	proto: string;
	cookie: string;
	authorization: string;
	body: string;
};

let server: Server;
let session: ExtensionSession;

beforeAll(async () => {
	server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const echo: Echo = {
				method: req.method ?? '',
				path: req.url ?? '',
				host: req.headers.host ?? '',
				proto: String(req.headers['x-forwarded-proto'] ?? ''),
				cookie: req.headers.cookie ?? '',
				authorization: req.headers.authorization ?? '',
				body: Buffer.concat(chunks).toString('utf8'),
			};
			res.setHeader('Set-Cookie', ['probe=1; Path=/; Secure; SameSite=None', 'second=2; Path=/; Secure']);
			if (req.url?.startsWith('/lightning/')) {
				res.setHeader('Content-Type', 'text/html');
				res.end(
					`<!doctype html><title>echo</title><pre id="echo">${JSON.stringify(echo).replaceAll('<', '&lt;')}</pre>`,
				);
			} else {
				res.setHeader('Content-Type', 'application/json');
				res.end(JSON.stringify(echo));
			}
		});
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	session = await launchExtension({org: {url: `http://127.0.0.1:${port}`}});
});

afterAll(async () => {
	await session.close();
	await new Promise(resolve => server.close(resolve));
});

test('a Lightning page is served by the local org under its Salesforce Host, and its cookies stick to that host', async () => {
	await session.context.addCookies([
		{name: 'sid', value: 'LIGHTNING-SID', url: `https://${session.hosts.lightning}/`, secure: true, sameSite: 'None'},
	]);
	const {page, errors} = await session.openPage(`https://${session.hosts.lightning}/lightning/page/home?x=1`);
	const echo = JSON.parse(await page.locator('#echo').innerText()) as Echo;
	expect(echo).toMatchObject({
		method: 'GET',
		path: '/lightning/page/home?x=1',
		host: 'tickler-demo.lightning.force.com',
		proto: 'https',
	});
	expect(echo.cookie).toContain('sid=LIGHTNING-SID');
	const cookies = await session.context.cookies(`https://${session.hosts.lightning}/`);
	expect(cookies.map(c => c.name).sort()).toEqual(['probe', 'second', 'sid']);
	expect(errors).toEqual([]);
});

test("the service worker's own fetch is routed, with method, Authorization and body intact", async () => {
	const url = `https://${session.hosts.myDomain}/services/data/v62.0/query?q=SELECT+Id+FROM+Task`;
	const echo = (await session.worker.evaluate(async target => {
		const response = await fetch(target, {method: 'POST', headers: {Authorization: 'Bearer 00D!abc'}, body: 'hello'});
		return response.json();
	}, url)) as Echo;
	expect(echo).toMatchObject({
		method: 'POST',
		path: '/services/data/v62.0/query?q=SELECT+Id+FROM+Task',
		host: 'tickler-demo.my.salesforce.com',
		authorization: 'Bearer 00D!abc',
		body: 'hello',
	});
});
