/**
 * Keyboard use (R22): when a form closes, focus goes back to the button that opened it ("Add reminder", a
 * row's Edit), not to the top of the page. Returns the ref for that button.
 */
import {useEffect, useRef} from 'preact/hooks';

export function useFocusReturn(open: boolean) {
	const opener = useRef<HTMLButtonElement>(null);
	const wasOpen = useRef(false);
	useEffect(() => {
		if (wasOpen.current && !open) opener.current?.focus();
		wasOpen.current = open;
	}, [open]);
	return opener;
}
