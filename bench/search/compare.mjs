// Side by side: Firefly's search and Pagefind's over the same built site, from the lines
// bytes.mjs printed for each. Works out from the built story pages' main text which pages
// contain each query (CJK queries as a substring, others as words, the last word as the
// start of a word, case and diacritics ignored) and reports per engine the median and
// largest bytes a query costs and the recall in the top ten: of the relevant pages a top
// ten can hold (at most ten a query), how many it lists.
//
// Usage: node bench/search/compare.mjs SITE_DIR FIREFLY.jsonl PAGEFIND.jsonl
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { htmlFiles, urlPath } from '../../tests/a11y/lib.mjs';

const [dir, ffFile, pfFile] = process.argv.slice(2);
const lines = (f) => readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const fold = (s) => s.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');
const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

// Story pages (what Pagefind was run over): address -> {lang, text, words}.
const pages = [];
for (const file of await htmlFiles(dir)) {
  const url = urlPath(file);
  if (!/^\/(en\/)?stories\/[^/]+\/$/.test(url) || /\/page\//.test(url)) continue;
  const html = readFileSync(path.join(dir, file), 'utf8');
  const main = (html.match(/<main[^>]*>([\s\S]*?)<\/main>/) || [])[1] || '';
  const text = fold(main.replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ').replace(/<\/?(a|abbr|b|code|em|i|mark|small|span|strong|sub|sup)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&').replace(/&[a-z]+;|&#\d+;/g, ' '));
  const lang = url.startsWith('/en/') ? 'en' : 'zh-TW'; // the corpus's two languages
  pages.push({ url, lang, text, words: text.split(/[^\p{L}\p{N}]+/u).filter(Boolean) });
}
function relevant(lang, q) {
  const f = fold(q).trim();
  return pages
    .filter((p) => p.lang === lang)
    .filter((p) => {
      if (cjk.test(f)) return p.text.includes(f); // within a block: tags between blocks are spaces
      const ws = f.split(/\s+/);
      return ws.every((w, i) => p.words.some((x) => (i === ws.length - 1 ? x.startsWith(w) : x === w)));
    })
    .map((p) => p.url);
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const engines = { firefly: lines(ffFile), pagefind: lines(pfFile) };
const summary = {};
for (const [engine, rows] of Object.entries(engines)) {
  let found = 0;
  let possible = 0;
  for (const r of rows) {
    const rel = new Set(relevant(r.lang, r.q));
    const top = r.top.map((u) => new URL(u, 'http://x/').pathname);
    const hit = top.filter((u) => rel.has(u)).length;
    r.relevant = rel.size;
    r.hit = hit;
    found += hit;
    possible += Math.min(10, rel.size);
  }
  summary[engine] = {
    queries: rows.length,
    median_kb: +(median(rows.map((r) => r.bytes)) / 1024).toFixed(1),
    largest_kb: +(Math.max(...rows.map((r) => r.bytes)) / 1024).toFixed(1),
    recall_top10: possible ? +(found / possible).toFixed(3) : null,
  };
}
for (let i = 0; i < engines.firefly.length; i++) {
  const f = engines.firefly[i];
  const p = engines.pagefind.find((x) => x.lang === f.lang && x.q === f.q) || {};
  console.log(
    `${f.lang}\t${f.q}\trelevant ${f.relevant}\tfirefly ${(f.bytes / 1024).toFixed(1)} KB, ${f.hit} in top 10\t` +
      `pagefind ${((p.bytes ?? 0) / 1024).toFixed(1)} KB, ${p.hit ?? '-'} in top 10`,
  );
}
const ff = summary.firefly;
const pf = summary.pagefind;
console.log(JSON.stringify(summary));
console.log(
  `median bytes firefly/pagefind ${(ff.median_kb / pf.median_kb).toFixed(2)}, largest ${(ff.largest_kb / pf.largest_kb).toFixed(2)}; ` +
    `recall in top 10: firefly ${ff.recall_top10}, pagefind ${pf.recall_top10}`,
);
