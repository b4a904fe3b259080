// Reads docs/rules.md: one `### Rn — title` section per rule, a status sentence (`_Built._` or
// `_Not yet built (issue N)._`) and a "Proved by:" list of files in backticks.

export type RuleSection = {id: string; title: string; built: boolean; provedBy: string[]};

/** Rule ids a text cites: `R` and a number, as a whole word (so `R2` but not `R2D2` or `ORDER`). */
export function citedRuleIds(text: string): string[] {
	return [...new Set([...text.matchAll(/\bR(\d{1,2})\b/g)].map(match => `R${match[1] ?? ''}`))];
}

export function parseRulesDoc(markdown: string): RuleSection[] {
	const sections: RuleSection[] = [];
	const chunks = markdown.split(/^### /m).slice(1);
	for (const chunk of chunks) {
		const heading = /^(R\d+) — (.+)$/m.exec(chunk);
		if (!heading) throw new Error(`docs/rules.md: a section heading is not "Rn — title": ${chunk.slice(0, 60)}`);
		const [, id = '', title = ''] = heading;
		const built = /_Built\._/.test(chunk);
		const notBuilt = /_Not yet built \(issue \d+\)\._/.test(chunk);
		if (built === notBuilt)
			throw new Error(`docs/rules.md: ${id} must say either _Built._ or _Not yet built (issue N)._`);
		const proved = /Proved by:([\s\S]*?)(?:\n\n|$)/.exec(chunk)?.[1] ?? '';
		const provedBy = [...proved.matchAll(/`([^`]+)`/g)].map(match => match[1] ?? '');
		sections.push({id, title, built, provedBy});
	}
	return sections;
}
