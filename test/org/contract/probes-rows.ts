// Probes for Task rows, references, picklists, describe and collections (docs/local-org.md "UNCONFIRMED choices").
import {outcome, type Probe} from './probe-kit.js';

type Rec = Record<string, unknown>;

export const rowProbes: Probe[] = [
	{
		id: 'precondition-failed',
		item: 'UNCONFIRMED choices 1',
		question: 'The 412 body for If-Unmodified-Since, an unreadable conditional header, and DELETE with a condition',
		async run(ctx) {
			const id = await ctx.create({Subject: ctx.tag});
			const old = 'Sat, 01 Jan 2000 00:00:00 GMT';
			const patch = (header: string) =>
				ctx.api(`/sobjects/Task/${id}`, {
					method: 'PATCH',
					headers: {'If-Unmodified-Since': header},
					body: JSON.stringify({Description: 'x'}),
				});
			const stale = await patch(old);
			const garbage = await patch('not a date');
			const del = await ctx.api(`/sobjects/Task/${id}`, {method: 'DELETE', headers: {'If-Unmodified-Since': old}});
			return {stale: outcome(stale), garbage: outcome(garbage), deleteWithCondition: del.status};
		},
		local: {
			stale: {
				status: 412,
				errorCode: 'PRECONDITION_FAILED',
				message: 'The requested resource has been modified since the If-Unmodified-Since date.',
			},
			garbage: {
				status: 400,
				errorCode: 'INVALID_HEADER_VALUE',
				message: 'Invalid if-unmodified-since header value: not a date',
			},
			deleteWithCondition: 204,
		},
	},
	{
		id: 'recycle-bin-reads',
		item: 'UNCONFIRMED choices 2',
		question: 'GET, PATCH and DELETE of a Task in the Recycle Bin; GET of an id that never existed',
		async run(ctx) {
			const id = await ctx.create({Subject: ctx.tag});
			await ctx.api(`/sobjects/Task/${id}`, {method: 'DELETE'});
			const get = await ctx.api(`/sobjects/Task/${id}`);
			const patch = await ctx.api(`/sobjects/Task/${id}`, {method: 'PATCH', body: JSON.stringify({Subject: 'x'})});
			const del = await ctx.api(`/sobjects/Task/${id}`, {method: 'DELETE'});
			const never = await ctx.api('/sobjects/Task/00T000000000001');
			return {get: outcome(get), patch: outcome(patch), delete: outcome(del), never: outcome(never)};
		},
		local: {
			get: {status: 404, errorCode: 'NOT_FOUND', message: 'The requested resource does not exist'},
			patch: {status: 404, errorCode: 'ENTITY_IS_DELETED', message: 'entity is deleted'},
			delete: {status: 404, errorCode: 'ENTITY_IS_DELETED', message: 'entity is deleted'},
			never: {status: 404, errorCode: 'NOT_FOUND', message: 'The requested resource does not exist'},
		},
	},
	{
		id: 'delete-stamps',
		item: 'UNCONFIRMED choices 3',
		question: 'Does a delete move SystemModstamp, LastModifiedDate and LastModifiedById?',
		async run(ctx) {
			const id = await ctx.create({Subject: ctx.tag});
			const soql = `SELECT SystemModstamp, LastModifiedDate, LastModifiedById FROM Task WHERE Id = '${id}'`;
			const [before] = await ctx.query<Rec>(soql, true);
			await ctx.pause(2_000);
			await ctx.api(`/sobjects/Task/${id}`, {method: 'DELETE'});
			const [after] = await ctx.query<Rec>(soql, true);
			return {
				systemModstampMoved: before?.['SystemModstamp'] !== after?.['SystemModstamp'],
				lastModifiedDateMoved: before?.['LastModifiedDate'] !== after?.['LastModifiedDate'],
				lastModifiedByIsDeleter: after?.['LastModifiedById'] === ctx.userId,
			};
		},
		local: {systemModstampMoved: true, lastModifiedDateMoved: true, lastModifiedByIsDeleter: true},
	},
	{
		id: 'completed-date-time',
		item: 'UNCONFIRMED choices 4',
		question: 'CompletedDateTime on close, on a save with the same closed status, on reopen; present in v41.0 describe',
		async run(ctx) {
			const id = await ctx.create({Subject: ctx.tag});
			const read = async (): Promise<unknown> =>
				((await ctx.api(`/sobjects/Task/${id}?fields=CompletedDateTime`)).json as Rec)['CompletedDateTime'];
			const patch = (fields: Rec) => ctx.api(`/sobjects/Task/${id}`, {method: 'PATCH', body: JSON.stringify(fields)});
			await patch({Status: 'Completed'});
			const closed = await read();
			await ctx.pause(2_000);
			await patch({Status: 'Completed', Description: 'again'});
			const sameStatus = await read();
			await patch({Status: 'Not Started'});
			const reopened = await read();
			const old = await ctx.api('/sobjects/Task/describe', {version: '41.0'});
			const fields = ((old.json as {fields?: Rec[]}).fields ?? []).map(f => f['name']);
			return {
				setOnClose: typeof closed === 'string',
				keptOnSameStatus: sameStatus === closed,
				clearedOnReopen: reopened === null,
				inV41Describe: fields.includes('CompletedDateTime'),
			};
		},
		local: {setOnClose: true, keptOnSameStatus: true, clearedOnReopen: true, inV41Describe: true},
	},
	{
		id: 'picklist-values',
		item: 'UNCONFIRMED choices 15',
		question: 'An unknown Status or Priority value; Status set to null',
		async run(ctx) {
			const r = await ctx.api('/sobjects/Task', {
				method: 'POST',
				body: JSON.stringify({Subject: ctx.tag, Status: 'No such status', Priority: 'No such priority'}),
			});
			const id = r.status === 201 ? String((r.json as Rec)['id']) : undefined;
			if (id) ctx.track(id);
			const row = id ? ((await ctx.api(`/sobjects/Task/${id}?fields=IsClosed,IsHighPriority`)).json as Rec) : {};
			const plain = await ctx.create({Subject: ctx.tag});
			const nulled = await ctx.api(`/sobjects/Task/${plain}`, {method: 'PATCH', body: JSON.stringify({Status: null})});
			return {
				unknownValues: outcome(r),
				isClosed: row['IsClosed'],
				isHighPriority: row['IsHighPriority'],
				statusNull: outcome(nulled),
			};
		},
		local: {
			unknownValues: {status: 201},
			isClosed: false,
			isHighPriority: false,
			statusNull: {status: 400, errorCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [Status]'},
		},
	},
	{
		id: 'reference-errors',
		item: 'UNCONFIRMED choices 16',
		question: 'A malformed id, an OwnerId naming nobody, an OwnerId of the wrong type, a WhoId of the wrong type',
		async run(ctx) {
			const post = async (fields: Rec) =>
				outcome(await ctx.api('/sobjects/Task', {method: 'POST', body: JSON.stringify({Subject: ctx.tag, ...fields})}));
			const task = await ctx.create({Subject: ctx.tag});
			const redacted = async (fields: Rec) => {
				const o = await post(fields);
				return {...o, message: String(o['message']).replace(task, '<task id>')};
			};
			return {
				malformedOwner: await post({OwnerId: 'x'}),
				ownerNamesNobody: await post({OwnerId: '005000000000099'}),
				ownerWrongType: await redacted({OwnerId: task}),
				whoWrongType: await redacted({WhoId: task}),
			};
		},
		local: {
			malformedOwner: {
				status: 400,
				errorCode: 'MALFORMED_ID',
				message: 'Assigned To ID: id value of incorrect type: x',
			},
			ownerNamesNobody: {
				status: 400,
				errorCode: 'INVALID_CROSS_REFERENCE_KEY',
				message: 'Assigned To ID: invalid cross reference id',
			},
			ownerWrongType: {
				status: 400,
				errorCode: 'FIELD_INTEGRITY_EXCEPTION',
				message: 'Assigned To ID: id value of incorrect type: <task id>',
			},
			whoWrongType: {
				status: 400,
				errorCode: 'FIELD_INTEGRITY_EXCEPTION',
				message: 'Name ID: id value of incorrect type: <task id>',
			},
		},
	},
	{
		id: 'json-parser-message',
		item: 'UNCONFIRMED choices 17',
		question: 'The JSON_PARSER_ERROR message for a date Salesforce cannot read',
		async run(ctx) {
			const r = await ctx.api('/sobjects/Task', {
				method: 'POST',
				body: JSON.stringify({Subject: ctx.tag, ActivityDate: 'next tuesday'}),
			});
			return outcome(r);
		},
		local: {
			status: 400,
			errorCode: 'JSON_PARSER_ERROR',
			message: 'Cannot deserialize instance of date from VALUE_STRING value next tuesday',
		},
	},
	{
		id: 'subject-length-surrogates',
		item: 'UNCONFIRMED choices 33',
		question: 'Does Subject count a character outside the BMP (an emoji) as two towards its 255?',
		async run(ctx) {
			const r = await ctx.api('/sobjects/Task', {method: 'POST', body: JSON.stringify({Subject: '😀'.repeat(128)})});
			if (r.status === 201) ctx.track(String((r.json as Rec)['id']));
			const o = outcome(r);
			const message = o['message'];
			return typeof message === 'string' ? {...o, message: message.replace(/(?:😀)+/u, '<value>')} : o;
		},
		local: {
			status: 400,
			errorCode: 'STRING_TOO_LONG',
			message: 'Subject: data value too large: <value> (max length=255)',
		},
	},
];
