import {launchFloorBrowser} from '../bench/lib/floor-browser.js';
import {seedStore} from '../bench/lib/seed-store.js';
const browser = await launchFloorBrowser('dist');
await seedStore(browser, page => page.waitForFunction(() => true));
const totals = new Map<string, number>();
for (let i = 0; i < 5; i++) {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', {interval: 100});
  await cdp.send('Profiler.start');
  await page.goto(browser.pageUrl('src/popup/index.html'));
  await page.waitForFunction(() => performance.getEntriesByName('tickler:due-list-painted').length > 0);
  const mark = await page.evaluate(() => performance.getEntriesByName('tickler:due-list-painted')[0]!.startTime);
  const {profile} = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map(n => [n.id, n]));
  const dt = profile.timeDeltas!;
  const self = new Map<number, number>();
  profile.samples!.forEach((id, k) => self.set(id, (self.get(id) ?? 0) + dt[k]! / 1000));
  for (const [id, ms] of self) {
    const n = byId.get(id)!;
    const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    totals.set(key, (totals.get(key) ?? 0) + ms / 5);
  }
  console.log('mark', mark.toFixed(0));
  await page.close();
}
console.log([...totals].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${v.toFixed(1)} ${k}`).join('\n'));
await browser.close();
