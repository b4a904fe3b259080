/** Issue 24: the background's answers about what the toolbar button opens (popup or side panel). */
import type {BackgroundHandlers} from '../messaging/message-rules.js';
import {saveToolbarOpens, toolbarOpensChoice} from './toolbar-opens.js';

export function toolbarHandlers(): Pick<BackgroundHandlers, 'getToolbarOpens' | 'saveToolbarOpens'> {
	return {
		async getToolbarOpens() {
			return toolbarOpensChoice();
		},
		async saveToolbarOpens({opens}) {
			return saveToolbarOpens(opens);
		},
	};
}
