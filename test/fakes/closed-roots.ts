/**
 * R52: Tickler's in-page controls keep their shadow roots closed, so `host.shadowRoot` is null for the page and
 * for tests alike. A unit test that reads a control's inside calls this first: it watches `attachShadow` and
 * remembers each root by its host, as the control's own closure does. Nothing of it ships.
 */
import {vi} from 'vitest';

export function captureShadowRoots(): (host: Element | null | undefined) => ShadowRoot | undefined {
	const roots = new WeakMap<Element, ShadowRoot>();
	const attach = Object.getOwnPropertyDescriptor(Element.prototype, 'attachShadow')?.value as (
		this: Element,
		init: ShadowRootInit,
	) => ShadowRoot;
	vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
		const root = attach.call(this, init);
		roots.set(this, root);
		return root;
	});
	return host => (host ? roots.get(host) : undefined);
}
