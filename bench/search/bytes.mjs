// Bytes a search query costs, measured in Debian's Chromium through the real pages:
// Firefly's search page, and Pagefind's JavaScript API over the same built site.
// Counts the index files each query fetches (gzip -6 size of Firefly's text files;
// Pagefind's files are stored compressed, so their size as stored), not the page or
// the scripts, and the number of results each returns. Firefly's results' texts are read
// by range requests from files stored deflated: each counts the bytes of its range. A query
// is done when its results' excerpts are shown.
//
// Usage: node bench/search/bytes.mjs SITE_DIR QUERIES.json [--pagefind]
//   QUERIES.json: [{"lang": "en", "q": "word", "df": pages containing it}, ...]
// Prints one JSON line per query: {lang, q, df, engine, bytes, files, results, top}, top
// being the addresses of the first ten results.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writePagefindProbe } from './pagefind_probe.mjs';
import { gzipSync } from 'node:zlib';
import { launchBrowser, serveDir } from '../../tests/a11y/lib.mjs';

const [dir, queriesFile, flag] = process.argv.slice(2);
const pagefind = flag === '--pagefind';
const queries = JSON.parse(readFileSync(queriesFile, 'utf8'));
const prefixOf = (lang) => (lang === 'zh-TW' ? '' : lang + '/');
if (pagefind) {
  // One page per language: Pagefind picks the index of the page's lang.
  for (const lang of new Set(queries.map((x) => x.lang))) {
    writePagefindProbe(path.join(dir, `pf-bench-${lang}.html`), lang);
  }
}
const { server, origin } = await serveDir(dir);
const browser = await launchBrowser();
try {
  for (const { lang, q, df } of queries) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const files = new Set();
    const ranges = new Set();
    page.on('request', (r) => {
      const p = new URL(r.url()).pathname;
      if (!(pagefind ? /^\/pagefind\/.*\.pf_/.test(p) : /^\/search\/[^/]+\//.test(p))) return;
      const range = r.headers().range;
      if (range) ranges.add(p + ' ' + range);
      else files.add(p);
    });
    let results;
    let top = [];
    if (pagefind) {
      await page.goto(`${origin}/pf-bench-${lang}.html?q=${encodeURIComponent(q)}`);
      await page.waitForFunction(() => window.done !== undefined, null, { timeout: 60000 });
      ({ n: results, top } = await page.evaluate(() => window.done));
    } else {
      await page.goto(`${origin}/${prefixOf(lang)}search/?q=${encodeURIComponent(q)}`);
      await page.waitForFunction(
        () =>
          document.querySelector(
            '#search-results ol.search-hits[data-excerpts="done"] li h3, #search-results .search-none',
          ),
        null,
        { timeout: 60000 },
      );
      const status = await page.locator('#search-status').textContent();
      results = Number((status.match(/\d+/) || ['0'])[0]);
      top = await page.$$eval('#search-results ol.search-hits li h3 a', (as) =>
        as.slice(0, 10).map((a) => new URL(a.href).pathname),
      );
    }
    let bytes = 0;
    for (const f of files) {
      const data = readFileSync(path.join(dir, decodeURIComponent(f)));
      bytes += pagefind ? data.length : gzipSync(data, { level: 6 }).length;
    }
    for (const r of ranges) {
      const [, first, last] = /bytes=(\d+)-(\d+)/.exec(r);
      bytes += Number(last) - Number(first) + 1;
    }
    console.log(
      JSON.stringify({
        lang,
        q,
        df,
        engine: pagefind ? 'pagefind' : 'firefly',
        bytes,
        files: files.size,
        ranges: ranges.size,
        results,
        top,
      }),
    );
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
