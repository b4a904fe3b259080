import type {CDPSession, Page} from 'playwright-core';

/**
 * R52: the badge and "Remind me" keep their shadow roots closed, so neither the page's scripts nor Playwright's
 * locators (which pierce open roots only) see inside. The e2e reads them as DevTools does: `DOM.getDocument`
 * with `pierce` lists closed roots too, and a function runs on the root itself. What the test *does* stays the
 * rep's own input: a real mouse click at the element's place on screen, which the browser marks trusted and
 * hit-tests like a rep's (so a covered or misplaced control fails the test). Nothing of this ships.
 */
export type Box = {x: number; y: number; width: number; height: number};

/** A CSS selector inside the root, or the button whose text is exactly `button`. */
export type Target = string | {button: string};

export type ClosedRoot = {
	/** Runs `fn` on the host's closed root in the page; undefined while no such host (or root) is there. */
	run<T, A>(fn: (root: ShadowRoot, arg: A) => T, arg: A): Promise<T | undefined>;
	attribute(target: Target, name: string): Promise<string | null | undefined>;
	text(target: Target): Promise<string | null | undefined>;
	innerText(target: Target): Promise<string | undefined>;
	value(target: Target): Promise<string | undefined>;
	visible(target: Target): Promise<boolean>;
	count(selector: string): Promise<number>;
	style(target: Target, property: string): Promise<string | undefined>;
	box(target: Target): Promise<Box | null>;
	/** A trusted click, as the rep's mouse makes it, at the middle of the element on screen. */
	click(target: Target): Promise<void>;
	/** Sets a field's value as Playwright's fill() does for date and time fields (the save stays a real click). */
	fill(target: Target, value: string): Promise<void>;
};

type DomNode = {localName?: string; backendNodeId: number; children?: DomNode[]; shadowRoots?: DomNode[]};

const sessions = new WeakMap<Page, Promise<CDPSession>>();

function findHost(node: DomNode, tag: string): DomNode | undefined {
	if (node.localName === tag) return node;
	for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
		const found = findHost(child, tag);
		if (found) return found;
	}

	return undefined;
}

/** The element `target` names inside `root` (runs in the page). */
function pick(root: ShadowRoot, target: Target): Element | undefined {
	if (typeof target === 'string') return root.querySelector(target) ?? undefined;
	return [...root.querySelectorAll('button')].find(button => button.textContent.trim() === target.button);
}

export function closedRoot(page: Page, tag: string): ClosedRoot {
	/** Calls `declaration` (a function source) with `this` the host's closed root; undefined while none. */
	const call = async <T>(declaration: string, arg: unknown): Promise<T | undefined> => {
		let session = sessions.get(page);
		if (!session) {
			session = page.context().newCDPSession(page);
			sessions.set(page, session);
		}

		const cdp = await session;
		const {root} = (await cdp.send('DOM.getDocument', {depth: -1, pierce: true})) as {root: DomNode};
		const shadow = findHost(root, tag)?.shadowRoots?.[0];
		if (shadow === undefined) return undefined;
		const {object} = await cdp.send('DOM.resolveNode', {backendNodeId: shadow.backendNodeId});
		if (object.objectId === undefined) return undefined;
		const {result, exceptionDetails} = await cdp.send('Runtime.callFunctionOn', {
			objectId: object.objectId,
			functionDeclaration: declaration,
			arguments: [{value: arg}],
			returnByValue: true,
			awaitPromise: true,
		});
		await cdp.send('Runtime.releaseObject', {objectId: object.objectId});
		if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
		return result.value as T;
	};

	const run = async <T, A>(fn: (root: ShadowRoot, arg: A) => T, arg: A): Promise<T | undefined> =>
		call<T>(`function (arg) { return (${fn.toString()})(this, arg); }`, arg);

	/** `fn` on the element `target` names (both run in the page); undefined while there is none. */
	const read = async <T>(
		target: Target,
		fn: (element: Element, extra: string) => T,
		extra = '',
	): Promise<T | undefined> =>
		call<T>(
			`function (arg) { const pick = ${pick.toString()}; const element = pick(this, arg.target);
			return element ? (${fn.toString()})(element, arg.extra) : undefined; }`,
			{target, extra},
		);

	const box = async (target: Target): Promise<Box | null> =>
		(await read(target, element => {
			const rect = element.getBoundingClientRect();
			return rect.width > 0 && rect.height > 0 ? {x: rect.x, y: rect.y, width: rect.width, height: rect.height} : null;
		})) ?? null;

	const click = async (target: Target): Promise<void> => {
		const where = await box(target);
		if (where === null) throw new Error(`nothing to click: ${JSON.stringify(target)} in ${tag}`);
		await page.mouse.click(where.x + where.width / 2, where.y + where.height / 2);
	};

	return {
		run,
		attribute: async (target, name) => read(target, (element, attribute) => element.getAttribute(attribute), name),
		text: async target => read(target, element => element.textContent),
		innerText: async target => read(target, element => (element as HTMLElement).innerText),
		value: async target => read(target, element => (element as HTMLInputElement).value),
		visible: async target => (await read(target, element => element.checkVisibility())) ?? false,
		count: async selector => (await run((root, css: string) => root.querySelectorAll(css).length, selector)) ?? 0,
		style: async (target, property) =>
			read(target, (element, name) => getComputedStyle(element).getPropertyValue(name), property),
		box,
		click,
		async fill(target, value) {
			// As Playwright's fill() does for date and time fields: the value, then `input` and `change`.
			await read(
				target,
				(element, text) => {
					(element as HTMLInputElement).value = text;
					for (const type of ['input', 'change'])
						element.dispatchEvent(new Event(type, {bubbles: true, composed: true}));
				},
				value,
			);
		},
	};
}
