// @vitest-environment happy-dom
import {expect, test} from 'vitest';
import {repClick} from '../../test/fakes/rep-input.js';
import {isRepAction} from './rep-action.js';

test('R52: an event a script makes or dispatches is not the rep’s; one the browser marks trusted is', () => {
	const seen: boolean[] = [];
	const button = document.createElement('button');
	button.addEventListener('click', event => seen.push(isRepAction(event)));
	button.click();
	button.dispatchEvent(new MouseEvent('click', {bubbles: true}));
	repClick(button);
	expect(seen).toHaveLength(3);
	expect(seen[0]).toBeFalsy();
	expect(seen[1]).toBeFalsy();
	expect(seen[2]).toBe(true);
	expect(isRepAction(new Event('submit'))).toBeFalsy();
});
