/** "Deleted … Undo" after a delete (R22). The delete is already durable; undo restores it while it is still local. */
import {useEffect} from 'preact/hooks';
import {UNDO_OFFER_MS} from '@/shared/store/outbox.js';

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
			{error ?? <span>Deleted “{name}”.</span>}
			{error === undefined ? (
				<button type="button" onClick={onUndo}>
					Undo
				</button>
			) : null}
			<button type="button" aria-label="Dismiss" onClick={onDismiss}>
				×
			</button>
		</div>
	);
}
