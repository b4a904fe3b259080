/**
 * What a settings section says after the rep's choice is written through the worker: "Saved.", or why it was
 * not (the worker's error, in the rep's language). One place for the words, their live-region role and class,
 * so each section only says what it saves.
 */
import {useState} from 'preact/hooks';
import {t} from '@/shared/i18n/t.js';

export type SaveNote = {error: boolean; text: string};

export function useSaveNote(): {
	note: SaveNote | undefined;
	setNote: (note: SaveNote | undefined) => void;
	/** Runs the write; says "Saved." when it resolves, the error's message when it rejects. */
	save: (write: () => Promise<unknown>) => Promise<void>;
} {
	const [note, setNote] = useState<SaveNote | undefined>(undefined);
	async function save(write: () => Promise<unknown>): Promise<void> {
		try {
			await write();
			setNote({error: false, text: t('settingsSaved')});
		} catch (caught) {
			setNote({error: true, text: caught instanceof Error ? caught.message : String(caught)});
		}
	}

	return {note, setNote, save};
}

/** The note as a live region: an error is an alert, anything else a status. */
export function SaveNoteLine({note}: {note: SaveNote | undefined}) {
	if (note === undefined) return null;
	return (
		<span role={note.error ? 'alert' : 'status'} class={note.error ? 'error' : 'saved'}>
			{note.text}
		</span>
	);
}
