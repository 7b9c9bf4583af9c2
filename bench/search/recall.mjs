// Recall in the top ten of Firefly's search and Pagefind's on the same built portal, over
// queries generated from the portal's own pages (tests/a11y/recall_queries.mjs: single
// Han characters and runs of 2-6, words, phrases quoted and not, toneless Vietnamese,
// other case and full width, prefixes, figures, hyphens and apostrophes, Thai words,
// words deep in long pages, taxonomy terms, dataset column titles) in every language.
// For each query: of the pages that contain it (at most ten counted), how many the engine
// lists in its first ten. Prints the misses, then recall by language and by kind.
//
// Usage: node bench/search/recall.mjs SITE_DIR [--per-kind N] [--seed S] [--pagefind]
//   [--json FILE] [--held-out portal|portal-more|corpus|made] [--titles]
//   SITE_DIR is a built portal at /; --pagefind also runs Pagefind's index in
//   SITE_DIR/pagefind (bench/search/recall.sh makes it over the content pages only);
//   --held-out runs the written queries of tests/a11y/recall_heldout.mjs for the sample
//   portal or the generated corpus instead, or those of tests/a11y/recall_made.mjs for the
//   portal or its made five-language site (bench/search/heldout.sh); --titles each content
//   page's title, as written.
import { readFileSync, writeFileSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { writePagefindProbe } from './pagefind_probe.mjs';
import { launchBrowser, serveDir } from '../../tests/a11y/lib.mjs';
import {
  contentPages,
  fireflyTop,
  foldText,
  makeQueries,
  matcher,
  recallOf,
  relevant,
  siteLanguages,
} from '../../tests/a11y/recall_queries.mjs';
import { CORPUS, PORTAL } from '../../tests/a11y/recall_heldout.mjs';
import { MADE, PORTAL_MORE } from '../../tests/a11y/recall_made.mjs';

const args = process.argv.slice(2);
const dir = args[0];
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const perKind = Number(opt('--per-kind', 8));
const seed = Number(opt('--seed', 27));
const withPagefind = args.includes('--pagefind');
const jsonOut = opt('--json', '');
const only = opt('--only', '');
const heldOut = opt('--held-out', '');

const { codes, defaultLang } = await siteLanguages(dir);
const pages = await contentPages(dir, '/', codes, defaultLang);
// Every content page's title, as written, finds its page (--titles).
const titles = () => pages.filter((p) => p.title).map((p) => ({ lang: p.lang, q: p.title, kind: 'title' }));
let queries = args.includes('--titles')
  ? titles()
  : heldOut
    ? { portal: PORTAL, corpus: CORPUS, made: MADE, 'portal-more': PORTAL_MORE }[heldOut]
    : makeQueries(pages, { seed, perKind });
if (!queries) throw new Error(`--held-out ${heldOut}: portal, portal-more, corpus or made`);
if (only) queries = queries.filter((x) => x.kind === only || x.lang === only);
console.error(`${pages.length} content pages, ${queries.length} queries`);

const htmlLangOf = {};
for (const lang of [defaultLang, ...codes]) {
  const file = path.join(dir, lang === defaultLang ? '' : lang, 'search', 'index.html');
  htmlLangOf[lang] = (readFileSync(file, 'utf8').match(/<html[^>]*\slang="([^"]+)"/) || [])[1];
}
const pfPages = [];
if (withPagefind) {
  for (const lang of Object.keys(htmlLangOf)) {
    const f = path.join(dir, `pf-recall-${lang}.html`);
    writePagefindProbe(f, htmlLangOf[lang]);
    pfPages.push(f);
  }
}

const { server, origin } = await serveDir(dir);
const browser = await launchBrowser();
const rows = [];
try {
  const page = await browser.newPage();
  const pfPage = withPagefind ? await browser.newPage() : null;
  for (const { lang, q, kind } of queries) {
    const rel = relevant(pages, lang, q);
    const inTitle = matcher(q);
    const titled = pages.filter((p) => p.lang === lang && inTitle(foldText(p.title))).map((p) => p.url);
    const row = { lang, kind, q, relevant: rel, titled };
    try {
      row.firefly = (await fireflyTop(page, origin, '/', lang, defaultLang, q)).top;
    } catch (e) {
      row.firefly = [];
      row.error = e.message.split('\n')[0];
    }
    if (pfPage) {
      await pfPage.goto(`${origin}/pf-recall-${lang}.html?q=${encodeURIComponent(q)}`);
      try {
        await pfPage.waitForFunction(() => window.done !== undefined, null, { timeout: 30000 });
        row.pagefind = (await pfPage.evaluate(() => window.done)).top.map((u) => new URL(u, 'http://x/').pathname);
      } catch {
        row.pagefind = [];
      }
    }
    rows.push(row);
  }
} finally {
  await browser.close();
  server.close();
  for (const f of pfPages) unlinkSync(f);
}

const engines = withPagefind ? ['firefly', 'pagefind'] : ['firefly'];
for (const r of rows) {
  const rel = new Set(r.relevant);
  const want = Math.min(10, rel.size);
  const got = r.firefly.filter((u) => rel.has(u)).length;
  if (got < want || rel.size === 0) {
    const missing = r.relevant.filter((u) => !r.firefly.includes(u));
    console.log(
      `miss ${r.lang} ${r.kind} ${JSON.stringify(r.q)}: ${got}/${want} (relevant ${rel.size}, listed ${r.firefly.length})` +
        `${r.error ? ' ' + r.error : ''} e.g. ${missing.slice(0, 3).join(' ')}`,
    );
  }
}
// Out of order: a page with the query in its title listed after one with it only in its text.
for (const r of rows) {
  for (const e of engines) {
    const ranks = r[e].filter((u) => r.relevant.includes(u));
    const firstOther = ranks.findIndex((u) => !r.titled.includes(u));
    const lateTitle = firstOther < 0 ? undefined : ranks.slice(firstOther).find((u) => r.titled.includes(u));
    if (lateTitle) console.log(`order ${e} ${r.lang} ${r.kind} ${JSON.stringify(r.q)}: ${lateTitle} (title) after ${ranks[firstOther]}`);
  }
  if (r.pagefind) {
    const rel = new Set(r.relevant);
    const f = r.firefly.filter((u) => rel.has(u)).length;
    const p = r.pagefind.filter((u) => rel.has(u)).length;
    if (p > f) console.log(`behind ${r.lang} ${r.kind} ${JSON.stringify(r.q)}: firefly ${f}, pagefind ${p}`);
  }
}
function table(key) {
  const groups = {};
  for (const r of rows) (groups[r[key]] ??= []).push(r);
  console.log(`\n| ${key} | queries | ${engines.map((e) => e).join(' | ')} |`);
  console.log(`| --- | ---: | ${engines.map(() => '---:').join(' | ')} |`);
  for (const [k, rs] of Object.entries(groups).sort()) {
    const cells = engines.map((e) => recallOf(rs.map((r) => ({ relevant: r.relevant, top: r[e] }))).recall.toFixed(3));
    console.log(`| ${k} | ${rs.length} | ${cells.join(' | ')} |`);
  }
  const all = engines.map((e) => recallOf(rows.map((r) => ({ relevant: r.relevant, top: r[e] }))).recall.toFixed(3));
  console.log(`| all | ${rows.length} | ${all.join(' | ')} |`);
}
table('lang');
table('kind');
if (jsonOut) writeFileSync(jsonOut, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
