// Salesforce-like Task pages for the badge tests, served under the routed Salesforce hostnames. Used
// while the local org's own Lightning/Classic pages (test/org/pages.ts) are still a placeholder; the
// markup mimics a record page's header (data-testid="record-header") and the response carries a strict
// Salesforce-like Content-Security-Policy (no inline styles or scripts), so the badge is proven to work
// under it (it styles itself through CSSOM and a constructed stylesheet).

import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';

export type PageServer = {url: string; close(): Promise<void>};

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'";

function escapeHtml(text: string): string {
	return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

function page(title: string, body: string): string {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} | Salesforce</title>
<link rel="stylesheet" href="/page.css"></head><body>
<header class="global-header" data-testid="global-header"><span>Salesforce</span><nav>Home · Tasks · Accounts</nav></header>
<main>${body}</main></body></html>`;
}

const PAGE_CSS = `body{margin:0;font-family:Arial,sans-serif;background:#f3f3f3;color:#181818}
.global-header{height:88px;background:#fff;border-bottom:1px solid #ddd;display:flex;flex-direction:column;justify-content:space-around;padding:0 16px}
main{padding:12px}
[data-testid=record-header]{background:#fff;border:1px solid #ddd;border-radius:4px;padding:12px 16px;display:flex;justify-content:space-between;align-items:center}
[data-testid=record-header] h1{font-size:18px;margin:4px 0 0}
.actions button{margin-left:4px;padding:4px 12px;border:1px solid #c9c9c9;border-radius:4px;background:#fff;color:#0176d3}
.details{background:#fff;border:1px solid #ddd;border-radius:4px;margin-top:12px;padding:16px;min-height:300px}
/* A page rule that would restyle a careless extension's element. */
div, button, p, span { letter-spacing: 0.02em; }`;

function taskBody(id: string, subject: string): string {
	return `<section data-testid="record-header"><div><small>Task</small><h1 data-testid="record-title">${escapeHtml(subject)}</h1></div>
<div class="actions"><button>Edit</button><button>Delete</button><button>Change Date</button></div></section>
<section class="details"><p>Subject: ${escapeHtml(subject)}</p><p>Id: ${escapeHtml(id)}</p></section>`;
}

/** Lightning: /lightning/r/Task/<id>/view and /lightning/page/home; Classic: /<id>. Subjects from `subjects`. */
export async function startBadgePages(subjects: Record<string, string>): Promise<PageServer> {
	const server: Server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://x');
		res.setHeader('Content-Security-Policy', CSP);
		if (url.pathname === '/page.css') {
			res.setHeader('Content-Type', 'text/css');
			res.end(PAGE_CSS);
			return;
		}

		const lightning = /^\/lightning\/r\/(?:Task\/)?(\w+)\/view$/.exec(url.pathname);
		const classic = /^\/(00T\w{12,15})$/.exec(url.pathname);
		const id = lightning?.[1] ?? classic?.[1];
		res.setHeader('Content-Type', 'text/html; charset=utf-8');
		if (id !== undefined) {
			res.end(page(subjects[id] ?? 'Task', taskBody(id, subjects[id] ?? 'Task')));
		} else {
			res.end(page('Home', '<section class="details"><h1>Home</h1><p>Today’s Tasks</p></section>'));
		}
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		close: async () => new Promise(resolve => server.close(() => resolve())),
	};
}
