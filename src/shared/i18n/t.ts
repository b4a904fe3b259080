/**
 * R46: every word Tickler shows comes from the browser's own catalogs (`public/_locales/<lang>/messages.json`)
 * through `chrome.i18n` — the same API in Chrome and Firefox, in the pages, the worker and the content script,
 * so there is no library to bundle (the content script stays small).
 *
 * Named placeholders: a message says `$date$`, and in the catalog each placeholder's content is `$n`, n being
 * its rank in the alphabetical order of that message's placeholder names; `t` passes the values in that same
 * order. catalogs.test.ts holds every message to it, so `t('alertDue', {date})` can never swap two values.
 */
export type Placeholders = Readonly<Record<string, string>>;

/** The two languages Tickler is written in; English for any other browser language (R46). */
export type UiLanguage = 'en' | 'it';

type GetMessage = (key: string, substitutions?: string[]) => string;

function catalog(): GetMessage | undefined {
	// Read at each call: chrome.i18n is the browser's, and the worker keeps no module state.
	return (globalThis as {chrome?: {i18n?: {getMessage?: GetMessage}}}).chrome?.i18n?.getMessage;
}

/** The message `key` in the UI language, its placeholders filled. */
export function t(key: string, placeholders: Placeholders = {}): string {
	const getMessage = catalog();
	// Outside a browser (the sync engine's benchmarks in Node) there is no catalog: the key stands in.
	if (getMessage === undefined) return key;
	const values = Object.keys(placeholders)
		.sort()
		.map(name => placeholders[name] ?? '');
	const message = values.length === 0 ? getMessage(key) : getMessage(key, values);
	return message === '' ? key : message;
}

/**
 * The language of the catalog actually shown, so dates and words are never in two languages: Chromium's
 * `getUILanguage()` and the catalog it picks can disagree (engineering guide, "The UI language").
 */
export function uiLanguage(): UiLanguage {
	return t('uiLanguage') === 'it' ? 'it' : 'en';
}

/**
 * A message that depends on a count: `key_one`, `key_other` (and any other category the language's
 * `Intl.PluralRules` names), chosen for `count`; the message's `$count$` is the count written in the UI
 * language. chrome.i18n has no plurals of its own.
 */
export function plural(key: string, count: number, placeholders: Placeholders = {}): string {
	const language = uiLanguage();
	const category = new Intl.PluralRules(language).select(count);
	const values = {...placeholders, count: new Intl.NumberFormat(language).format(count)};
	const chosen = t(`${key}_${category}`, values);
	return chosen === `${key}_${category}` ? t(`${key}_other`, values) : chosen;
}
