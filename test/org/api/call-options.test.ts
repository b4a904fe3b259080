// R29: parsing the Sforce-Call-Options header (REST API Developer Guide, "Call Options Header").
import {expect, test} from 'vitest';
import {parseCallOptions} from './call-options.js';

test('R29: client and defaultNamespace are read from the documented comma-separated form', () => {
	expect(parseCallOptions('client=SampleCaseSensitiveToken/100, defaultNamespace=battle')).toEqual({
		client: 'SampleCaseSensitiveToken/100',
		defaultNamespace: 'battle',
	});
	expect(parseCallOptions('client=Tickler/0.1.0')).toEqual({client: 'Tickler/0.1.0'});
});

test('R29: no header, empty values, unknown options and malformed parts give no client', () => {
	expect(parseCallOptions(undefined)).toEqual({});
	expect(parseCallOptions('')).toEqual({});
	expect(parseCallOptions('client=')).toEqual({});
	expect(parseCallOptions('other=x, =y, garbage')).toEqual({});
});

test('R29: the client value keeps its case and any "=" after the first', () => {
	expect(parseCallOptions(' client = Ab=Cd ')).toEqual({client: 'Ab=Cd'});
});
