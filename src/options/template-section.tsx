/** The activity subject template with a live preview and the note on R10. */
import {useId, useState} from 'preact/hooks';
import {callBackground} from '@/shared/messages.js';
import type {Partition} from '@/shared/store/schema.js';
import {SET_BY_ADMIN} from './connection-section.js';
import {renderSubject, templateUsesName} from '@/shared/subject-template.js';

const EXAMPLE_NAME = 'Call Ana back about the quote';

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
	const [message, setMessage] = useState<{error: boolean; text: string} | undefined>(undefined);
	const preview = renderSubject(presetTemplate ?? template, EXAMPLE_NAME);

	async function save(event: Event) {
		event.preventDefault();
		try {
			// Written by the worker, like every page's writes (it keeps the store's rule on the length).
			await callBackground('saveSubjectTemplate', {partition: partition.id, template});
			setMessage({error: false, text: 'Saved.'});
		} catch (caught) {
			setMessage({error: true, text: caught instanceof Error ? caught.message : String(caught)});
		}
	}

	return (
		<section aria-labelledby={`${id}-heading`}>
			<h2 id={`${id}-heading`}>Activity subject</h2>
			<form onSubmit={event => void save(event)}>
				<label for={`${id}-template`}>Activity subject template</label>
				<input
					id={`${id}-template`}
					value={presetTemplate ?? template}
					disabled={presetTemplate !== undefined}
					onInput={event => setTemplate(event.currentTarget.value)}
					aria-describedby={`${id}-note`}
				/>
				<p class="preview">
					Preview for “{EXAMPLE_NAME}”:{' '}
					<output for={`${id}-template`}>{preview === '' ? '(empty subject)' : preview}</output>
				</p>
				<p id={`${id}-note`} class="explanation">
					Use {'{{activity_subject}}'} for the reminder’s name. New reminders get this Subject in Salesforce. Renaming a
					reminder updates the Salesforce Subject only if the template contains {'{{activity_subject}}'}
					{templateUsesName(presetTemplate ?? template) ? '' : ' (this one does not)'}. Subject edits made in Salesforce
					never change the reminder.
				</p>
				{presetTemplate === undefined ? (
					<button type="submit">Save template</button>
				) : (
					<p class="preset">{SET_BY_ADMIN}</p>
				)}
				{message ? (
					<span role={message.error ? 'alert' : 'status'} class={message.error ? 'error' : 'saved'}>
						{' '}
						{message.text}
					</span>
				) : null}
			</form>
		</section>
	);
}
