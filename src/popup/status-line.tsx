/** The sync status line and "Sync now" (R22). Its text comes from status-text.ts. */
import browser from 'webextension-polyfill';
import {useState} from 'preact/hooks';
import {requestIdentity} from '@/shared/identity-permission.js';
import {callBackground} from '@/shared/messages.js';
import type {StatusView} from './status-text.js';
import {nudgeSync} from './nudge.js';

/** A new tab needs no permission for a URL it opens (tabs.create); the popup closes as the tab takes focus. */
async function openSignIn(url: string): Promise<void> {
	await browser.tabs.create({url});
	window.close();
}

export function StatusLine({view}: {view: StatusView}) {
	const [requested, setRequested] = useState(false);
	return (
		<div class={`status status--${view.kind}`} role="status" aria-live="polite">
			<p class="status-text">
				{view.text}
				{view.kind === 'running' && (view.syncing || requested) ? <span class="syncing"> · Syncing…</span> : null}
			</p>
			{view.kind === 'running' && view.usage !== undefined ? <p class="status-usage">{view.usage}</p> : null}
			{view.kind === 'paused' && view.signIn && view.signInUrl !== undefined ? (
				// R20: one click to the org's own sign-in page; sync resumes by itself once the session cookie appears.
				<button type="button" class="primary" onClick={() => void openSignIn(view.signInUrl ?? '')}>
					Sign in
				</button>
			) : null}
			{view.kind === 'paused' && view.connect === 'reconnect' ? (
				// The worker runs the flow; the Salesforce window may close this popup, the worker carries on.
				<button
					type="button"
					onClick={() => {
						// R28: `identity` is optional; asked in the click (a user gesture) in case it was withdrawn.
						void requestIdentity()
							.then(async granted => (granted ? callBackground('connectSalesforce', {}) : undefined))
							.catch(() => undefined);
					}}
				>
					Reconnect
				</button>
			) : view.kind === 'off' || (view.kind === 'paused' && view.connect === 'connect') ? (
				<button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
					Open Settings
				</button>
			) : (
				<button
					type="button"
					onClick={() => {
						setRequested(true);
						nudgeSync('user');
						setTimeout(() => setRequested(false), 1500);
					}}
				>
					Sync now
				</button>
			)}
		</div>
	);
}
