/**
 * R47: the date parser behind quick add — chrono-node's English and Italian parsers (MIT). This module is
 * imported only with `import()` when the rep starts typing (quick-add.tsx), so the popup's first paint and
 * initial bundle do not carry it (R22). It turns chrono's results into understand.ts's plain matches.
 */
import * as english from 'chrono-node/en';
import * as italian from 'chrono-node/it';
import type {ParsedResult} from 'chrono-node/en';
import type {UiLanguage} from '@/shared/i18n/t.js';
import type {PhraseMatch} from './understand.js';

const PARSERS = {en: english, it: italian} as const;

function toMatch(result: ParsedResult): PhraseMatch {
	const {start} = result;
	const value = (component: Parameters<typeof start.get>[0]) => start.get(component) ?? 0;
	return {
		index: result.index,
		text: result.text,
		year: value('year'),
		month: value('month'),
		day: value('day'),
		hour: value('hour'),
		minute: value('minute'),
		elapsed: result.tags().has('result/relativeDateAndTime') ? start.date().getTime() : undefined,
		said: {
			day: start.isCertain('day'),
			weekday: start.isCertain('weekday'),
			month: start.isCertain('month'),
			year: start.isCertain('year'),
			hour: start.isCertain('hour'),
			meridiem: start.isCertain('meridiem'),
		},
	};
}

/**
 * The date phrases in `text` as of `now`: the UI language's first, then English's (R47: both are understood).
 * Rolling forward is understand.ts's, so the parser is asked for what the words say.
 */
export function findPhrases(text: string, now: Date, language: UiLanguage): PhraseMatch[] {
	const languages: UiLanguage[] = language === 'en' ? ['en'] : [language, 'en'];
	return languages.flatMap(name => PARSERS[name].parse(text, now).map(toMatch));
}
