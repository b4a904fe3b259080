// HTML response helpers for the pages; all record text goes through escapeHtml (a Subject of
// `<img src=x onerror=alert(1)>` must render literally).

import type {ApiResponse} from './api-types.js';

export function escapeHtml(s: string): string {
	return s.replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c] ?? c);
}

export function html(status: number, body: string, headers: Record<string, string> = {}): ApiResponse {
	return {
		status,
		headers: {
			'Content-Type': 'text/html;charset=UTF-8',
			'Cache-Control': 'no-cache,must-revalidate,max-age=0,no-store,private',
			...headers,
		},
		body,
	};
}

export function redirect(location: string, headers: Record<string, string> = {}): ApiResponse {
	return {status: 302, headers: {Location: location, ...headers}, body: undefined};
}
