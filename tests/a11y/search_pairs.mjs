// Search for a run of three or more CJK characters, which the index finds by its pairs, in
// Debian's Chromium: builds a small site in which the newest pages have every pair of
// 團體協約 apart (團體, 體協 and 協約, never the run) and three older pages have the run,
// then checks that the search page lists exactly the pages with the run once their texts
// are in (the pages with the pairs apart rank first, so each listed one is replaced), that
// it reads at most 50 texts before showing the first results (ten, then at most 40 more
// to replace those without the run; "Show more results" goes on from there), that a
// query of one pair still finds every page that has it, and that the status says "up to"
// while pages with every pair are unread, the exact count once none is (none at all for a
// run that no page has: the no-results message), as the year filter's counts do.
//
// Usage: node tests/a11y/search_pairs.mjs FIREFLY
// Prints one line per query, then "search pairs: N passed, M failed"; exits 1 when any failed.
import { buildStorySite, listedResults, runQueryChecks } from './lib.mjs';

const [firefly] = process.argv.slice(2);
if (!firefly) {
  console.error('usage: node search_pairs.mjs FIREFLY');
  process.exit(2);
}
// Sixty pages with the pairs apart (newest: they rank first, more than the texts read before
// the first results are shown), three with the run.
const pages = {};
for (let i = 1; i <= 60; i++) {
  const date = new Date(Date.UTC(2026, 1, 1 + i)).toISOString().slice(0, 10);
  pages[`apart-${String(i).padStart(2, '0')}`] = { date, text: '團體活動。體協會議。協約期滿。' };
}
// The oldest in another year, so that the search page offers a year filter.
for (let i = 1; i <= 3; i++) {
  pages[`run-${i}`] = { date: i === 1 ? '2025-12-31' : `2026-01-0${i}`, text: '勞資雙方簽訂團體協約。' };
}
for (const [name, page] of Object.entries(pages)) page.title = `第${name}篇`;
const site = buildStorySite(
  firefly,
  'search-pairs',
  'title: {zh-TW: 配對}\nbase_url: https://example.org/\n' +
    'languages:\n  - {code: zh-TW, html_lang: zh-Hant-TW, name: 中文}\n' +
    'collections:\n  stories: {sort: date desc}\n',
  '故事',
  pages,
);

// Newest first, as they rank when they match alike.
const apart = Object.keys(pages).filter((n) => n.startsWith('apart')).reverse();
const run = Object.keys(pages).filter((n) => n.startsWith('run')).reverse();
// [query, the pages listed once every text is in, in order ("Show more" pressed until gone),
//  whether the first status is "up to" (pages with every pair left unread)]
const QUERIES = [
  ['團體協約', run, true],
  ['體協約', run, true],
  ['體協', [...apart, ...run], false],
  // Every pair is on the sixty pages apart (體協會議, 協約期滿), the run on none.
  ['體協約期', [], true],
];
const exactStatus = (q, n) => `「${q}」找到 ${n} 筆結果`;
const upToStatus = (q, n) => `「${q}」最多 ${n} 筆結果`;

await runQueryChecks('search pairs', site, QUERIES, async (page, origin, [q, expected, upTo]) => {
  let texts = 0;
  page.on('request', (r) => {
    if (r.headers().range && /\/search\/zh-TW\/x\//.test(new URL(r.url()).pathname)) texts++;
  });
  await page.goto(`${origin}/search/?q=${encodeURIComponent(q)}`);
  // The list once its texts are read, or the no-results message.
  const done = '#search-results ol.search-hits[data-excerpts="done"], #search-results > p.search-none';
  const status = async () => ((await page.locator('#search-status').textContent()) ?? '').trim();
  let first = 0;
  let firstStatus = '';
  try {
    // Attached, not visible: the first results may all be taken out (none of the texts
    // read had the run), leaving "Show more results" to go on.
    await page.locator(done).waitFor({ state: 'attached', timeout: 10000 });
    first = texts;
    firstStatus = await status();
    for (;;) {
      const more = page.locator('#search-results button.search-more');
      if (!(await more.count())) break;
      await more.click();
      await page.locator(done).waitFor({ state: 'attached', timeout: 10000 });
    }
  } catch {
    return 'the results were not listed';
  }
  const found = await listedResults(page);
  if (found.join() !== expected.join()) return `listed ${found.join()}, expected ${expected.join()}`;
  const firstIs = upTo ? upToStatus(q, '\\d+') : exactStatus(q, expected.length);
  if (!new RegExp(`^${firstIs}$`).test(firstStatus)) return `the first status "${firstStatus}", expected "${firstIs}"`;
  const last = await status();
  if (last !== exactStatus(q, expected.length)) return `the status "${last}", expected "${exactStatus(q, expected.length)}"`;
  // The year filter's counts leave out the pages taken out (no filter when none is left).
  const allOption = page.locator('#search-filter-year option').first();
  const allText = (await allOption.count()) ? ((await allOption.textContent()) ?? '') : '';
  const allCount = Number((allText.match(/\((\d+)\)$/) || [0, 0])[1]);
  if (allCount !== expected.length) return `the year filter's first option is "${allText}", expected ${expected.length}`;
  if (!expected.length && !(await page.locator('#search-results > p.search-none').isVisible())) {
    return 'no results and no no-results message';
  }
  if (q.length > 2 && first > 50) return `read ${first} texts before the first results were shown`;
  return `ok (${found.length} pages, ${first} texts read for the first results)`;
});
