import {launchFloorBrowser, BLANK_PAGE} from '../bench/lib/floor-browser.js';
import {seedStore} from '../bench/lib/seed-store.js';

const INIT = `(() => {
  const t = (n) => performance.mark('p:' + n);
  const open = indexedDB.open.bind(indexedDB);
  indexedDB.open = (...a) => { t('idb-open'); const r = open(...a); r.addEventListener('success', () => t('idb-opened')); return r; };
  const getAll = IDBIndex.prototype.getAll;
  IDBIndex.prototype.getAll = function (...args) { t('getAll-start:' + this.name); const r = getAll.apply(this, args); r.addEventListener('success', () => t('getAll-done:' + this.name)); return r; };
  const get = IDBObjectStore.prototype.get;
  IDBObjectStore.prototype.get = function (...args) { t('get-start:' + this.name); const r = get.apply(this, args); r.addEventListener('success', () => t('get-done:' + this.name)); return r; };
  const mark = performance.mark.bind(performance);
  performance.mark = (name, o) => { const e = mark(name, o); if (name === 'tickler:due-list-painted') requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => mark('painted'); c.port2.postMessage(0); }); return e; };
  document.addEventListener('DOMContentLoaded', () => t('dcl'));
  new MutationObserver(() => t('app-mutated')).observe(document, {subtree: true, childList: true});
})();`;

const browser = await launchFloorBrowser('dist');
await seedStore(browser, page => page.waitForFunction(() => true));
for (let i = 0; i < 6; i++) {
  for (const url of [BLANK_PAGE, 'src/popup/index.html']) {
    const page = await browser.openPage(url, {initScript: INIT});
    await page.waitForTimeout(800);
    const data = await page.evaluate(() => {
      const seen = new Set<string>();
      const marks = performance.getEntriesByType('mark').filter(m => { if (seen.has(m.name)) return false; seen.add(m.name); return true; }).map(m => `${m.name}@${m.startTime.toFixed(0)}`);
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const res = performance.getEntriesByType('resource').map(r => `${r.name.split('/').pop()} ${r.startTime.toFixed(0)}-${(r as PerformanceResourceTiming).responseEnd.toFixed(0)}`);
      const paints = performance.getEntriesByType('paint').map(p => `${p.name}@${p.startTime.toFixed(0)}`);
      return {nav: `resp ${nav.responseEnd.toFixed(0)} domInt ${nav.domInteractive.toFixed(0)} dcl ${nav.domContentLoadedEventEnd.toFixed(0)}`, marks, res, paints};
    });
    console.log(url, JSON.stringify(data, null, 0));
    await page.close();
  }
}
await browser.close();
