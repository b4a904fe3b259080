/** Issue 24: the background's answers about what the toolbar button opens (popup or side panel). */
import type {BackgroundHandlers} from '../messaging/message-rules.js';
import {createRemindMenu} from '../context-menu/remind-menu.js';
import {saveToolbarOpens, toolbarOpensChoice} from './toolbar-opens.js';

export function toolbarHandlers(): Pick<BackgroundHandlers, 'getToolbarOpens' | 'saveToolbarOpens'> {
	return {
		async getToolbarOpens() {
			return toolbarOpensChoice();
		},
		async saveToolbarOpens({opens}) {
			const choice = await saveToolbarOpens(opens);
			// R51: the menu entry's id carries where its click shows the draft (remind-menu.ts).
			await createRemindMenu(choice.opens);
			return choice;
		},
	};
}
