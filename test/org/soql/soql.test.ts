// The SOQL evaluator in-process (no HTTP): semantics and error shapes over the parser's AST.
import {expect, test} from 'vitest';
import {SfError} from '../api/errors.js';
import {Org} from '../org.js';
import {QueryEngine} from '../api/query.js';
import {likeRegex} from './soql-where.js';

const org = new Org({now: new Date('2025-03-10T12:00:00Z'), frozenClock: true});
const rep = org.users.rep.id;
org.createTask(rep, {Subject: 'Alpha', ActivityDate: '2025-03-10', Priority: 'High'});
org.createTask(rep, {Subject: 'beta', ActivityDate: null});
org.createTask(rep, {Subject: 'Gamma 50%', ActivityDate: '2025-03-12', Status: 'Completed'});
org.createTask(org.users.rep2.id, {Subject: 'Delta', ActivityDate: '2025-03-09'});
const engine = new QueryEngine(org);
const run = (soql: string, all = false): Record<string, unknown>[] =>
	engine.run(soql, {all, userId: rep, version: '62.0'}).records as Record<string, unknown>[];
const subjects = (where: string, order = 'Subject'): unknown[] =>
	run(`SELECT Subject FROM Task WHERE ${where} ORDER BY ${order}`).map(r => r['Subject']);
const error = (soql: string): SfError => {
	try {
		run(soql);
	} catch (e) {
		if (e instanceof SfError) return e;
	}
	throw new Error('expected an SfError');
};

test('string comparison is case-insensitive; ORDER BY strings too', () => {
	expect(subjects("Subject = 'ALPHA'")).toEqual(['Alpha']);
	expect(run('SELECT Subject FROM Task ORDER BY Subject').map(r => r['Subject'])).toEqual([
		'Alpha',
		'beta',
		'Delta',
		'Gamma 50%',
	]);
});

test('!= includes nulls; < and > never match null', () => {
	expect(subjects('ActivityDate != 2025-03-10')).toEqual(['beta', 'Delta', 'Gamma 50%']);
	expect(subjects('ActivityDate < 2025-03-11')).toEqual(['Alpha', 'Delta']);
});

test('AND binds tighter than OR; NOT applies to the next condition or group', () => {
	expect(subjects("Subject = 'beta' OR Priority = 'High' AND IsClosed = true")).toEqual(['beta']);
	expect(subjects("(Subject = 'beta' OR Priority = 'High') AND IsClosed = false")).toEqual(['Alpha', 'beta']);
	expect(subjects("NOT Subject = 'beta' AND IsClosed = false")).toEqual(['Alpha', 'Delta']);
	expect(subjects("NOT (Subject = 'beta' OR IsClosed = true)")).toEqual(['Alpha', 'Delta']);
});

test('LIKE wildcards and escapes', () => {
	expect(likeRegex('a\\%b').test('a%b')).toBe(true);
	expect(likeRegex('a\\%b').test('axb')).toBe(false);
	expect(subjects("Subject LIKE '%50\\%'")).toEqual(['Gamma 50%']);
	expect(subjects("Subject LIKE '_eta'")).toEqual(['beta']);
});

test('IN with ids accepts 15-char ids; a bad id literal is an error', () => {
	expect(subjects(`OwnerId IN ('${org.users.rep2.id.slice(0, 15)}')`)).toEqual(['Delta']);
	expect(error("SELECT Id FROM Task WHERE OwnerId = 'xyz'").errorCode).toBe('INVALID_QUERY_FILTER_OPERATOR');
});

test('type mismatches and unfilterable fields are refused like Salesforce', () => {
	expect(error("SELECT Id FROM Task WHERE ActivityDate = '2025-03-10'").message).toContain(
		'must be of type date and should not be enclosed in quotes',
	);
	expect(error('SELECT Id FROM Task WHERE Subject = 5').message).toContain(
		'must be of type string and should be enclosed in quotes',
	);
	expect(error("SELECT Id FROM Task WHERE Description = 'x'").message).toContain(
		"field 'Description' can not be filtered in query call",
	);
	expect(error('SELECT Id FROM Task WHERE CreatedDate = 2025-03-10').errorCode).toBe('INVALID_QUERY_FILTER_OPERATOR');
	expect(error('SELECT Foo.Name FROM Task').message).toContain("Didn't understand relationship 'Foo'");
	expect(error('SELECT Id FROM Task WHERE').errorCode).toBe('MALFORMED_QUERY');
	expect(error('SELECT Id FROM Task OFFSET 2001').errorCode).toBe('NUMBER_OUTSIDE_VALID_RANGE');
});

test('COUNT() and COUNT(Id)', () => {
	expect(
		engine.run('SELECT COUNT() FROM Task WHERE IsClosed = false', {all: false, userId: rep, version: '62.0'}),
	).toEqual({totalSize: 3, done: true, records: []});
	expect(run('SELECT COUNT(Id) cnt FROM Task')).toEqual([{attributes: {type: 'AggregateResult'}, cnt: 4}]);
});

test('date literals follow the running user: rep (Rome) and rep2 (New York) differ late in the UTC day', () => {
	const late = new Org({now: new Date('2025-03-10T23:30:00Z'), frozenClock: true});
	late.createTask(late.users.rep.id, {Subject: 'X', ActivityDate: '2025-03-11'});
	const e = new QueryEngine(late);
	const q = (userId: string): number =>
		e.run('SELECT Id FROM Task WHERE ActivityDate = TODAY', {all: false, userId, version: '62.0'}).totalSize;
	expect(q(late.users.rep.id)).toBe(1);
	expect(q(late.users.rep2.id)).toBe(0);
});
