// @vitest-environment happy-dom
import {afterEach, expect, test, vi} from 'vitest';
import {watchUrl} from './url-watch.js';

afterEach(() => {
	vi.useRealTimers();
});

test('without the Navigation API, a pushState is noticed by the cheap poll; teardown stops it', () => {
	vi.useFakeTimers();
	const seen: string[] = [];
	const stop = watchUrl(href => seen.push(href), window, 400);
	history.pushState({}, '', '/lightning/r/Task/00T5g00000AbCdEAAX/view');
	vi.advanceTimersByTime(400);
	expect(seen).toEqual([location.href]);
	vi.advanceTimersByTime(2000);
	expect(seen).toHaveLength(1);
	stop();
	history.pushState({}, '', '/lightning/page/home');
	vi.advanceTimersByTime(2000);
	expect(seen).toHaveLength(1);
});

test('with the Navigation API, currententrychange reports the change', () => {
	const navigation = new EventTarget();
	const fakeWindow = Object.assign(new EventTarget(), {
		location: {href: 'https://a.lightning.force.com/lightning/page/home'},
		navigation,
	}) as unknown as Window;
	const seen: string[] = [];
	const stop = watchUrl(href => seen.push(href), fakeWindow);
	(fakeWindow.location as {href: string}).href =
		'https://a.lightning.force.com/lightning/r/Task/00T5g00000AbCdEAAX/view';
	navigation.dispatchEvent(new Event('currententrychange'));
	navigation.dispatchEvent(new Event('currententrychange'));
	expect(seen).toEqual(['https://a.lightning.force.com/lightning/r/Task/00T5g00000AbCdEAAX/view']);
	stop();
	(fakeWindow.location as {href: string}).href = 'https://a.lightning.force.com/lightning/page/home';
	navigation.dispatchEvent(new Event('currententrychange'));
	expect(seen).toHaveLength(1);
});
