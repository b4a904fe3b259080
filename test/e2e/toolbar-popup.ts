import type {CDPSession, Page} from 'playwright-core';

/**
 * The toolbar popup that `action.openPopup()` opens is a page of its own that Playwright does not list among the
 * context's pages. The e2e reaches it as DevTools does: through the browser's target list (CDP `Target` domain,
 * from any page's session) and a session attached to the popup's target, in which expressions are evaluated.
 * Nothing of this ships.
 */
export type ToolbarPopup = {
	/** Evaluates `expression` in the popup (awaiting a promise it returns) and gives back its JSON value. */
	evaluate<T>(expression: string): Promise<T>;
	close(): Promise<void>;
};

type TargetInfo = {targetId: string; type: string; url: string};

/** The targets of the pages Playwright already knows (tabs showing the same page are not the popup). */
async function knownTargets(anyPage: Page): Promise<Set<string>> {
	const ids = new Set<string>();
	for (const page of anyPage.context().pages()) {
		const session = await page.context().newCDPSession(page);
		const {targetInfo} = (await session.send('Target.getTargetInfo')) as {targetInfo: TargetInfo};
		ids.add(targetInfo.targetId);
		await session.detach();
	}

	return ids;
}

async function popupTarget(anyPage: Page, cdp: CDPSession, url: string, timeoutMs: number): Promise<TargetInfo> {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		const known = await knownTargets(anyPage);
		const {targetInfos} = (await cdp.send('Target.getTargets')) as {targetInfos: TargetInfo[]};
		const found = targetInfos.find(target => target.url.startsWith(url) && !known.has(target.targetId));
		if (found) return found;
		await new Promise(resolve => setTimeout(resolve, 200));
	}

	throw new Error(`no toolbar popup at ${url} within ${timeoutMs} ms`);
}

/** Waits for the extension's popup page (`url`) to be open, and attaches to it from `anyPage`'s session. */
export async function toolbarPopup(anyPage: Page, url: string, timeoutMs = 15_000): Promise<ToolbarPopup> {
	const cdp = await anyPage.context().newCDPSession(anyPage);
	const target = await popupTarget(anyPage, cdp, url, timeoutMs);
	const {sessionId} = await cdp.send('Target.attachToTarget', {targetId: target.targetId, flatten: false});
	let nextId = 1;
	const waiting = new Map<
		number,
		(message: {result?: {result?: {value?: unknown}; exceptionDetails?: unknown}}) => void
	>();
	cdp.on('Target.receivedMessageFromTarget', event => {
		if (event.sessionId !== sessionId) return;
		const message = JSON.parse(event.message) as {
			id?: number;
			result?: {result?: {value?: unknown}; exceptionDetails?: unknown};
		};
		if (message.id !== undefined) waiting.get(message.id)?.(message);
	});
	return {
		async evaluate<T>(expression: string): Promise<T> {
			const id = nextId++;
			const answer = new Promise<{result?: {result?: {value?: unknown}; exceptionDetails?: unknown}}>(resolve =>
				waiting.set(id, resolve),
			);
			const params = {expression, awaitPromise: true, returnByValue: true};
			await cdp.send('Target.sendMessageToTarget', {
				sessionId,
				message: JSON.stringify({id, method: 'Runtime.evaluate', params}),
			});
			const {result} = await answer;
			if (result?.exceptionDetails) throw new Error(`in the popup: ${JSON.stringify(result.exceptionDetails)}`);
			return result?.result?.value as T;
		},
		async close() {
			await cdp.send('Target.closeTarget', {targetId: target.targetId}).catch(() => undefined);
			await cdp.detach();
		},
	};
}
