// Time from typing a query on the search page to its results being shown, on a slow
// connection: Chromium's network emulation at 1.6 Mbit/s down, 750 kbit/s up and 150 ms
// latency, the site served as a static host serves it (text gzip-compressed). The search
// page is loaded first; the time runs from the query's input event (the page waits
// 300 ms after the last keystroke before it searches) to the first result or the
// no-results message.
//
// Usage: node bench/search/throttled.mjs SITE_DIR QUERIES.json
//   QUERIES.json: [{"lang": "en", "q": "word"}, ...]
// Prints one JSON line per query: {lang, q, ms, search_ms} (search_ms: without the 300 ms
// the page waits for more typing), then a summary line.
import { readFileSync } from 'node:fs';
import { launchBrowser, serveDir } from '../../tests/a11y/lib.mjs';

const [dir, queriesFile] = process.argv.slice(2);
const queries = JSON.parse(readFileSync(queriesFile, 'utf8'));
const prefixOf = (lang) => (lang === 'zh-TW' ? '' : lang + '/');
const kTypingPause = 300;
const { server, origin } = await serveDir(dir, { gzip: true });
const browser = await launchBrowser();
const times = [];
try {
  for (const { lang, q } of queries) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: 1.6e6 / 8,
      uploadThroughput: 750e3 / 8,
    });
    await page.goto(`${origin}/${prefixOf(lang)}search/`, { waitUntil: 'load', timeout: 120000 });
    const ms = await page.evaluate(
      (query) =>
        new Promise((resolve) => {
          const field = document.getElementById('search-q');
          const results = document.getElementById('search-results');
          const start = performance.now();
          field.value = query;
          field.dispatchEvent(new Event('input'));
          const check = () =>
            results.querySelector('ol.search-hits li h3, .search-none')
              ? resolve(performance.now() - start)
              : setTimeout(check, 5);
          check();
        }),
      q,
    );
    const line = { lang, q, ms: Math.round(ms), search_ms: Math.round(ms - kTypingPause) };
    times.push(line);
    console.log(JSON.stringify(line));
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
const sorted = times.map((t) => t.search_ms).sort((a, b) => a - b);
const median = sorted[Math.floor((sorted.length - 1) / 2)];
console.log(
  JSON.stringify({ queries: sorted.length, median_search_ms: median, largest_search_ms: sorted.at(-1), within_1s: sorted.filter((t) => t <= 1000).length }),
);
