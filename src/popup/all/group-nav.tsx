/** The All reminders page's group buttons (R44), each with its count once everything is read. */
import {formatNumber} from '@/shared/i18n/format.js';
import {t} from '@/shared/i18n/t.js';
import {groupLabel, GROUPS, type Group, type Grouped} from './groups.js';

export function GroupNav({
	group,
	grouped,
	onPick,
}: {
	group: Group;
	grouped: Grouped | undefined;
	onPick: (group: Group) => void;
}) {
	return (
		<nav class="groups" aria-label={t('allGroupsLabel')}>
			{GROUPS.map(name => (
				<button type="button" key={name} aria-pressed={group === name} onClick={() => onPick(name)}>
					{groupLabel(name)}
					{grouped ? <span class="count"> ({formatNumber(grouped[name].length)})</span> : null}
				</button>
			))}
		</nav>
	);
}
