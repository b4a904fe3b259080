/** "Deleted … Undo" after a delete (R22). The delete is already durable; undo restores it while it is still local. */
import type {JSX} from 'preact';
import {useCallback, useEffect, useState} from 'preact/hooks';
import type {Reminder} from '@/shared/store/schema.js';
import {deleteReminder, undoDelete} from './writes.js';
import {UNDO_OFFER_MS} from '@/shared/store/outbox.js';
import {t} from '@/shared/i18n/t.js';

/** R43: the offer the store holds the delete back for (outbox.ts). */
export const UNDO_MS = UNDO_OFFER_MS;

type Props = {
	name: string;
	error: string | undefined;
	onUndo: () => void;
	onDismiss: () => void;
};

export function UndoToast({name, error, onUndo, onDismiss}: Props) {
	useEffect(() => {
		if (error !== undefined) return undefined;
		const timer = setTimeout(onDismiss, UNDO_MS);
		return () => clearTimeout(timer);
	}, [error, onDismiss]);

	return (
		<div class="toast" role="status">
			{error ?? <span>{t('undoDeleted', {name})}</span>}
			{error === undefined ? (
				<button type="button" onClick={onUndo}>
					{t('undoUndo')}
				</button>
			) : null}
			<button type="button" aria-label={t('undoDismiss')} onClick={onDismiss}>
				×
			</button>
		</div>
	);
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Delete with an Undo offer, as the popup and the All reminders page both do it: `remove` deletes through the
 * worker and shows the offer; `toast` is the offer (or the reason a delete or its undo failed), or null.
 */
export function useDeleteWithUndo(refresh: () => void): {
	remove: (reminder: Reminder) => Promise<void>;
	toast: JSX.Element | null;
} {
	const [deleted, setDeleted] = useState<{reminder: Reminder; error?: string} | undefined>(undefined);
	const dismiss = useCallback(() => setDeleted(undefined), []);
	async function remove(reminder: Reminder) {
		try {
			await deleteReminder(reminder.id);
			setDeleted({reminder});
		} catch (error) {
			setDeleted({reminder, error: message(error)});
		}

		refresh();
	}

	async function undo() {
		if (!deleted) return;
		try {
			await undoDelete(deleted.reminder.id);
			setDeleted(undefined);
			refresh();
		} catch (error) {
			setDeleted({...deleted, error: message(error)});
		}
	}

	const toast = deleted ? (
		<UndoToast name={deleted.reminder.name} error={deleted.error} onUndo={() => void undo()} onDismiss={dismiss} />
	) : null;
	return {remove, toast};
}
