/**
 * R33: who and what a reminder is about, each a link to the record in Salesforce (a new tab). The names
 * are Salesforce text and are rendered as text, never as HTML (R27): a Contact named
 * `<img src=x onerror=…>` shows exactly that.
 */
import {recordUrl} from '@/shared/salesforce-hosts.js';
import type {RelatedRecord, Reminder} from '@/shared/store/schema.js';
import {recordKind} from '@/shared/i18n/record-kind.js';
import {t} from '@/shared/i18n/t.js';

function RelatedLink({
	id,
	record,
	instanceHost,
	kind,
}: {
	id: string;
	record: RelatedRecord;
	instanceHost: string | undefined;
	kind: string;
}) {
	const href = instanceHost === undefined ? undefined : recordUrl(instanceHost, id, record.type || undefined);
	// "Open Contact Ana Ruiz in Salesforce": the kind of record from Salesforce (`Who.Type`), else who/what it is.
	const label = t('relatedOpen', {
		kind: recordKind(record.type, kind === 'Who' ? 'person' : 'record'),
		name: record.name,
	});
	return href === undefined ? (
		<span class={`related related--${kind.toLowerCase()}`}>{record.name}</span>
	) : (
		<a
			class={`related related--${kind.toLowerCase()}`}
			href={href}
			target="_blank"
			rel="noopener noreferrer"
			title={label}
			aria-label={label}
		>
			{record.name}
		</a>
	);
}

export function RelatedLinks({reminder, instanceHost}: {reminder: Reminder; instanceHost: string | undefined}) {
	const {who, what, whoId, whatId} = reminder;
	const hasWho = who !== undefined && typeof whoId === 'string';
	const hasWhat = what !== undefined && typeof whatId === 'string';
	if (!hasWho && !hasWhat) return null;
	return (
		<div class="reminder-related">
			{hasWho ? <RelatedLink id={whoId} record={who} instanceHost={instanceHost} kind="Who" /> : null}
			{hasWhat ? <RelatedLink id={whatId} record={what} instanceHost={instanceHost} kind="What" /> : null}
		</div>
	);
}
