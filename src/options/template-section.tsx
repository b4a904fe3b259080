/** The activity subject template with a live preview and the note on R10. */
import {useId, useState} from 'preact/hooks';
import {callBackground} from '@/shared/messages.js';
import type {Partition} from '@/shared/store/schema.js';
import {renderSubject, templateUsesName} from '@/shared/subject-template.js';
import {t} from '@/shared/i18n/t.js';
import {SaveNoteLine, useSaveNote} from './save-note.js';

export function TemplateSection({
	partition,
	presetTemplate,
}: {
	partition: Partition;
	/** R30: the admin's template wins; the rep sees it, marked as theirs, and cannot change it. */
	presetTemplate?: string | undefined;
}) {
	const id = useId();
	const [template, setTemplate] = useState(partition.subjectTemplate);
	const {note, save: saving} = useSaveNote();
	const exampleName = t('templateExampleName');
	const preview = renderSubject(presetTemplate ?? template, exampleName);

	async function save(event: Event) {
		event.preventDefault();
		// Written by the worker, like every page's writes (it keeps the store's rule on the length).
		await saving(async () => callBackground('saveSubjectTemplate', {partition: partition.id, template}));
	}

	return (
		<section aria-labelledby={`${id}-heading`}>
			<h2 id={`${id}-heading`}>{t('templateTitle')}</h2>
			<form onSubmit={event => void save(event)}>
				<label for={`${id}-template`}>{t('templateLabel')}</label>
				<input
					id={`${id}-template`}
					value={presetTemplate ?? template}
					disabled={presetTemplate !== undefined}
					onInput={event => setTemplate(event.currentTarget.value)}
					aria-describedby={`${id}-note`}
				/>
				<p class="preview">
					{t('templatePreview', {name: exampleName})}{' '}
					<output for={`${id}-template`}>{preview === '' ? t('templateEmpty') : preview}</output>
				</p>
				<p id={`${id}-note`} class="explanation">
					{t('templateNote')}
					{templateUsesName(presetTemplate ?? template) ? null : <> {t('templateNoteWithout')}</>}.{' '}
					{t('templateNoteSalesforce')}
				</p>
				{presetTemplate === undefined ? (
					<button type="submit">{t('templateSave')}</button>
				) : (
					<p class="preset">{t('setByAdmin')}</p>
				)}{' '}
				<SaveNoteLine note={note} />
			</form>
		</section>
	);
}
