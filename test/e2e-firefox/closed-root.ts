import type {Page} from 'puppeteer-core';

/**
 * R52: the badge keeps its shadow root closed, so neither the page's script nor puppeteer's `pierce/` selectors
 * reach inside. Firefox's WebDriver BiDi does, as a test driver may: `script.callFunction` serializes a host with
 * `includeShadowTree: 'all'`, which hands back its closed root by reference, and a second call runs a function on
 * that root. Puppeteer has no public door to raw BiDi commands; its BiDi session is reached through the frame it
 * keeps (puppeteer-core's bidi/Frame.js `browsingContext`). Nothing of this ships.
 */
type BidiSession = {send(method: string, params: object): Promise<{result: unknown}>};
type BidiFrame = {browsingContext: {id: string; userContext: {browser: {session: BidiSession}}}};
type CallResult = {type: 'success'; result: RemoteValue} | {type: 'exception'; exceptionDetails: {text: string}};
type RemoteValue = {type: string; value?: unknown; sharedId?: string};

async function call(page: Page, declaration: string, args: object[], shadow: 'none' | 'all'): Promise<RemoteValue> {
	const {browsingContext} = page.mainFrame() as unknown as BidiFrame;
	const {result} = (await browsingContext.userContext.browser.session.send('script.callFunction', {
		functionDeclaration: declaration,
		target: {context: browsingContext.id},
		arguments: args,
		awaitPromise: false,
		serializationOptions: {includeShadowTree: shadow, maxDomDepth: 0},
	})) as {result: CallResult};
	if (result.type === 'exception') throw new Error(result.exceptionDetails.text);
	return result.result;
}

/** The attribute `name` of the element `selector` names inside `tag`'s closed root; undefined while none. */
export async function closedRootAttribute(
	page: Page,
	tag: string,
	selector: string,
	name: string,
): Promise<string | null | undefined> {
	const hostValue = await call(page, '(tag) => document.querySelector(tag)', [{type: 'string', value: tag}], 'all');
	const root = (hostValue.value as {shadowRoot?: RemoteValue | null} | undefined)?.shadowRoot;
	if (root?.sharedId === undefined) return undefined;
	const found = await call(
		page,
		'(root, selector, name) => root.querySelector(selector)?.getAttribute(name) ?? undefined',
		[{sharedId: root.sharedId}, {type: 'string', value: selector}, {type: 'string', value: name}],
		'none',
	);
	return found.type === 'undefined' ? undefined : found.type === 'null' ? null : (found.value as string);
}
