// Search over a token whose positions are in a file of their own (search/<lang>/p/), in
// Debian's Chromium: builds a small site in which one page repeats a word 15,000 times
// (its postings outgrow a shard, and the file budget has room), then checks that a
// one-word query and a query of two words find every page they should without reading
// that file (nearness ranks by the positions kept in the lines), and that a quoted phrase
// reads it and finds exactly the pages it should.
//
// Usage: node tests/a11y/search_apart.mjs FIREFLY
// Prints one line per query, then "search apart: N passed, M failed"; exits 1 when any failed.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildStorySite, listedResults, runQueryChecks } from './lib.mjs';

const [firefly] = process.argv.slice(2);
if (!firefly) {
  console.error('usage: node search_apart.mjs FIREFLY');
  process.exit(2);
}
const texts = {
  long: 'alpha '.repeat(15000) + 'alpha beta end.',
  one: 'gamma alpha beta.',
  two: 'beta gamma alpha.',
  three: 'alpha only.',
};
const pages = {};
Object.entries(texts).forEach(([name, text], i) => {
  pages[name] = { title: `Page ${name}`, date: `2026-01-0${i + 1}`, text };
});
const site = buildStorySite(
  firefly,
  'search-apart',
  'title: {en: Positions apart}\nbase_url: https://example.org/\n' +
    'languages:\n  - {code: en, html_lang: en, name: English}\n' +
    'collections:\n  stories: {sort: date desc}\n',
  'Stories',
  pages,
);

// [query, the pages found, whether the positions file is read]
const QUERIES = [
  ['alpha', ['long', 'one', 'three', 'two'], false],
  ['"alpha beta"', ['long', 'one'], true],
  ['beta alpha', ['long', 'one', 'two'], false],
];

const tally = { passed: 0, failed: 0 };
const shard = readFileSync(path.join(site.out, 'search', 'en', 's', '0.txt'), 'utf8');
const kept = existsSync(path.join(site.out, 'search', 'en', 'p', '0.txt')) && /^alpha\t#0#/m.test(shard);
console.log(`${kept ? 'ok  ' : 'FAIL'} the positions of "alpha" are kept in p/0.txt`);
if (kept) tally.passed++;
else tally.failed++;

await runQueryChecks(
  'search apart',
  site,
  QUERIES,
  async (page, origin, [q, expected, readsPositions]) => {
    let read = false;
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/search/en/p/0.txt') read = true;
    });
    await page.goto(`${origin}/search/?q=${encodeURIComponent(q)}`);
    try {
      await page.locator('#search-results ol.search-hits li a').first().waitFor({ timeout: 10000 });
    } catch {
      return 'no results listed';
    }
    const found = (await listedResults(page)).sort();
    if (found.join() !== expected.join()) return `found ${found.join()}, expected ${expected.join()}`;
    if (read !== readsPositions) return read ? 'read p/0.txt, which it needs not' : 'did not read p/0.txt';
    return `ok (${found.length} pages${read ? ', positions read' : ''})`;
  },
  tally,
);
