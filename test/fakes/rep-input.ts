/**
 * R52 in unit tests: a click as the browser makes it from the rep's own input. happy-dom has no `isTrusted`
 * (undefined, so every event a test dispatches is untrusted, as a page script's would be); a test marks the
 * event it stands in for the rep's click. Chromium's own trusted clicks are covered end to end.
 */
export function repClick(target: Element): boolean {
	const event = new MouseEvent('click', {bubbles: true, cancelable: true, composed: true});
	Object.defineProperty(event, 'isTrusted', {value: true});
	return target.dispatchEvent(event);
}
