/**
 * Reading Salesforce's answers (jsforce-adapter.ts): never trusting their shape (issue 4 "Bad input") — a
 * query page without records, a collection response of the wrong length or a failed composite subrequest is
 * a MalformedResponseError or a SalesforceApiError, never a silent half-answer — and the headers every
 * answer carries: `Sforce-Limit-Info` (R21) and `Date` (R16).
 */
import type {TaskPriorityValue, TaskStatusValue} from '@/shared/store/schema.js';
import {to18} from '@/shared/record-ids.js';
import {MalformedResponseError, SalesforceApiError} from './errors.js';
import type {QueryPage, ResponseMeta, SaveResult} from './salesforce-port.js';

export type RawResponse = {statusCode: number; headers: Record<string, string | undefined>};

export function text(value: unknown, fallback: string): string {
	return typeof value === 'string' ? value : fallback;
}

/** R21, R16: what one answer's headers say about API usage and the server's clock, written into `meta`. */
export function observeResponse(response: RawResponse, meta: ResponseMeta, now: number): void {
	const limit = response.headers['sforce-limit-info'];
	const usage = limit ? /api-usage=(\d+)\/(\d+)/.exec(limit) : null;
	if (usage) meta.apiUsage = {used: Number(usage[1]), limit: Number(usage[2])};
	const date = response.headers['date'];
	const serverMs = date ? Date.parse(date) : Number.NaN;
	// The Date header has whole seconds: add half a second so the offset is unbiased.
	if (Number.isFinite(serverMs)) meta.clockOffsetMs = serverMs + 500 - now;
}

export function toPage<T>(raw: unknown): QueryPage<T> {
	const body = raw as {records?: unknown; done?: unknown; nextRecordsUrl?: unknown; totalSize?: unknown} | null;
	if (!body || !Array.isArray(body.records)) throw new MalformedResponseError('Query response without records');
	const page: QueryPage<T> = {
		records: body.records as T[],
		done: body.done !== false,
		totalSize: Number(body.totalSize ?? body.records.length),
	};
	if (typeof body.nextRecordsUrl === 'string') page.nextRecordsUrl = body.nextRecordsUrl;
	if (!page.done && page.nextRecordsUrl === undefined)
		throw new MalformedResponseError('Query page not done but without nextRecordsUrl');
	return page;
}

export function toSaveResults(raw: unknown, expected: number): SaveResult[] {
	if (!Array.isArray(raw) || raw.length !== expected)
		throw new MalformedResponseError('Collection response of the wrong length');
	return raw.map((item: unknown): SaveResult => {
		const result = item as {id?: unknown; success?: unknown; errors?: unknown} | null;
		if (result?.success === true && typeof result.id === 'string') return {success: true, id: to18(result.id)};
		const errors = Array.isArray(result?.errors)
			? (result.errors as Array<Record<string, unknown>>).map(e => ({
					statusCode: text(e['statusCode'], text(e['errorCode'], 'UNKNOWN')),
					message: text(e['message'], ''),
					fields: Array.isArray(e['fields']) ? (e['fields'] as unknown[]).map(String) : [],
				}))
			: [{statusCode: 'MALFORMED_RESPONSE', message: 'No errors in a failed result', fields: []}];
		return typeof result?.id === 'string' ? {success: false, id: result.id, errors} : {success: false, errors};
	});
}

/** The one /composite request that reads TaskStatus and TaskPriority (issue 4 "Discovery"). */
export function picklistsRequest(version: string): {method: string; url: string; body: string} {
	const query = (soql: string) => `/services/data/v${version}/query?q=${encodeURIComponent(soql)}`;
	const body = {
		allOrNone: false,
		compositeRequest: [
			{
				method: 'GET',
				referenceId: 'statuses',
				url: query('SELECT ApiName, MasterLabel, IsClosed, IsDefault, SortOrder FROM TaskStatus ORDER BY SortOrder'),
			},
			{
				method: 'GET',
				referenceId: 'priorities',
				url: query(
					'SELECT ApiName, MasterLabel, IsHighPriority, IsDefault, SortOrder FROM TaskPriority ORDER BY SortOrder',
				),
			},
		],
	};
	return {method: 'POST', url: '/composite', body: JSON.stringify(body)};
}

export type CompositeAnswer = {compositeResponse?: Array<{body?: unknown; httpStatusCode?: number}>};

/** The answer to `picklistsRequest`: a failed subrequest is Salesforce's error, with its code and status. */
export function toPicklists(raw: CompositeAnswer): {statuses: TaskStatusValue[]; priorities: TaskPriorityValue[]} {
	const [statusPart, priorityPart] = raw.compositeResponse ?? [];
	for (const part of [statusPart, priorityPart]) {
		if (!part || (part.httpStatusCode ?? 500) >= 400) {
			const first = Array.isArray(part?.body)
				? (part.body[0] as {errorCode?: string; message?: string} | undefined)
				: undefined;
			throw new SalesforceApiError(
				first?.errorCode ?? 'MALFORMED_RESPONSE',
				first?.message ?? 'Composite subrequest failed',
				{status: part?.httpStatusCode ?? 500},
			);
		}
	}

	const statuses = toPage<Record<string, unknown>>(statusPart?.body).records.map((r): TaskStatusValue => ({
		apiName: String(r['ApiName'] ?? r['MasterLabel']),
		label: String(r['MasterLabel'] ?? r['ApiName']),
		isClosed: r['IsClosed'] === true,
		isDefault: r['IsDefault'] === true,
	}));
	const priorities = toPage<Record<string, unknown>>(priorityPart?.body).records.map((r): TaskPriorityValue => ({
		apiName: String(r['ApiName'] ?? r['MasterLabel']),
		label: String(r['MasterLabel'] ?? r['ApiName']),
		isHighPriority: r['IsHighPriority'] === true,
		isDefault: r['IsDefault'] === true,
	}));
	return {statuses, priorities};
}
