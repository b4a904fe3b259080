/**
 * Test helper (kept out of the shipping tree): Salesforce as one rep sees it, answering every query with the
 * same Task rows, counting requests and recording which Tasks were updated or deleted.
 */
import type {Identity, QueryPage, SalesforcePort, TaskRow} from '@/background/salesforce/salesforce-port.js';

export function answeringSalesforce(identity: Identity, rows: () => TaskRow[], nextTaskId: () => string) {
	const sent = {updated: [] as string[], deleted: [] as string[]};
	let requests = 0;
	const port: SalesforcePort = {
		async identity() {
			requests++;
			return identity;
		},
		async query<T>(): Promise<QueryPage<T>> {
			requests++;
			const records = rows() as T[];
			return {records, done: true, totalSize: records.length};
		},
		async queryMore(): Promise<never> {
			throw new Error('one page only');
		},
		async taskPicklists() {
			requests++;
			return {
				statuses: [{apiName: 'Not Started', label: 'Not Started', isClosed: false, isDefault: true}],
				priorities: [{apiName: 'Normal', label: 'Normal', isHighPriority: false, isDefault: true}],
			};
		},
		async createTasks(records) {
			requests++;
			return records.map(() => ({success: true as const, id: nextTaskId()}));
		},
		async updateTasks(records) {
			requests++;
			sent.updated.push(...records.map(record => record.Id));
			return records.map(record => ({success: true as const, id: record.Id}));
		},
		async deleteTasks(ids) {
			requests++;
			sent.deleted.push(...ids);
			return ids.map(id => ({success: true as const, id}));
		},
		requestCount: () => requests,
		// No Date header: both sides read the partition's stored clock offset.
		responseMeta: () => ({}),
	};
	return {port, sent};
}
