/** R46: t (named placeholders over chrome.i18n), plural (Intl.PluralRules) and the UI language. */
import {afterEach, describe, expect, test} from 'vitest';
import {resetFakeBrowser, setUiLanguage} from '../../../test/fakes/browser.js';
import {plural, t, uiLanguage} from './t.js';

afterEach(resetFakeBrowser);

describe('R46: messages from the catalog shown', () => {
	test('R46: a message in English by default and in Italian in an Italian browser', () => {
		expect(t('remindMeButton')).toBe('Remind me');
		expect(uiLanguage()).toBe('en');
		setUiLanguage('it');
		expect(t('remindMeButton')).toBe('Ricordamelo');
		expect(uiLanguage()).toBe('it');
	});

	test('R46: named placeholders land where the message puts them, whatever order the code gives them in', () => {
		expect(t('alertLineLate', {time: '10:00', late: 'late', due: 'Due today'})).toBe('Due today · 10:00, late');
		expect(t('alertLineLate', {due: 'Due today', late: 'late', time: '10:00'})).toBe('Due today · 10:00, late');
		expect(t('recordErrorMessage', {detail: 'costs $5'})).toBe('Salesforce refused this change: costs $5');
	});

	test('R46: plurals follow the language’s rules, the count written in it', () => {
		expect(plural('alertSummaryTitle', 1)).toBe('1 reminder');
		expect(plural('alertSummaryTitle', 2)).toBe('2 reminders');
		expect(plural('alertSummaryTitle', 1200)).toBe('1,200 reminders');
		setUiLanguage('it');
		expect(plural('alertSummaryMore', 1)).toBe('e 1 altro');
		expect(plural('alertSummaryMore', 3)).toBe('e altri 3');
		// Italian has a "many" category (a million); without a message of its own it takes `_other`.
		expect(plural('alertSummaryMore', 1_000_000)).toBe('e altri 1.000.000');
	});

	test('R46: a key no catalog has shows as itself, never as an empty string', () => {
		expect(t('noSuchMessage')).toBe('noSuchMessage');
	});
});
