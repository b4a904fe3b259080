// Reads what docs/ defines — pages, their headings, their numbered sections (§N), the engineering guide's
// conventions — and finds the citations of them in a source text, so test/citations-doc.test.ts can fail on
// any citation that points at nothing.

/** One page of docs/, as a citation can point into it. */
export type DocPage = {
	/** Heading texts, as written (without the leading #s). */
	headings: string[];
	/** GitHub's anchors for those headings (`#reminder-times-r31-r32`). */
	anchors: Set<string>;
	/** Numbered sections: `## §2 …`, `### §2.1 …` or a bold `**§4.2**` item; the text each one covers. */
	sections: Map<string, string>;
	/** "Convention N" items (engineering guide only): a numbered `N. **…**` list under `## Conventions`. */
	conventions: Set<string>;
};

export type Docs = Map<string, DocPage>;

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
export function anchorOf(heading: string): string {
	return heading
		.trim()
		.toLowerCase()
		.replaceAll(/[^\p{L}\p{N}\s_-]/gu, '')
		.replaceAll(/\s/g, '-');
}

export function parseDocPage(markdown: string): DocPage {
	const lines = markdown.split('\n');
	const headings: string[] = [];
	const sections = new Map<string, string>();
	const conventions = new Set<string>();
	let inConventions = false;
	let inFence = false;
	lines.forEach((line, index) => {
		if (line.startsWith('```')) inFence = !inFence;
		if (inFence) return;
		const heading = /^(#+) (.*)$/.exec(line);
		if (heading) {
			const [, hashes = '', text = ''] = heading;
			headings.push(text);
			inConventions = text.trim() === 'Conventions';
			const numbered = /^§(\d+(?:\.\d+)*)\b/.exec(text);
			if (numbered?.[1] !== undefined) {
				// The section runs to the next heading of the same or a higher level.
				const end = lines.findIndex((next, at) => at > index && new RegExp(`^#{1,${hashes.length}} `).test(next));
				sections.set(numbered[1], lines.slice(index, end === -1 ? undefined : end).join('\n'));
			}

			return;
		}

		for (const bold of line.matchAll(/\*\*§(\d+(?:\.\d+)*)\b/g)) {
			if (bold[1] !== undefined && !sections.has(bold[1])) sections.set(bold[1], line);
		}

		const convention = /^(\d+)\. \*\*/.exec(line);
		if (inConventions && convention?.[1] !== undefined) conventions.add(convention[1]);
	});
	return {headings, anchors: new Set(headings.map(anchorOf)), sections, conventions};
}

/** Comment lines joined into one running text, so a citation broken across two lines is still one. */
export function joinComments(source: string): string {
	return source.replaceAll(/[ \t]*\n[ \t]*(?:\*(?!\/)|\/\/)?[ \t]*/g, ' ');
}

const QUOTED = String.raw`(?:"([^"\n]+)"|“([^”\n]+)”)`;
const SECTION = String.raw`§ ?(\d+(?:\.\d+)*)`;
/** The sections of a run before the one being read: "", "§3, ", "§13.1 and ". */
const RUN_SO_FAR = String.raw`(?:§ ?\d+(?:\.\d+)*(?:, ?| and | or |\/))*`;
/** A run of sections after a page name: "§3, §4.2", "§13.1 and §13.4", "§13.4/§7.3". */
const SECTION_RUN = String.raw`((?:§ ?\d+(?:\.\d+)*(?:, ?| and | or |\/)?)+)`;

/** What names the page of a "§N" that follows: the guide, an RFC, or a page (`x.md`), maybe a run ago. */
const NAMED_BEFORE = new RegExp(
	String.raw`(?:\bengineering(?: guide|\.md)?(?:'s)?,?|\bRFC \d+|\.md[\`)]*) ${RUN_SO_FAR}$`,
);

const hasTitle = (page: DocPage, title: string): boolean =>
	page.headings.some(heading => heading.toLowerCase().includes(title.toLowerCase()));

/**
 * Every citation in `source` that `docs` does not define, as "what was cited: why it does not resolve".
 * Recognised: "convention N", "engineering guide §N" / "§N.M" / "§N rule M" / `§N "Title"`,
 * `engineering guide, "Title"`, "docs/x.md" (with `#anchor` or `"Heading"`), "x.md §N" for any page of
 * docs/ that numbers its sections, and a bare "§N", which means docs/salesforce-facts.md.
 */
export function unresolvedCitations(source: string, docs: Docs): string[] {
	const text = joinComments(source);
	const problems: string[] = [];
	const guide = docs.get('docs/engineering.md');
	if (!guide) return ['docs/engineering.md: missing'];

	for (const match of text.matchAll(/\bconventions? (\d+(?:(?:, | and | or )\d+)*)/gi)) {
		for (const number of (match[1] ?? '').split(/, | and | or /)) {
			if (!guide.conventions.has(number)) problems.push(`convention ${number}: not in docs/engineering.md`);
		}
	}

	const guideSection = new RegExp(
		String.raw`\bengineering(?: guide|\.md)?(?:'s)?,? ${SECTION}(?: rule (\d+))?(?:,? \(?${QUOTED})?`,
		'gi',
	);
	for (const match of text.matchAll(guideSection)) {
		const [, section = '', rule, quoted, curly] = match;
		const id = rule === undefined ? section : `${section}.${rule}`;
		const body = guide.sections.get(id);
		const title = quoted ?? curly;
		if (body === undefined) problems.push(`engineering guide §${id}: no such section in docs/engineering.md`);
		else if (title !== undefined && !body.toLowerCase().includes(title.toLowerCase()))
			problems.push(`engineering guide §${id} "${title}": not in that section`);
	}

	for (const match of text.matchAll(new RegExp(String.raw`\bengineering guide(?:'s)?,? \(?${QUOTED}`, 'gi'))) {
		const title = match[1] ?? match[2] ?? '';
		if (!hasTitle(guide, title)) problems.push(`engineering guide, "${title}": no such heading`);
	}

	const docLink = new RegExp(String.raw`\b(docs\/[\w./-]+?\.md)(#[\w-]+)?(?:[\`)]*,? \(?${QUOTED})?`, 'g');
	for (const match of text.matchAll(docLink)) {
		const [, file = '', anchor, quoted, curly] = match;
		const page = docs.get(file);
		const title = quoted ?? curly;
		if (!page) problems.push(`${file}: no such page`);
		else if (anchor !== undefined && !page.anchors.has(anchor.slice(1)))
			problems.push(`${file}${anchor}: no such heading`);
		else if (title !== undefined && !hasTitle(page, title)) problems.push(`${file} "${title}": no such heading`);
	}

	for (const match of text.matchAll(new RegExp(String.raw`\b([\w-]+\.md)[\`)]* ${SECTION_RUN}`, 'g'))) {
		const [, name = '', run = ''] = match;
		const pages = [...docs.keys()].filter(file => file.endsWith(`/${name}`));
		if (pages.length !== 1) {
			problems.push(`${name}: ${pages.length === 0 ? 'no such page in docs/' : 'ambiguous'}`);
			continue;
		}

		const page = docs.get(pages[0] ?? '');
		for (const section of run.matchAll(new RegExp(SECTION, 'g'))) {
			if (!page?.sections.has(section[1] ?? '')) problems.push(`${name} §${section[1] ?? ''}: no such section`);
		}
	}

	// A bare "§N" names no page: beside a Salesforce fact it means docs/salesforce-facts.md (an RFC's or
	// another page's sections are always named with it).
	const facts = docs.get('docs/salesforce-facts.md');
	for (const match of text.matchAll(new RegExp(SECTION, 'g'))) {
		if (NAMED_BEFORE.test(text.slice(Math.max(0, match.index - 80), match.index))) continue;
		if (!facts?.sections.has(match[1] ?? ''))
			problems.push(`§${match[1] ?? ''}: no such section in docs/salesforce-facts.md`);
	}

	return problems;
}
