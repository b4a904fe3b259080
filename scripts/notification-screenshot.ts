/**
 * docs/screenshots/notification.png (issue 13): Tickler's reminder notification (R31) as Chromium shows it.
 * Headless Chromium draws no notification, so this runs a real, headed Chromium on a virtual X display
 * (Xvfb) and photographs the whole screen with xwd: the notification is Chromium's own, raised by the
 * worker's real path — a reminder added in the popup with a time, the worker's clock moved past it, the
 * reminder alarm fired (as test/e2e/reminder-notification.e2e.ts does). Needs `Xvfb`, `xwd` and netpbm (apt:
 * xvfb, x11-apps, netpbm); not part of `npm test`. Run: `npx tsx scripts/notification-screenshot.ts`
 * after `npm run build`.
 */
import {execFileSync, spawn} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {setTimeout as sleep} from 'node:timers/promises';
import {launchExtension} from '../test/e2e/harness.js';
import {buildWithNotificationsGranted} from '../test/e2e/notifications-granted-build.js';
import {signIn} from '../test/e2e/salesforce-routing.js';
import {startLocalOrg} from '../test/org/index.js';

const DISPLAY = ':99';
const OUT = 'docs/screenshots/notification.png';

const xvfb = spawn('Xvfb', [DISPLAY, '-screen', '0', '1280x800x24'], {stdio: 'ignore'});
process.env['DISPLAY'] = DISPLAY;
await sleep(1000);
const local = await startLocalOrg({seed: 'demo'});
// `notifications` is optional; a rep grants it at Chrome's prompt, which no script can answer — the granted
// copy of dist/ stands for an accepted prompt (notifications-granted-build.ts).
const session = await launchExtension({
	org: local,
	headless: false,
	extensionDir: await buildWithNotificationsGranted(),
});
try {
	await signIn(session.context, local.org);
	const {page: settings} = await session.openExtensionPage('src/options/index.html');
	await settings.getByRole('checkbox', {name: 'Sync reminders with Salesforce Tasks'}).check();
	await settings.getByText('Rita Rep', {exact: false}).first().waitFor({timeout: 15_000});
	await settings.close();
	const {page: popup} = await session.openExtensionPage('src/popup/index.html');
	const at = new Date(Math.ceil((Date.now() + 2 * 60_000) / 60_000) * 60_000);
	const pad = (n: number) => String(n).padStart(2, '0');
	await popup.getByRole('button', {name: 'Add reminder'}).click();
	await popup.getByLabel('Name').fill('Call Ana Ruiz back about the renewal');
	await popup.getByLabel('Due date').fill(`${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`);
	await popup
		.getByLabel('Reminder date', {exact: true})
		.fill(`${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`);
	await popup.getByLabel('Reminder time', {exact: true}).fill(`${pad(at.getHours())}:${pad(at.getMinutes())}`);
	await popup.getByRole('button', {name: 'Add', exact: true}).click();
	await popup.locator('.reminder .reminder-time').first().waitFor();
	await popup.goto('about:blank');
	const worker = session.context.serviceWorkers()[0] ?? session.worker;
	await worker.evaluate(async skipMs => {
		const realNow = Date.now.bind(Date);
		Date.now = () => realNow() + skipMs;
		await chrome.alarms.create('reminder-due', {when: realNow()});
	}, 3 * 60_000);
	for (let tries = 0; tries < 50; tries++) {
		const shown = await worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()).length);
		if (shown > 0) break;
		await sleep(200);
	}

	await sleep(1500);
	const xwd = execFileSync('xwd', ['-root', '-silent', '-display', DISPLAY], {maxBuffer: 64 * 1024 * 1024});
	const pnm = execFileSync('xwdtopnm', [], {input: xwd, maxBuffer: 64 * 1024 * 1024});
	// Chromium draws its notifications in the screen's bottom-right corner (its own message center on Linux).
	const corner = execFileSync('pnmcut', ['-left', '880', '-top', '620'], {input: pnm, maxBuffer: 64 * 1024 * 1024});
	writeFileSync(OUT, execFileSync('pnmtopng', [], {input: corner, maxBuffer: 64 * 1024 * 1024}));
	console.log(`wrote ${OUT}`);
} finally {
	await session.close();
	await local.close();
	xvfb.kill();
}
