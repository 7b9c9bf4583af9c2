// Queries made from a built portal's own pages, and which pages each should find: the
// shared part of the generated recall test (search_queries.mjs) and of its benchmark
// (bench/search/recall.mjs, which runs Pagefind on the same queries).
//
// The pages' main text is read from the built HTML (title, summary, body, taxonomy terms;
// a dataset's title, description and column titles), and a query's relevant pages are
// worked out here by plain string matching on folded text, not by the site's tokenizer:
// a query with Han or Thai characters is a substring of the page; other queries are words,
// each starting a word of the page (a word's end must end a word too, except the last
// word's, which may be the start of a longer one), and a quoted phrase has its words in
// that order with only spaces or punctuation between them.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeEntities as decode, htmlFiles, isRedirect, urlPath } from './lib.mjs';

/** A seeded random number generator (mulberry32): the same queries for the same seed. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Latin letters without a decomposition, as a reader types them (Đ and Ð look alike).
const PLAIN = { đ: 'd', ð: 'd', ɖ: 'd', ı: 'i', ł: 'l', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe' };

/**
 * Case, width and Vietnamese tones folded away; Thai and kana marks kept. What looks alike is
 * one: Ð and Đ (both d), a stroke or ligature and the plain letters (ß is ss, ø is o), an
 * apostrophe typed as ʼ, ʻ, ´ or ` and ’, Thai ำ and nikhahit with sara aa, a tone mark either
 * side of them, แ and เเ. What a reader does not see is taken out: a soft hyphen, a
 * zero-width joiner, non-joiner or word joiner inside a word, a zero-width space between
 * Thai words, and a mark on no letter (the U+FE0F of ❤️).
 */
