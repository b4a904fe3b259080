import browser from 'webextension-polyfill';
import type {BackgroundApi} from '@/shared/messages.js';
import type {SyncStatus} from '@/shared/types.js';
import {libraryVersions} from './self-check.js';

const initialStatus: SyncStatus = {phase: 'off', pendingCount: 0, errorCount: 0};

/** The background's answers. Thin: inputs are already validated; real work is delegated. */
export const backgroundApi: BackgroundApi = {
	async ping() {
		return {
			pong: true,
			version: browser.runtime.getManifest().version,
			context: 'background',
			libraries: libraryVersions(),
		};
	},
	async getSyncStatus() {
		return initialStatus;
	},
	async requestSync() {
		return {queued: false};
	},
	async getTaskBadge() {
		// TODO [2026-12-15]: answered from the store and the engine by the rep's-experience issue (#5).
		throw new Error('The Task badge is not available yet');
	},
};
