/**
 * The element a page test renders into: a fresh one in the document before each test, unmounted (so effects
 * clean up) and removed after it. One place for what every preact page test did by hand.
 */
import {render} from 'preact';
import {act} from 'preact/test-utils';

export function createDomRoot(): HTMLElement {
	const root = document.createElement('div');
	document.body.append(root);
	return root;
}

export async function removeDomRoot(root: HTMLElement): Promise<void> {
	await act(() => {
		render(null, root);
	});
	root.remove();
}
