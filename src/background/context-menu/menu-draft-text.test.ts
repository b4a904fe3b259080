import fc from 'fast-check';
import {expect, test} from 'vitest';
import {MAX_NAME_LENGTH} from '@/shared/store/reminder-validation.js';
import {cutName, menuDraftText} from './menu-draft-text.js';

test('R51: the name is the selection, else the link text, else the page title, else the address; the address goes to the details', () => {
	const page = {pageUrl: 'https://news.example.com/acme', pageTitle: 'Acme raises its Series B'};
	expect(menuDraftText(page)).toEqual({name: 'Acme raises its Series B', details: 'https://news.example.com/acme'});
	expect(menuDraftText({...page, selectionText: '  the  CFO\nleaves '})).toEqual({
		name: 'the CFO leaves',
		details: 'https://news.example.com/acme',
	});
	const link = {...page, linkUrl: 'https://drive.example.com/proposal-v3', linkText: 'Proposal v3'};
	expect(menuDraftText(link)).toEqual({name: 'Proposal v3', details: 'https://drive.example.com/proposal-v3'});
	// A link with no words (an image): the page's title names it, the link's address is kept.
	expect(menuDraftText({...link, linkText: '  '})).toEqual({
		name: 'Acme raises its Series B',
		details: 'https://drive.example.com/proposal-v3',
	});
	// Link text is only the link's: without a link, a stray linkText is not taken.
	expect(menuDraftText({...page, linkText: 'stray'}).name).toBe('Acme raises its Series B');
	expect(menuDraftText({pageUrl: 'https://example.com/a/b', pageTitle: ''})).toEqual({
		name: 'example.com/a/b',
		details: 'https://example.com/a/b',
	});
});

test('R51: a long name is cut to the limit at a word, with an ellipsis, never splitting an emoji', () => {
	const words = 'word '.repeat(100);
	const cut = cutName(words.trim());
	expect(cut.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
	expect(cut.endsWith('word…')).toBe(true);
	const emoji = '😀'.repeat(200);
	const cutEmoji = cutName(emoji);
	expect(cutEmoji.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
	expect(cutEmoji).not.toMatch(/[\uD800-\uDBFF]…$/);
	expect(cutName('short')).toBe('short');
});

test('R51: whatever the page gives, the name is one line within the limit and the details are the address', () => {
	fc.assert(
		fc.property(
			fc.record(
				{
					selectionText: fc.string({maxLength: 600}),
					linkUrl: fc.webUrl(),
					linkText: fc.string({maxLength: 600}),
					pageUrl: fc.webUrl(),
					pageTitle: fc.string({maxLength: 600}),
				},
				{requiredKeys: ['pageUrl']},
			),
			click => {
				const draft = menuDraftText(click);
				expect(draft.name.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
				expect(draft.name).not.toMatch(/[\r\n\t]/);
				expect(draft.details).toBe(click.linkUrl ?? click.pageUrl);
			},
		),
	);
});
