// Search recall in Debian's Chromium: for queries in all five languages (single
// characters, words, phrases, Vietnamese typed without tones, words deep inside long
// pages), works out from the built pages' main text which content pages contain each
// query, then runs the query on the real search page (pressing "Show more results" until
// every result is listed) and asserts that every one of those pages is among the results.
//
// Usage: node tests/a11y/search_recall.mjs HOST_DIR [PREFIX]
//   as search.mjs: HOST_DIR is served at the root; PREFIX (default "/") is where the site is.
// Prints one line per query, then "search recall: N passed, M failed"; exits 1 on a miss.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeEntities as decode, fold, htmlFiles, isRedirect, launchBrowser, resultsSettled, serveDir, urlPath } from './lib.mjs';

// lang: the language's search page; q: the query as typed; kind: how a page contains it
// ("chars": as a substring; "words": every word starts a word of the page, the last as a
// prefix; "phrase": the words in this order).
const QUERIES = [
  { page: 'search/', q: '志', kind: 'chars' },
  { page: 'search/', q: '志工', kind: 'chars' },
  { page: 'search/', q: '團體協約', kind: 'chars' },
  { page: 'search/', q: '勞資會議', kind: 'chars' },
  { page: 'search/', q: '市民講座', kind: 'chars' },
  { page: 'search/', q: '就業服務', kind: 'chars' },
  { page: 'search/', q: '中高齡', kind: 'chars' }, // two pairs
  { page: 'search/', q: '身心障礙者', kind: 'chars' }, // four pairs in a row
  { page: 'en/search/', q: 'volunteer', kind: 'words' },
  { page: 'en/search/', q: 'collective agreement', kind: 'words' },
  { page: 'en/search/', q: '"collective agreements"', kind: 'phrase' },
  { page: 'en/search/', q: 'employment', kind: 'words' },
  { page: 'en/search/', q: 'ＡＰＰ', kind: 'words' }, // full-width Latin
  { page: 'vi/search/', q: 'lao dong', kind: 'words' },
  { page: 'vi/search/', q: 'tinh nguyen', kind: 'words' },
  { page: 'vi/search/', q: 'việc làm', kind: 'words' },
  { page: 'vi/search/', q: '"nguoi lao dong"', kind: 'phrase' },
  { page: 'id/search/', q: 'perawat', kind: 'words' },
  { page: 'id/search/', q: 'tenaga kerja', kind: 'words' },
  { page: 'th/search/', q: 'แรงงาน', kind: 'chars' },
  { page: 'th/search/', q: 'ผู้ดูแล', kind: 'chars' },
];

const [dir, prefix = '/'] = process.argv.slice(2);
if (!dir || !prefix.startsWith('/') || !prefix.endsWith('/')) {
  console.error('usage: node search_recall.mjs HOST_DIR [PREFIX]   (PREFIX like /portal/)');
  process.exit(2);
}
const site = path.join(dir, prefix);

function text(html) {
  return decode(html.replace(/<(script|style|svg)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ');
}

/** The content pages of the site: url path, language and main text (title and content). */
async function contentPages() {
  const pages = [];
  for (const rel of await htmlFiles(site)) {
    const file = path.join(site, rel);
    if (await isRedirect(file)) continue;
    const html = await readFile(file, 'utf8');
    const lang = (html.match(/<html[^>]*\slang="([^"]+)"/) || [])[1];
    // Content pages (articles and datasets), not lists: their text is in .content.
    const start = html.indexOf('<div class="content"');
    if (start < 0 || !/<article class="entry|class="dataset/.test(html)) continue;
    const title = (html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/) || [])[1] || '';
    const end = html.indexOf('</article>', start);
    // Without what the layout adds from elsewhere: lists of the pages that refer to this
    // one (their summaries), the people and photos of the front matter.
    const body = html
      .slice(start, end < 0 ? html.indexOf('</main>', start) : end)
      .replace(/<section[^>]*referenced-by[\s\S]*?<\/section>/g, ' ')
      .replace(/<ul class="people"[\s\S]*?<\/ul>/g, ' ')
      .replace(/<figure[\s\S]*?<\/figure>/g, ' ');
    pages.push({ url: prefix + urlPath(rel).replace(/^\//, ''), lang, text: fold(text(title + ' ' + body)) });
  }
  return pages;
}

function contains(pageText, q, kind) {
  const f = fold(q.replace(/"/g, ''));
  if (kind === 'chars') return pageText.includes(f);
  const words = f.split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean);
  if (kind === 'phrase') {
    const phrase = words.join('[^\\p{L}\\p{N}]+');
    return new RegExp('(^|[^\\p{L}\\p{N}])' + phrase + '($|[^\\p{L}\\p{N}])', 'u').test(pageText);
  }
  return words.every((w) => new RegExp('(^|[^\\p{L}\\p{N}])' + w, 'u').test(pageText));
}

const pages = await contentPages();
const { server, origin } = await serveDir(dir);
const browser = await launchBrowser();
let passed = 0;
let failed = 0;
try {
  const page = await browser.newPage();
  for (const { page: searchPath, q, kind } of QUERIES) {
    const lang = (
      (await readFile(path.join(site, searchPath, 'index.html'), 'utf8')).match(/<html[^>]*\slang="([^"]+)"/) || []
    )[1];
    const expected = pages.filter((p) => p.lang === lang && contains(p.text, q, kind)).map((p) => p.url);
    await page.goto(`${origin}${prefix}${searchPath}?q=${encodeURIComponent(q)}`);
    let problem = '';
    try {
      await page.waitForFunction(
        () => document.querySelector('#search-results ol.search-hits li, #search-results .search-none'),
        null,
        { timeout: 15000 },
      );
      for (let k = 0; k < 100; k++) {
        // "Show more results" comes once the listed results' texts are in.
        if (await page.locator('#search-results ol.search-hits').count()) {
          await page.locator('#search-results ol.search-hits[data-excerpts="done"]').waitFor({ timeout: 15000 });
        }
        const more = page.locator('#search-results button.search-more');
        if (!(await more.count())) break;
        const before = await page.locator('#search-results ol.search-hits li').count();
        await more.click();
        await page.waitForFunction(
          (n) => document.querySelectorAll('#search-results ol.search-hits li').length > n,
          before,
          { timeout: 15000 },
        );
      }
    } catch (e) {
      problem = `the results did not appear (${e.message.split('\n')[0]})`;
    }
    if (!problem) await resultsSettled(page).catch(() => {});  // the status counts only then
    const hrefs = await page.$$eval('#search-results ol.search-hits li h3 a', (as) =>
      as.map((a) => new URL(a.href).pathname),
    );
    const status = (await page.locator('#search-status').textContent()) ?? '';
    const missing = expected.filter((u) => !hrefs.includes(u));
    if (!problem && missing.length) problem = `missing ${missing.length}: ${missing.slice(0, 5).join(' ')}`;
    if (!problem && expected.length === 0) problem = 'no page contains it (a query that tests nothing)';
    if (!problem && !status.includes(String(hrefs.length))) problem = `status "${status}" does not count ${hrefs.length}`;
    const ok = !problem;
    if (ok) passed++;
    else failed++;
    console.log(
      `${ok ? 'ok  ' : 'FAIL'} ${lang} ${JSON.stringify(q)}: ${expected.length} pages contain it, ` +
        `${hrefs.length} results${ok ? '' : ': ' + problem}`,
    );
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`search recall: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
