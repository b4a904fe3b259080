/**
 * R34: "Remind me" on Lead, Contact, Account and Opportunity record pages — Classic (the address at load)
 * and Lightning, which moves between records with history.pushState (url-watch.ts): the control follows
 * the record in the address, and goes when the rep leaves the record. The worker makes the reminder and
 * checks the record is the one in this tab's address (R27, R38).
 */
import {callBackground} from '@/shared/messages.js';
import {detectRecordPage} from '@/shared/record-page-url.js';
import {isContextInvalidatedError} from '../orphan-guard.js';
import {isLightningHost} from '@/shared/task-page-url.js';
import {watchUrl} from '../url-watch.js';
import {createRemindControl} from './remind-me-control.js';

export function startRemindMe(): void {
	const lightning = isLightningHost(location.hostname);
	if (!lightning && detectRecordPage(location.href) === undefined) return;
	let stop = (): void => undefined;
	const control = createRemindControl(
		async (page, input) =>
			callBackground('remindAboutRecord', {
				id: crypto.randomUUID(),
				host: page.host,
				recordId: page.recordId,
				...input,
			}).catch((error: unknown) => {
				// The extension was reloaded or removed (orphan-guard.ts): leave the page as it was.
				if (isContextInvalidatedError(error)) {
					stop();
					control.remove();
				}

				throw error;
			}),
		document,
		// R32 (issue 20): the form says who will alert at the time the rep sets.
		async page => (await callBackground('remindMeAlerts', {host: page.host, recordId: page.recordId})).whoAlerts,
	);
	const onUrl = (href: string): void => {
		const page = detectRecordPage(href);
		if (page) control.show(page);
		else control.remove();
	};

	if (lightning) stop = watchUrl(onUrl);
	onUrl(location.href);
}
