/**
 * "Deleted … Undo" after a delete (R22, R43), "Completed … Undo" after a Complete (R60) and "Snoozed … Undo"
 * after a Snooze from a row (R50). The change is already
 * durable; Undo restores it while it is still Tickler's alone (the store holds it from Salesforce meanwhile).
 */
import type {JSX} from 'preact';
import {useCallback, useEffect, useRef, useState} from 'preact/hooks';
import type {Reminder} from '@/shared/store/schema.js';
import type {SnoozeTo} from '@/shared/snooze.js';
import {completeReminder, deleteReminder, holdUndo, snoozeReminder, undoDelete, undoEdit} from './writes.js';
import {UNDO_OFFER_MS} from '@/shared/store/outbox.js';
import {t} from '@/shared/i18n/t.js';
import {isTyping, isUndoKey} from './row-keys.js';

/** R43: the offer the store holds the delete back for (outbox.ts). */
export const UNDO_MS = UNDO_OFFER_MS;

/** What the offer says was done, by kind of change. */
const DONE_WORDS = {
	delete: (name: string) => t('undoDeleted', {name}),
	complete: (name: string) => t('undoCompleted', {name}),
	snooze: (name: string) => t('undoSnoozed', {name}),
} as const;
type UndoKind = keyof typeof DONE_WORDS;

type Props = {
	kind: UndoKind;
	name: string;
	error: string | undefined;
	onUndo: () => void;
	onDismiss: () => void;
	/** R48: the offer is held open; its change must stay held from Salesforce. */
	onHold?: (() => void) | undefined;
};

/** While the offer is held open, how often the page asks the worker to keep holding its change. */
export const HOLD_REFRESH_MS = UNDO_MS / 2;

/**
 * R48: the offer's time runs only while the rep is elsewhere — it stops while focus is in the offer or the
 * pointer is over it, and goes on with what was left after. On R43's terms: meanwhile, and again when it goes
 * on, `onHold` asks that the change stay held from Salesforce (held-edits.ts extendUndoHold), so an Undo the
 * offer shows can always be made.
 */
function useOfferTimer(running: boolean, onDismiss: () => void, onHold: () => void) {
	const [focused, setFocused] = useState(false);
	const [hovered, setHovered] = useState(false);
	const left = useRef(UNDO_MS);
	const wasPaused = useRef(false);
	const hold = useRef(onHold);
	hold.current = onHold;
	const paused = focused || hovered;
	useEffect(() => {
		if (!running) return undefined;
		if (paused) {
			wasPaused.current = true;
			hold.current();
			const keep = setInterval(() => hold.current(), HOLD_REFRESH_MS);
			return () => clearInterval(keep);
		}

		// Going on after a pause: the hold covers what is left of the offer, with room for a last-moment Undo.
		if (wasPaused.current) hold.current();
		const started = Date.now();
		const timer = setTimeout(onDismiss, left.current);
		return () => {
			clearTimeout(timer);
			left.current = Math.max(0, left.current - (Date.now() - started));
		};
	}, [running, paused, onDismiss]);
	return {
		onMouseEnter: () => setHovered(true),
		onMouseLeave: () => setHovered(false),
		onFocusCapture: () => setFocused(true),
		onBlurCapture: (event: FocusEvent) => {
			const to = event.relatedTarget;
			setFocused(to instanceof Node && (event.currentTarget as HTMLElement).contains(to));
		},
	};
}

/** R48: Z (or Ctrl+Z, ⌘Z) undoes from anywhere on the page but a field the rep types in. */
function useUndoKey(active: boolean, onUndo: () => void) {
	const latest = useRef(onUndo);
	latest.current = onUndo;
	useEffect(() => {
		if (!active) return undefined;
		const onKeyDown = (event: KeyboardEvent) => {
			if (event.defaultPrevented || isTyping(event.target) || !isUndoKey(event)) return;
			event.preventDefault();
			latest.current();
		};

		document.addEventListener('keydown', onKeyDown);
		return () => document.removeEventListener('keydown', onKeyDown);
	}, [active]);
}

export function UndoToast({kind, name, error, onUndo, onDismiss, onHold = () => undefined}: Props) {
	const pause = useOfferTimer(error === undefined, onDismiss, onHold);
	useUndoKey(error === undefined, onUndo);

	return (
		<div class="toast" role="status" {...pause}>
			{error ?? (
				<span>
					{DONE_WORDS[kind](name)} <span class="toast-key">{t('undoKeyHint')}</span>
				</span>
			)}
			{error === undefined ? (
				<button type="button" aria-keyshortcuts="Z Control+Z" onClick={onUndo}>
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
 * Delete and Complete with an Undo offer, as the popup and the All reminders page both do them: `remove` and
 * `complete` make the change through the worker and show the offer; `toast` is the offer (or the reason a
 * delete or an undo failed), or null. A Complete that fails rejects, so its row can say why beside it.
 */
export function useUndoOffer(refresh: () => void): {
	remove: (reminder: Reminder) => Promise<void>;
	complete: (reminder: Reminder) => Promise<void>;
	snooze: (reminder: Reminder, to: SnoozeTo) => Promise<void>;
	toast: JSX.Element | null;
} {
	const [offer, setOffer] = useState<{kind: UndoKind; reminder: Reminder; error?: string} | undefined>(undefined);
	const dismiss = useCallback(() => setOffer(undefined), []);
	async function remove(reminder: Reminder) {
		try {
			await deleteReminder(reminder.id);
			setOffer({kind: 'delete', reminder});
		} catch (error) {
			setOffer({kind: 'delete', reminder, error: message(error)});
		}

		refresh();
	}

	async function complete(reminder: Reminder) {
		await completeReminder(reminder.id);
		setOffer({kind: 'complete', reminder});
		refresh();
	}

	/** R50: one action; a Snooze that failed says why where the offer would be. */
	async function snooze(reminder: Reminder, to: SnoozeTo) {
		try {
			await snoozeReminder(reminder.id, to);
			setOffer({kind: 'snooze', reminder});
		} catch (error) {
			setOffer({kind: 'snooze', reminder, error: message(error)});
		}

		refresh();
	}

	async function undo() {
		if (!offer) return;
		try {
			await (offer.kind === 'delete' ? undoDelete(offer.reminder.id) : undoEdit(offer.reminder.id));
			setOffer(undefined);
			refresh();
		} catch (error) {
			setOffer({...offer, error: message(error)});
		}
	}

	const toast = offer ? (
		<UndoToast
			// A new offer is a new toast, with the whole time again.
			key={`${offer.kind}-${offer.reminder.id}`}
			kind={offer.kind}
			name={offer.reminder.name}
			error={offer.error}
			onUndo={() => void undo()}
			onDismiss={dismiss}
			onHold={() => void holdUndo(offer.reminder.id).catch(() => undefined)}
		/>
	) : null;
	return {remove, complete, snooze, toast};
}
