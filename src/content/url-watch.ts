/**
 * Calls `onChange(href)` whenever the page's URL changes without a reload — Lightning moves between
 * records with history.pushState (R24). The Navigation API's `currententrychange` reports pushState,
 * replaceState, back/forward and hash changes in one event; where it is missing, a cheap string compare
 * of `location.href` on a timer does the same. Returns the teardown.
 */
export function watchUrl(onChange: (href: string) => void, win: Window = window, pollMs = 400): () => void {
	let last = win.location.href;
	const check = (): void => {
		const href = win.location.href;
		if (href === last) return;
		last = href;
		onChange(href);
	};

	// `navigation` is on the window in Chromium 102+; typed loosely so older lib.dom typings still compile.
	const navigation = (win as Window & {navigation?: EventTarget}).navigation;
	win.addEventListener('popstate', check);
	win.addEventListener('hashchange', check);
	if (navigation === undefined) {
		const timer = win.setInterval(check, pollMs);
		return () => {
			win.clearInterval(timer);
			win.removeEventListener('popstate', check);
			win.removeEventListener('hashchange', check);
		};
	}

	navigation.addEventListener('currententrychange', check);
	return () => {
		navigation.removeEventListener('currententrychange', check);
		win.removeEventListener('popstate', check);
		win.removeEventListener('hashchange', check);
	};
}
