/**
 * R46: Tickler reads its words through `chrome.i18n` (src/shared/i18n/t.ts), which exists in every extension
 * context but not in Node. Unit and integration tests (and the e2e tests' own side, which compares what the
 * browser shows with the same words) get the fake browser's `i18n`, serving the real
 * catalogs (English unless a test calls setUiLanguage), as `globalThis.chrome.i18n`. Only `i18n`: code that
 * asks `chrome.runtime` whether it still runs in a live extension (orphan-guard.ts) sees what it saw before.
 */
import browser from './browser.js';

const scope = globalThis as {chrome?: Record<string, unknown>};
scope.chrome = {...scope.chrome, i18n: browser.i18n};
