/**
 * R44, R5: "Send to Salesforce" for reminders that stay on this computer — only on purpose, after a
 * confirmation that says how many Tasks it creates. The worker sends them (`sendLocalOnly`); the page says
 * what happened.
 */
import type {Ref} from 'preact';
import {useEffect, useRef, useState} from 'preact/hooks';
import {formatNumber} from '@/shared/i18n/format.js';
import {plural, t} from '@/shared/i18n/t.js';
import {callBackground} from '@/shared/messages.js';
import type {Reminder} from '@/shared/store/schema.js';
import {sendConfirmation} from './groups.js';

/** What the confirmation asks about: the reminders' ids and its question. */
export type SendRequest = {ids: string[]; what: string};

export function useSendLocalOnly(refresh: () => void) {
	const [confirm, setConfirm] = useState<SendRequest | undefined>(undefined);
	const [notice, setNotice] = useState<string | undefined>(undefined);
	const confirmButton = useRef<HTMLButtonElement>(null);
	useEffect(() => {
		confirmButton.current?.focus();
	}, [confirm]);

	async function send(ids: string[]) {
		setConfirm(undefined);
		try {
			const {sent} = await callBackground('sendLocalOnly', {ids});
			setNotice(plural('allSent', sent));
		} catch (error) {
			setNotice(error instanceof Error ? error.message : String(error));
		}

		refresh();
	}

	return {confirm, ask: setConfirm, notice, send, confirmButton};
}

/** The local-only group's panel: send them all, or, while sync is off, where to turn it on. */
export function SendAllPanel({
	canSend,
	localOnly,
	onAsk,
}: {
	canSend: boolean;
	localOnly: Reminder[];
	onAsk: (request: SendRequest) => void;
}) {
	return (
		<div class="send-all">
			{canSend ? (
				<>
					<p>{t('allSendIntro')}</p>
					<button
						type="button"
						disabled={localOnly.length === 0}
						onClick={() =>
							onAsk({
								ids: localOnly.map(reminder => reminder.id),
								what:
									localOnly.length === 1
										? t('allSendThis')
										: t('allSendAllCount', {count: formatNumber(localOnly.length)}),
							})
						}
					>
						{t('allSendAll')}
					</button>
				</>
			) : (
				<p>{t('allSendNeedsSync')}</p>
			)}
		</div>
	);
}

export function SendConfirm({
	request,
	confirmButton,
	onSend,
	onCancel,
}: {
	request: SendRequest;
	confirmButton: Ref<HTMLButtonElement>;
	onSend: (ids: string[]) => void;
	onCancel: () => void;
}) {
	return (
		<div class="confirm" role="alertdialog" aria-labelledby="confirm-what" aria-describedby="confirm-count">
			<p id="confirm-what">
				<strong>{request.what}</strong>
			</p>
			<p id="confirm-count">{sendConfirmation(request.ids.length)}</p>
			<button type="button" class="primary" ref={confirmButton} onClick={() => onSend(request.ids)}>
				{t('allSend')}
			</button>
			<button type="button" onClick={onCancel}>
				{t('allCancel')}
			</button>
		</div>
	);
}

/** R59: the popup's confirmation and its outcome, for a Send from one of its rows. */
export function SendPrompt({sending}: {sending: ReturnType<typeof useSendLocalOnly>}) {
	return (
		<>
			{sending.confirm ? (
				<SendConfirm
					request={sending.confirm}
					confirmButton={sending.confirmButton}
					onSend={ids => void sending.send(ids)}
					onCancel={() => sending.ask(undefined)}
				/>
			) : null}
			{sending.notice === undefined ? null : <p role="status">{sending.notice}</p>}
		</>
	);
}
