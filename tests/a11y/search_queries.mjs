// Search recall on queries generated from the built portal's own pages, in Debian's
// Chromium: one query of each kind and language (tests/a11y/recall_queries.mjs: Han
// characters and runs, words, phrases, toneless Vietnamese, other case and full width,
// prefixes, figures, hyphens, Thai words, deep words, taxonomy terms, column titles),
// about 65 queries. For each, the pages whose main text contains it are worked out from
// the HTML by plain string matching, and the search page's first ten results are read.
// Passes when the recall in the top ten (found / at most ten relevant a query) is at least
// 0.95 over all queries and every query finds at least one of its pages.
// bench/search/recall.sh runs the whole set (about 500 queries) beside Pagefind.
// With --held-out, the queries are instead the written ones of recall_heldout.mjs (figures,
// codes, mixed scripts, full width, Unicode forms, affixes, typing in progress,
// punctuation), which no generator makes; the same rule holds, and a page with the query
// in its title must come before every page with it only in its text. The held-out queries
// are those of recall_heldout.mjs and recall_made.mjs's PORTAL_MORE (one-character CJK
// queries, a space typed inside a word, brackets, column titles, a page's title).
// With --made FIREFLY, the queries are recall_made.mjs's MADE, on the five-language site it
// writes, built by FIREFLY with relative_urls: true under --base-url https://x.org/sub/ (in
// a folder of its own, removed after; HOST_DIR and PREFIX are not given): the same rules,
// and the live region (role="status") says the count and the query.
//
// Usage: node tests/a11y/search_queries.mjs HOST_DIR [PREFIX] [--per-kind N] [--seed S]
//   [--held-out]    or: node tests/a11y/search_queries.mjs --made FIREFLY
// Prints one line per query that misses a page, then "search queries: N passed, M failed".
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchBrowser, resultsSettled, serveDir } from './lib.mjs';
import { contentPages, fireflyTop, foldText, makeQueries, matcher, recallOf, relevant, siteLanguages } from './recall_queries.mjs';
import { PORTAL } from './recall_heldout.mjs';
import { MADE, PORTAL_MORE, writeMadeSite } from './recall_made.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : def;
};
const perKind = Number(opt('--per-kind', 1));
const seed = Number(opt('--seed', 27));
const heldOut = args.includes('--held-out');
if (heldOut) args.splice(args.indexOf('--held-out'), 1);
const firefly = opt('--made', '');
let work = '';
if (firefly) {
  // The made site, its links relative, under a sub-path.
  work = mkdtempSync(path.join(tmpdir(), 'firefly-made-'));
  writeMadeSite(path.join(work, 'src'));
  appendFileSync(path.join(work, 'src', 'site.yaml'), 'relative_urls: true\n');
  execFileSync(firefly, ['build', '--site', path.join(work, 'src'), '--out', path.join(work, 'host', 'sub'),
    '--base-url', 'https://x.org/sub/', '--quiet'], { stdio: 'ignore' });
  args.splice(0, args.length, path.join(work, 'host'), '/sub/');
}
const [dir, prefix = '/'] = args;
if (!dir || !prefix.startsWith('/') || !prefix.endsWith('/')) {
  console.error('usage: node search_queries.mjs HOST_DIR [PREFIX] [--per-kind N] [--seed S] [--held-out]\n' +
    '       node search_queries.mjs --made FIREFLY');
  process.exit(2);
}
const site = path.join(dir, prefix);
const { codes, defaultLang } = await siteLanguages(site);
const pages = await contentPages(site, prefix, codes, defaultLang);
const queries = firefly ? MADE : heldOut ? [...PORTAL, ...PORTAL_MORE] : makeQueries(pages, { seed, perKind });
const titleFirst = heldOut || Boolean(firefly);
const { server, origin } = await serveDir(dir);
const browser = await launchBrowser();
const rows = [];
let failed = 0;
try {
  const page = await browser.newPage();
  for (const { lang, q, kind } of queries) {
    const rel = relevant(pages, lang, q);
    let top = [];
    let problem = '';
    try {
      ({ top } = await fireflyTop(page, origin, prefix, lang, defaultLang, q));
      if (firefly) {
        // The live region says the count and the query ("12 results for 志工"); for a CJK
        // run of three or more, once the listed results' texts are read (until then it says
        // "searching", the results already listed).
        await resultsSettled(page);
        const said = await page.$eval('#search-status', (s) => [s.getAttribute('role'), s.textContent.trim()]);
        const count = Number((said[1].match(/\d+/) || ['0'])[0]);
        if (said[0] !== 'status' || count < top.length || !said[1].includes(q.trim())) {
          problem = `the status (role ${said[0]}) says "${said[1]}"`;
        }
      }
    } catch (e) {
      problem = `the results did not appear (${e.message.split('\n')[0]})`;
    }
    rows.push({ relevant: rel, top });
    const found = top.filter((u) => rel.includes(u)).length;
    if (!problem && rel.length === 0) problem = 'no page contains it (a query that tests nothing)';
    if (!problem && found === 0) problem = 'none of its pages in the first ten';
    if (!problem && titleFirst) {
      // Title first: no page with the query in its title after one with it only elsewhere.
      const inTitle = matcher(q);
      const titled = new Set(pages.filter((p) => p.lang === lang && inTitle(foldText(p.title))).map((p) => p.url));
      const ranks = top.filter((u) => rel.includes(u));
      const other = ranks.findIndex((u) => !titled.has(u));
      const late = other < 0 ? undefined : ranks.slice(other).find((u) => titled.has(u));
      if (late) problem = `${late} (the query in its title) listed after ${ranks[other]}`;
    }
    if (problem) failed++;
    if (problem || found < Math.min(10, rel.length)) {
      const missing = rel.filter((u) => !top.includes(u));
      console.log(
        `${problem ? 'FAIL' : 'miss'} ${lang} ${kind} ${JSON.stringify(q)}: ${found} of ${Math.min(10, rel.length)} ` +
          `(${rel.length} pages contain it)${problem ? ': ' + problem : ''}; e.g. ${missing.slice(0, 3).join(' ')}`,
      );
    }
  }
} finally {
  await browser.close();
  server.close();
  if (work) rmSync(work, { recursive: true, force: true });
}
const { found, possible, recall } = recallOf(rows);
const ok = recall >= 0.95;
console.log(`${ok ? 'ok  ' : 'FAIL'} recall in the top ten ${recall.toFixed(3)} (${found} of ${possible}), at least 0.95`);
if (!ok) failed++;
console.log(`search queries: ${queries.length + 1 - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
