/**
 * Content script on Salesforce pages (R24). Inert unless the page is a Task record page: on Classic it
 * checks the URL once; on Lightning, which moves between records with history.pushState, it also
 * watches the URL — no DOM change until a Task page shows up. It never talks to Salesforce and never
 * sees the session (R25): it only asks the worker for the badge of one Task id (and, on the rep's click, to add that Task), and says when it saw a
 * record saved (save-watch.ts, issue 14).
 */
import {callBackground} from '@/shared/messages.js';
import {createBadgeController, type BadgeController} from './task-badge/badge-controller.js';
import {isContextInvalidatedError, isContextValid} from './orphan-guard.js';
import {detectTaskPage, isLightningHost, type TaskPage} from '@/shared/task-page-url.js';
import {watchUrl} from './url-watch.js';
import {startRemindMe} from './remind-me/remind-me-feature.js';
import {startChangeSignals} from './save-signal/save-watch.js';

function start(): void {
	let controller: BadgeController | undefined;
	let stopWatching = (): void => undefined;

	const controllerFor = (): BadgeController =>
		(controller ??= createBadgeController({
			// Asking for the badge is also the page visit: the worker decides whether that is worth a sync (R13,
			// R21), so the content script sends nothing else.
			getBadge: async (page: TaskPage) => callBackground('getTaskBadge', {host: page.host, taskId: page.taskId}),
			// R5: the card's "Add to Tickler" for an older Task, on the rep's own click only (badge-view.tsx).
			addTask: async (page: TaskPage) => callBackground('addTaskToTickler', {host: page.host, taskId: page.taskId}),
			isContextValid,
			isContextInvalidatedError,
			onOrphaned: () => stopWatching(),
		}));

	const onUrl = (href: string): void => {
		const page = detectTaskPage(href);
		if (page !== undefined) controllerFor().show(page);
		else controller?.show(undefined);
	};

	if (isLightningHost(location.hostname)) stopWatching = watchUrl(onUrl);
	onUrl(location.href);
}

if (isLightningHost(location.hostname) || detectTaskPage(location.href) !== undefined) start();
startRemindMe(); // R34: Lead, Contact, Account and Opportunity pages
startChangeSignals(); // issue 14: a save seen on any Salesforce page may sync at once (save-watch.ts)
