/**
 * `webextension-polyfill` as the content script's build sees it (vite.config.ts aliases it to this file for that
 * build only): the browser's own extension API — Firefox's `browser`, or Chrome's `chrome`, whose Manifest V3
 * methods return promises without a wrapper. The content script calls one method of it,
 * `runtime.sendMessage` (shared/messages.ts callBackground), and the polyfill's wrappers for every other API
 * weighed 2.7 KB gzip of the content script's 15 KB budget (issue 6), room the badge's "Add to Tickler" needs.
 * The worker and the extension's pages keep the polyfill; unit tests alias the module to test/fakes/browser.ts.
 */
import type Browser from 'webextension-polyfill';

type Scope = {browser?: typeof Browser; chrome?: typeof Browser};
const scope = globalThis as unknown as Scope;

// A default export because it stands in for the polyfill's own default export.
const browser = (scope.browser ?? scope.chrome) as typeof Browser;
export default browser;
