// HTML response helpers for the pages; all record text goes through escapeHtml (a Subject of
// `<img src=x onerror=alert(1)>` must render literally). Every HTML page carries a strict
// Salesforce-like Content-Security-Policy: no inline scripts or styles (not even style attributes), so
// the pages' script and styles are served files (/_ui/app.js, /_ui/app.css, /_ui/classic.css), and an
// extension that injects inline markup or styles fails here as it would on Salesforce.

import type {ApiResponse} from '../api/api-types.js';

export function escapeHtml(s: string): string {
	return s.replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c] ?? c);
}

/** The pages' Content-Security-Policy: same-origin scripts, styles, images and fetches only. */
export const PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'";

export function html(status: number, body: string, headers: Record<string, string> = {}): ApiResponse {
	return {
		status,
		headers: {
			'Content-Type': 'text/html;charset=UTF-8',
			'Cache-Control': 'no-cache,must-revalidate,max-age=0,no-store,private',
			'Content-Security-Policy': PAGE_CSP,
			...headers,
		},
		body,
	};
}

export function redirect(location: string, headers: Record<string, string> = {}): ApiResponse {
	return {status: 302, headers: {Location: location, ...headers}, body: undefined};
}