export function foldText(s) {
  return s.replace(/[\u02BC\u02BB\u00B4`]/g, '\u2019').replace(/\u0E40\u0E40/g, '\u0E41').normalize('NFKC')
    .replace(/\u0E4D([\u0E48-\u0E4B]+)/g, '$1\u0E4D').replace(/\u0E4D\u0E32([\u0E48-\u0E4B]+)/g, '$1\u0E4D\u0E32')
    .toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[đðɖıłøßæœ]/g, (c) => PLAIN[c]).normalize('NFC')
    .replace(/[\u00AD\u200C\u200D\u2060\uFEFF]/g, '')
    .replace(/(?<=[\u0E00-\u0E7F])\u200B+(?=[\u0E00-\u0E7F])/g, '')
    .replace(/(^|[^\p{L}\p{N}\p{M}])\p{M}+/gu, '$1');
}

const HAN = /\p{Script=Han}/u;
const THAI = /[\u0E00-\u0E7F]/;
const WORDCHAR = /[\p{L}\p{N}\p{M}]/u;

const BLOCK = /^(p|li|td|th|dt|dd|br|tr|ul|ol|h[1-6]|pre|div|table|caption|blockquote|figcaption|section|article|header|footer|figure|dl)$/i;
/** The text of an HTML fragment in blocks (one a line): inline tags join, block tags split. */
export function htmlText(html) {
  const t = html
    // A line broken between two Han or kana characters: no space (as a browser shows it).
    .replace(/(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[ \t\r]*\n\s*(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])/gu, '')
    .replace(/<(script|style|svg|template)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/?([a-z0-9]+)\b[^>]*>/gi, (_, name) => (BLOCK.test(name) ? '\n' : ''));
  return decode(t)
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/**
 * The content pages of the site under `site` (a directory; `prefix` the site path it is
 * served at): [{url, lang, title, text, terms, columns, lead}] where `text` is the main
 * text in blocks, one a line, and `lead` how many of its characters come before the body.
 * `langs` maps a page's first path segment to its language (the default language has none).
 */
export async function contentPages(site, prefix, langs, defaultLang) {
  const pages = [];
  for (const rel of await htmlFiles(site)) {
    const file = path.join(site, rel);
    if (await isRedirect(file)) continue;
    const html = await readFile(file, 'utf8');
    const kind = /<article class="entry/.test(html) ? 'entry' : /<article class="dataset/.test(html) ? 'dataset' : '';
    if (!kind) continue;
    const url = prefix + urlPath(rel).replace(/^\//, '');
    const first = urlPath(rel).split('/')[1];
    const lang = langs.includes(first) ? first : defaultLang;
    const title = htmlText((html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/) || [])[1] || '');
    const blocks = [title];
    const terms = [];
    const columns = [];
    if (kind === 'entry') {
      const summary = (html.match(/<meta name="description" content="([^"]*)"/) || [])[1];
      if (summary) blocks.push(decode(summary));
      const start = html.indexOf('<div class="content"');
      const end = html.indexOf('</article>', start);
      if (start >= 0) {
        const body = html
          .slice(start, end < 0 ? html.indexOf('</main>', start) : end)
          .replace(/<section[^>]*referenced-by[\s\S]*?<\/section>/g, ' ')
          // The people's names (not the labels "Age", "Union" every such page repeats).
          .replace(/<ul class="people"[\s\S]*?<\/ul>/g, (list) =>
            [...list.matchAll(/<span class="person-name"[^>]*>([\s\S]*?)<\/span>/g)].map((m) => `<p>${m[1]}</p>`).join(''))
          // Images by their alt text (the front matter's picture too, with its caption).
          .replace(/<img\b[^>]*\balt="([^"]*)"[^>]*>/g, (_, alt) => `<p>${alt}</p>`)
          .replace(/<p class="chart-downloads"[\s\S]*?<\/p>/g, ' ')
          .replace(/<div class="taxonomy">[\s\S]*?<\/div>/g, (tax) => {
            for (const m of tax.matchAll(/<li>([\s\S]*?)<\/li>/g)) terms.push(htmlText(m[1]));
            return ' ';
          });
        blocks.push(htmlText(body));
      }
      // The story's own fields, above its text: their values, not their labels.
      const fields = (html.match(/<dl class="fields">([\s\S]*?)<\/dl>/) || [])[1] || '';
      for (const m of fields.matchAll(/<dd>([\s\S]*?)<\/dd>/g)) blocks.push(htmlText(m[1]));
    } else {
      const lead = (html.match(/<p class="lead">([\s\S]*?)<\/p>/) || [])[1];
      if (lead) blocks.push(htmlText(lead));
      const dict = (html.match(/<table class="dictionary">([\s\S]*?)<\/table>/) || [])[1] || '';
      for (const m of dict.matchAll(/<th scope="row">([\s\S]*?)(<br>|<\/th>)/g)) columns.push(htmlText(m[1]));
      // Each column's description (its row's last cell), without the list of its codes.
      for (const row of dict.split('</tr>').filter((r) => r.includes('<th scope="row">'))) {
        const cell = row.slice(row.lastIndexOf('<td'));
        if (cell.startsWith('<td')) blocks.push(htmlText(cell.replace(/<ul class="codes">[\s\S]*?<\/ul>/g, ' ')));
      }
    }
    blocks.push(...terms, ...columns);
    const text = blocks.filter(Boolean).join('\n');
    pages.push({ url, lang, kind, title, text, folded: foldText(text), terms, columns, lead: blocks[0].length + 1 });
  }
  return pages;
}

// ---- Which pages a query should find.

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
// A letter, digit or mark of a word: Han and Thai are not (a figure beside them, as in
// 修法10年, is a word of its own).
const WORD = '(?:(?![\\p{Script=Han}\\u0E00-\\u0E7F])[\\p{L}\\p{N}\\p{M}])';
const NOT_WORD_BEFORE = `(?<!${WORD})`;
const NOT_WORD_AFTER = `(?!${WORD})`;
/** A matcher of a query on folded text: a function (folded page text) -> bool. */
export function matcher(q) {
  // The quotes a phone or an input method types are quotes too (“…”, 「…」, « »).
  const f = foldText(q).trim().replace(/[\u201C\u201D\u201E\u00AB\u00BB\u300C-\u300F\uFF02]/g, '"');
  if (HAN.test(f) || THAI.test(f)) {
    // Characters, not words: each run between spaces and punctuation is a substring
    // (「照護幫手」 is 照護幫手; a figure's comma or point stays: 1,584人次).
    const parts = f
      .replace(/[^\p{L}\p{N}\p{M}]+/gu, (m, at, s) => (/\d/.test(s[at - 1] || '') && /\d/.test(s[at + m.length] || '') ? m : ' '))
      .split(/\s+/)
      .filter(Boolean);
    // A part with neither (a figure, a Latin word) is a word: 0 is not the 0 of 10; the
    // last one, being typed, the beginning of a word.
    const typing = !/[\s"]$/.test(f);
    const tests = parts.map((p, i) => {
      if (HAN.test(p) || THAI.test(p)) return (text) => text.includes(p);
      const w = p.split(/[^\p{L}\p{N}\p{M}]+/u).map(escape).join('[^\\p{L}\\p{N}\\p{M}]+');
      const re = new RegExp(NOT_WORD_BEFORE + w + (typing && i === parts.length - 1 ? '' : NOT_WORD_AFTER), 'u');
      return (text) => re.test(text);
    });
    return (text) => tests.length > 0 && tests.every((t) => t(text));
  }
  const res = [];
  const re = /"([^"]*)"?|(\S+)/g;
  const parts = [];
  for (let m; (m = re.exec(f)); ) parts.push(m[1] !== undefined ? { text: m[1], quoted: true } : { text: m[2] });
  const typing = !/[\s"]$/.test(f);
  parts.forEach((part, i) => {
    const words = part.text.split(/\s+/).filter(Boolean);
    if (!words.length) return;
    // Punctuation at a word's edges is not part of the word (a reader types "workers'");
    // within it, it stands for any (2015-2018 is 2015–2018, bureau’s is bureau's).
    const bare = words.map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean);
    const body = bare.map((w) => w.split(/[^\p{L}\p{N}\p{M}]+/u).map(escape).join('[^\\p{L}\\p{N}\\p{M}]+'));
    if (!body.length) return;
    // An ending after an apostrophe (bureau's, don't) is a whole word, never a beginning.
    const clitic = /[\p{L}\p{N}]['\u2018\u2019](s|t|d|m|ll|re|ve)$/u.test(bare[bare.length - 1]);
    const last = i === parts.length - 1 && typing && !part.quoted;
    if (part.quoted) {
      res.push(new RegExp(NOT_WORD_BEFORE + body.join('[^\\p{L}\\p{N}\\p{M}]+') + NOT_WORD_AFTER, 'u'));
    } else {
      body.forEach((w, k) => {
        const prefix = last && k === body.length - 1 && !clitic;
        res.push(new RegExp(NOT_WORD_BEFORE + w + (prefix ? '' : NOT_WORD_AFTER), 'u'));
      });
    }
  });
  return (text) => res.length > 0 && res.every((r) => r.test(text));
}

/** The addresses of the pages of `lang` that `q` should find. */
export function relevant(pages, lang, q) {
  const m = matcher(q);
  return pages.filter((p) => p.lang === lang && m(p.folded)).map((p) => p.url);
}

// ---- Making queries.

const pick = (rnd, xs) => xs[Math.floor(rnd() * xs.length)];
function words(line) {
  return line.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}%]+$/gu, '')).filter(Boolean);
}
const plainWord = (w) => /^[\p{L}\p{M}]{2,}$/u.test(w) && !HAN.test(w) && !THAI.test(w);
function toneless(s) {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}
function fullWidth(s) {
  return s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}
const thaiWords = new Intl.Segmenter('th', { granularity: 'word' });

/**
 * Queries for the pages of each language: [{lang, q, kind}], `perKind` of each kind (fewer
 * where a language has too few), made with the seed `seed`. Every query is found in at
 * least one page's text.
 */
export function makeQueries(pages, { seed = 27, perKind = 8 } = {}) {
  const rnd = random(seed);
  const out = [];
  const langs = [...new Set(pages.map((p) => p.lang))].sort();
  for (const lang of langs) {
    const mine = pages.filter((p) => p.lang === lang);
    const lines = [];
    for (const p of mine) p.text.split('\n').forEach((l, i) => lines.push({ page: p, line: l, deep: p.text.indexOf(l) > 600 }));
    const seen = new Set();
    const add = (kind, q) => {
      if (!q || seen.has(q) || q.length > 60) return false;
      if (!relevant(pages, lang, q).length) return false;
      seen.add(q);
      out.push({ lang, q, kind });
      return true;
    };
    const kinds = {};
    // Han: single characters, runs of 2-6 anywhere in a run of Han (across word boundaries).
    const hanRuns = [];
    const thaiRuns = [];
    for (const { line, deep } of lines) {
      for (const m of line.matchAll(/\p{Script=Han}+/gu)) hanRuns.push({ run: [...m[0]], deep });
      for (const m of line.matchAll(/[\u0E00-\u0E7F]+/g)) thaiRuns.push({ run: m[0], deep });
    }
    // Each script's kinds where it is most of the language's letters (names in Han on an
    // English page are searched too, as words of the English pages' kinds are not).
    const letters = (re) => mine.reduce((n, p) => n + (p.text.match(re) || []).length, 0);
    const han = letters(/\p{Script=Han}/gu);
    const thai = letters(/[\u0E00-\u0E7F]/g);
    const other = letters(/[\p{L}]/gu) - han - thai;
    if (han > other && han > thai) {
      for (const n of [1, 2, 3, 4, 5, 6]) {
        kinds[`han${n}`] = () => {
          const { run } = pick(rnd, hanRuns.filter((r) => r.run.length >= n));
          const at = Math.floor(rnd() * (run.length - n + 1));
          return run.slice(at, at + n).join('');
        };
      }
      kinds['han-deep'] = () => {
        const deep = hanRuns.filter((r) => r.deep && r.run.length >= 4);
        const { run } = pick(rnd, deep);
        const n = 3 + Math.floor(rnd() * 2);
        const at = Math.floor(rnd() * (run.length - n + 1));
        return run.slice(at, at + n).join('');
      };
      // Figures as written beside Han: 110年, 1,584人次, 26場.
      kinds['han-figure'] = () => {
        const { line } = pick(rnd, lines);
        const ms = [...line.matchAll(/\d[\d,.]*%?\p{Script=Han}{1,2}/gu)];
        return ms.length ? pick(rnd, ms)[0] : '';
      };
    }
    if (thai > other && thai > han) {
      const segs = [];
      for (const { run, deep } of thaiRuns) {
        const ws = [...thaiWords.segment(run)].filter((s) => s.isWordLike).map((s) => s.segment);
        segs.push({ ws, deep });
      }
      kinds['thai-word'] = () => {
        const { ws } = pick(rnd, segs);
        return pick(rnd, ws.filter((w) => [...w].length >= 2)) || '';
      };
      kinds['thai-two'] = () => {
        const { ws } = pick(rnd, segs.filter((s) => s.ws.length >= 2));
        const at = Math.floor(rnd() * (ws.length - 1));
        return ws[at] + ws[at + 1];
      };
      kinds['thai-deep'] = () => {
        const { ws } = pick(rnd, segs.filter((s) => s.deep && s.ws.length));
        return pick(rnd, ws.filter((w) => [...w].length >= 3)) || '';
      };
    }
    // Every word of a line, Han and Thai too: a run of words is taken only where all are
    // Latin, so that no run skips what stands between its words.
    const latin = lines.map((l) => ({ ...l, ws: words(l.line) })).filter((l) => l.ws.some(plainWord));
    const allWords = latin.flatMap((l) => l.ws.filter(plainWord));
    if (allWords.length > 50) {
      const runOf = (n) => {
        for (let k = 0; k < 20; k++) {
          const { ws } = pick(rnd, latin);
          if (ws.length < n) continue;
          const at = Math.floor(rnd() * (ws.length - n + 1));
          const run = ws.slice(at, at + n);
          if (run.every(plainWord)) return run;
        }
        return null;
      };
      kinds.word = () => pick(rnd, allWords.filter((w) => w.length >= 3));
      kinds['word-case'] = () => {
        const w = pick(rnd, allWords.filter((x) => x.length >= 4));
        const r = rnd();
        return r < 0.4 ? w.toUpperCase() : r < 0.7 ? w[0].toUpperCase() + w.slice(1).toLowerCase() : [...w].map((c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase())).join('');
      };
      kinds['word-fullwidth'] = () => fullWidth(pick(rnd, allWords.filter((x) => /^[a-z]{3,}$/i.test(x))) || '');
      kinds.prefix = () => {
        const run = runOf(1 + Math.floor(rnd() * 2));
        if (!run) return '';
        const last = run[run.length - 1];
        if ([...last].length < 5) return '';
        run[run.length - 1] = [...last].slice(0, 3 + Math.floor(rnd() * ([...last].length - 3))).join('');
        return run.join(' ');
      };
      kinds.words2 = () => (runOf(2) || []).join(' ');
      kinds.words3 = () => (runOf(3) || []).join(' ');
      kinds.quoted2 = () => {
        const r = runOf(2);
        return r ? `"${r.join(' ')}"` : '';
      };
      kinds.quoted3 = () => {
        const r = runOf(3);
        return r ? `"${r.join(' ')}"` : '';
      };
      kinds['word-deep'] = () => pick(rnd, latin.filter((l) => l.deep).flatMap((l) => l.ws.filter((w) => plainWord(w) && w.length >= 5)));
      kinds.figure = () => {
        const { line } = pick(rnd, lines);
        const ms = [...line.matchAll(/(?<![\p{L}\p{N}])\d[\d,.:/-]*\d%?|(?<![\p{L}\p{N}])\d+%/gu)];
        return ms.length ? pick(rnd, ms)[0] : '';
      };
      kinds['hyphen-apostrophe'] = () => {
        const { line } = pick(rnd, lines);
        const ms = [...line.matchAll(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)+|[\p{L}]+s'/gu)];
        return ms.length ? pick(rnd, ms)[0] : '';
      };
      if (allWords.some((w) => toneless(w) !== w)) {
        kinds.toneless = () => {
          const r = runOf(1 + Math.floor(rnd() * 3));
          return r && r.some((w) => toneless(w) !== w) ? toneless(r.join(' ')) : '';
        };
        kinds['partly-toned'] = () => {
          const r = runOf(2 + Math.floor(rnd() * 2));
          if (!r || !r.some((w) => toneless(w) !== w)) return '';
          return r.map((w, i) => (i % 2 ? toneless(w) : w)).join(' ');
        };
      }
    }
    if (han > other || thai > other) {
      // Latin words on a page in Han or Thai: names and figures, a few kinds of them.
      for (const k of Object.keys(kinds)) {
        if (['words2', 'words3', 'quoted2', 'quoted3', 'word-case', 'word-fullwidth', 'word-deep', 'hyphen-apostrophe'].includes(k)) delete kinds[k];
      }
    }
    const terms = [...new Set(mine.flatMap((p) => p.terms))];
    if (terms.length) kinds.term = () => pick(rnd, terms);
    const columns = [...new Set(mine.flatMap((p) => p.columns))];
    if (columns.length) kinds.column = () => pick(rnd, columns);
    for (const [kind, make] of Object.entries(kinds)) {
      let made = 0;
      for (let tries = 0; made < perKind && tries < perKind * 25; tries++) {
        let q;
        try {
          q = make();
        } catch {
          q = '';
        }
        if (add(kind, (q || '').trim())) made++;
      }
    }
  }
  return out;
}

/**
 * The site's languages: [codes with a path of their own], and the default's code, read from
 * the search pages (`search/` for the default language, `<code>/search/` for the others).
 */
export async function siteLanguages(site) {
  const codes = [];
  for (const rel of await htmlFiles(site)) {
    const m = /^([^/]+)\/search\/index\.html$/.exec(rel);
    if (m && m[1] !== 'search') codes.push(m[1]);
  }
  // The default language's code: the folder of its index (data-index="/search/zh-TW/index.json").
  const html = await readFile(path.join(site, 'search', 'index.html'), 'utf8');
  const index = (html.match(/data-index="[^"]*\/search\/([^/"]+)\/index\.json"/) || [])[1];
  return { codes: codes.sort(), defaultLang: index || 'default' };
}

/**
 * Runs `q` on the search page of `lang` in the Playwright `page`, at `origin` + `prefix`;
 * resolves to the addresses of its first `n` results (fewer when it finds fewer).
 */
export async function fireflyTop(page, origin, prefix, lang, defaultLang, q, n = 10) {
  const searchPath = lang === defaultLang ? 'search/' : `${lang}/search/`;
  await page.goto(`${origin}${prefix}${searchPath}?q=${encodeURIComponent(q)}`);
  await page.waitForFunction(
    () => document.querySelector('#search-results ol.search-hits li, #search-results .search-none'),
    null,
    { timeout: 20000 },
  );
  const hrefs = await page.$$eval('#search-results ol.search-hits li h3 a', (as) => as.map((a) => new URL(a.href).pathname));
  const status = (await page.locator('#search-status').textContent()) ?? '';
  return { top: hrefs.slice(0, n), count: Number((status.match(/\d+/) || ['0'])[0]) };
}

/** Recall in the top ten of rows [{relevant: [urls], top: [urls]}]: found / possible. */
export function recallOf(rows) {
  let found = 0;
  let possible = 0;
  for (const r of rows) {
    const rel = new Set(r.relevant);
    found += r.top.slice(0, 10).filter((u) => rel.has(u)).length;
    possible += Math.min(10, rel.size);
  }
  return { found, possible, recall: possible ? found / possible : 1 };
}
