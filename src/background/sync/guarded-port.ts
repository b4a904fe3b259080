/**
 * R7: disabling stops all Salesforce traffic at once. The engine runs each cycle against this wrapper of
 * the SalesforcePort: before every call it reads the partition row and, once sync is off, throws
 * SyncDisabledError instead of sending anything. The engine treats that as "stop quietly": nothing local
 * is deleted and every pending change stays queued for when sync is enabled again.
 */
import type {SalesforcePort} from '@/background/salesforce/salesforce-port.js';
import {SyncDisabledError} from './cycle-context.js';
import type {SyncDeps} from './engine-ports.js';

export function enabledOnlyPort(port: SalesforcePort, deps: Pick<SyncDeps, 'db'>, partitionId: string): SalesforcePort {
	const check = async (): Promise<void> => {
		const row = await deps.db.partitions.get(partitionId);
		if (!row?.enabled) throw new SyncDisabledError('Sync was disabled');
	};

	return {
		async identity() {
			await check();
			return port.identity();
		},
		async query(soql, options) {
			await check();
			return port.query(soql, options);
		},
		async queryMore(nextRecordsUrl) {
			await check();
			return port.queryMore(nextRecordsUrl);
		},
		async taskPicklists() {
			await check();
			return port.taskPicklists();
		},
		async createTasks(records) {
			await check();
			return port.createTasks(records);
		},
		async updateTasks(records) {
			await check();
			return port.updateTasks(records);
		},
		async deleteTasks(ids) {
			await check();
			return port.deleteTasks(ids);
		},
		requestCount: () => port.requestCount(),
		responseMeta: () => port.responseMeta(),
	};
}
