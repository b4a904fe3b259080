import {launchFloorBrowser, BLANK_PAGE} from '../bench/lib/floor-browser.js';
import {seedStore} from '../bench/lib/seed-store.js';
const browser = await launchFloorBrowser('dist');
await seedStore(browser, page => page.waitForFunction(() => true));
async function traceOnce(url: string, mark: string) {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  const events: any[] = [];
  cdp.on('Tracing.dataCollected', e => events.push(...e.value));
  const done = new Promise(r => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', {traceConfig: {includedCategories: ['devtools.timeline', 'v8', 'blink.user_timing', 'loading']}, transferMode: 'ReportEvents'} as any);
  await page.goto(browser.pageUrl(url));
  if (mark) await page.waitForFunction(m => performance.getEntriesByName(m).length > 0, mark);
  await page.waitForTimeout(300);
  await cdp.send('Tracing.end');
  await done;
  await page.close();
  // main thread of the page's renderer: thread with 'CrRendererMain' name
  const mainTids = new Set(events.filter(e => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map(e => `${e.pid}:${e.tid}`));
  const nav = events.find(e => e.name === 'navigationStart' || e.name === 'markAsMainFrame')?.ts ?? Math.min(...events.filter(e=>e.ts>0).map(e => e.ts));
  const m = events.find(e => e.name === mark);
  const fp = events.filter(e => e.name === 'firstContentfulPaint' || e.name === 'firstPaint');
  const end = m ? m.ts + 120_000 : Infinity;
  const sums = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || !mainTids.has(`${e.pid}:${e.tid}`)) continue;
    if (e.ts < nav || e.ts > end) continue;
    sums.set(e.name, (sums.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
  }
  return {mark: m ? (m.ts - nav) / 1000 : undefined, fp: fp.map(f => `${f.name}@${((f.ts - nav)/1000).toFixed(0)}`), top: [...sums].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([k, v]) => `${k}=${v.toFixed(1)}`).join(' ')};
}
for (let i = 0; i < 3; i++) {
  console.log('BLANK', JSON.stringify(await traceOnce(BLANK_PAGE, '')));
  console.log('POPUP', JSON.stringify(await traceOnce('src/popup/index.html', 'tickler:due-list-painted')));
}
await browser.close();
