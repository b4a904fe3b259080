/**
 * R52: only the rep acts. Tickler's in-page controls act on an event only when the browser made it from the
 * rep's own input (`isTrusted`): a page script's `click()` or `dispatchEvent()` makes an untrusted event and
 * does nothing. A submit event is trusted even when page script calls `form.requestSubmit()`, so "Remind me"
 * saves on the trusted click of its Save button (which Enter in a field also makes), never on `submit`.
 */
export function isRepAction(event: Event): boolean {
	// (happy-dom, where the unit tests run, leaves `isTrusted` undefined: falsy, untrusted.)
	return event.isTrusted;
}
