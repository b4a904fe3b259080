/**
 * R47: one line makes a reminder. As the rep types, the parts understood show below the field (name, due
 * date, reminder time; quick-add-parts.tsx), each one droppable; Enter saves through the same write as the
 * add form (writes.ts, durable before it answers, R17); "More options…" opens the full form with what was
 * understood. The date parser (phrase-parser.ts) is loaded with `import()` at the first keystroke, so the
 * popup's first paint does not wait for it (R22).
 */
import {useCallback, useEffect, useId, useMemo, useRef, useState} from 'preact/hooks';
import {t, uiLanguage} from '@/shared/i18n/t.js';
import type {ReminderFormValues} from '../reminder-form.js';
import {useNotifyPermission} from '../notify-permission.js';
import {addReminder} from '../writes.js';
import {type PartKind, QuickAddParts} from './quick-add-parts.js';
import {type Dropped, understand, type Understood} from './understand.js';
import './quick-add.css';

type Find = (typeof import('./phrase-parser.js'))['findPhrases'];

/** The parser, once loaded; `load` starts loading it (once) and resolves to it (undefined if it failed). */
function useParser() {
	const [find, setFind] = useState<Find | undefined>(undefined);
	const loading = useRef<Promise<Find | undefined> | undefined>(undefined);
	const load = useCallback(() => {
		loading.current ??= import('./phrase-parser.js').then(
			module => {
				setFind(() => module.findPhrases);
				return module.findPhrases;
			},
			// Without the parser the line is still a reminder, due today, named as typed.
			() => undefined,
		);
		return loading.current;
	}, []);
	return {find, load};
}

function read(text: string, find: Find | undefined, dropped: Dropped): Understood {
	const now = new Date();
	return understand(text, find ? find(text, now, uiLanguage()) : [], now, dropped);
}

export function asFormValues(understood: Understood): ReminderFormValues {
	const {name, dueDate, reminderAt} = understood;
	return {name, priority: 'normal', dueDate, details: '', reminderAt};
}

type Props = {
	/** After a reminder was added. */
	onAdded: () => void;
	/** "More options…": the full form, filled with what was understood. */
	onMoreOptions: (values: ReminderFormValues) => void;
	/** R48: focus the line when it first appears (the popup, opened by its button or its shortcut). */
	autoFocus?: boolean;
};

/** The line, what it says, and what the rep can do with it: type, drop a part, send it. */
function useQuickLine(onAdded: () => void) {
	const [text, setText] = useState('');
	const [dropped, setDropped] = useState<Dropped>({});
	const [error, setError] = useState<string | undefined>(undefined);
	const [busy, setBusy] = useState(false);
	// Kept across retries of one line, so sending it again after an error never adds it twice.
	const draftId = useRef(crypto.randomUUID());
	const field = useRef<HTMLInputElement>(null);
	const {find, load} = useParser();
	const {askToNotify} = useNotifyPermission();
	const understood = useMemo(() => read(text, find, dropped), [text, find, dropped]);

	function clear() {
		setText('');
		setDropped({});
		setError(undefined);
		draftId.current = crypto.randomUUID();
	}

	function type(value: string) {
		void load();
		setText(value);
		setError(undefined);
	}

	function drop(part: PartKind) {
		setDropped({...dropped, [part]: part === 'date' ? understood.datePhrase : understood.timePhrase});
		field.current?.focus();
	}

	function onKeyDown(event: KeyboardEvent) {
		const input = event.currentTarget as HTMLInputElement;
		if (event.key !== 'Backspace' || input.selectionStart !== 0 || input.selectionEnd !== 0) return;
		const last: PartKind | undefined =
			understood.reminderAt !== null ? 'time' : understood.datePhrase === undefined ? undefined : 'date';
		if (last === undefined) return;
		event.preventDefault();
		drop(last);
	}

	async function submit(event: Event) {
		event.preventDefault();
		if (text.trim() === '' || busy) return;
		setBusy(true);
		try {
			// Typing loaded the parser already; a line pasted and sent at once waits for it.
			const values = asFormValues(read(text, find ?? (await load()), dropped));
			// R32: a reminder time asks for the notification permission, inside this keypress.
			if (values.reminderAt !== null) askToNotify();
			await addReminder(draftId.current, values);
			clear();
			onAdded();
		} catch (caught) {
			setError(caught instanceof Error ? caught.message : String(caught));
		} finally {
			setBusy(false);
		}
	}

	return {text, type, understood, error, field, clear, drop, onKeyDown, submit};
}

export function QuickAdd({onAdded, onMoreOptions, autoFocus = false}: Props) {
	const id = useId();
	const {text, type, understood, error, field, clear, drop, onKeyDown, submit} = useQuickLine(onAdded);
	useEffect(() => {
		if (autoFocus) field.current?.focus();
		// Only on the first paint: later renders never pull focus away from what the rep is doing.
	}, []);
	const typed = text.trim() !== '';

	return (
		<form class="quick-add" onSubmit={event => void submit(event)}>
			<div class="quick-row">
				<input
					ref={field}
					type="text"
					value={text}
					aria-label={t('quickAddLabel')}
					aria-describedby={typed ? `${id}-parts ${id}-hint` : undefined}
					aria-invalid={error === undefined ? undefined : true}
					placeholder={t('quickAddPlaceholder')}
					autoComplete="off"
					onInput={event => type(event.currentTarget.value)}
					onKeyDown={onKeyDown}
				/>
				<button
					type="button"
					onClick={() => {
						onMoreOptions(asFormValues(understood));
						clear();
					}}
				>
					{t('quickAddMore')}
				</button>
			</div>
			{typed ? <QuickAddParts id={`${id}-parts`} understood={understood} onDrop={drop} /> : null}
			{typed ? (
				<p id={`${id}-hint`} class="quick-hint">
					{t('quickAddHint')}
				</p>
			) : null}
			{error === undefined ? null : (
				<p class="form-error" role="alert">
					{error}
				</p>
			)}
		</form>
	);
}
