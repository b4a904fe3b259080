/** The All reminders page's group buttons (R44), each with its count once everything is read. */
import {GROUP_LABELS, GROUPS, type Group, type Grouped} from './groups.js';

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
		<nav class="groups" aria-label="Which reminders">
			{GROUPS.map(name => (
				<button type="button" key={name} aria-pressed={group === name} onClick={() => onPick(name)}>
					{GROUP_LABELS[name]}
					{grouped ? <span class="count"> ({grouped[name].length})</span> : null}
				</button>
			))}
		</nav>
	);
}
