/**
 * Driving the popup's forms in unit tests (happy-dom): type into a field as the rep would, find a field by
 * its label, and open the add form of a freshly rendered popup.
 */
import {render} from 'preact';
import {act} from 'preact/test-utils';
import {expect, vi} from 'vitest';
import {App} from '@/popup/popup-app.js';

export function typeInto(element: Element, value: string): void {
	(element as HTMLInputElement).value = value;
	element.dispatchEvent(new Event('input', {bubbles: true}));
}

/** The control a `<label for>` with exactly this text names; throws when there is none. */
export function fieldByLabel(form: Element, label: string): HTMLInputElement {
	const id = [...form.querySelectorAll('label')].find(l => l.textContent === label)?.getAttribute('for') ?? '';
	const input = form.querySelector(`[id="${CSS.escape(id)}"]`);
	if (!input) throw new Error(`no field ${label}`);
	return input as HTMLInputElement;
}

/** Renders the popup into `root` (an empty store) and opens "Add reminder". */
export async function openAddForm(root: HTMLElement): Promise<HTMLFormElement> {
	await act(() => {
		render(<App />, root);
	});
	await vi.waitFor(() => expect(root.textContent).toContain('Nothing due today'));
	await act(() => {
		[...root.querySelectorAll('button')].find(button => button.textContent === 'Add reminder')?.click();
	});
	return root.querySelector('[aria-label="Add a reminder"]') as HTMLFormElement;
}
