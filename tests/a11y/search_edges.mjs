// Queries at the edges of how words are made, in Debian's Chromium: builds a small English
// site and checks that the search page finds exactly the pages it should for a word with
// an apostrophe's ending (bureau's: the "s" is a word, not the start of "staff"), and that
// a query with nothing to look up (punctuation, symbols or emoji only, or a word longer
// than the index keeps) says "0 results" and shows the no-results message with its link
// to the site map, as any query that finds nothing does, instead of nothing at all; and
// that a Thai word being typed finds the pages with the word it begins, however ICU splits
// what has been typed so far (ข้อมู is split as ข้อ and มู; the page has ข้อมูล), as does a
// quoted phrase being typed ("sign lang), and one with a space typed inside a word (นาย จ้าง
// for นายจ้าง), and that a page whose Thai is written as a PDF gives it (นํ้า, เเละ) is found
// by น้ำ and และ, which its excerpt marks; that 臺 and 台 find each other's pages after their
// own. The status says "1 result", not "1 results".
//
// Usage: node tests/a11y/search_edges.mjs FIREFLY
// Prints one line per query, then "search edges: N passed, M failed"; exits 1 when any failed.
import { buildStorySite, listedResults, resultsSettled, runQueryChecks } from './lib.mjs';

const [firefly] = process.argv.slice(2);
if (!firefly) {
  console.error('usage: node search_edges.mjs FIREFLY');
  process.exit(2);
}
const texts = {
  owned: "The bureau's staff repaired the roof.",
  curly: 'The bureau’s plan for older workers.',
  staff: 'The bureau staff met the union.',
  says: 'A bureau said no; its budget is spent.',
  // The "s" of chair's in its title does not put "council's" there: "often" ranks first.
  often: "The council's plan. The council's plan again.",
  chair: "The council's plan.",
  sign: 'Staff learned sign language for deaf visitors.',
};
const thai = {
  data: 'ข้อมูลการจ้างงานของผู้สูงอายุในเมือง',
  boss: 'นายจ้างและลูกจ้างตกลงกันได้',
  other: 'ข้อเสนอของมูลนิธิ',
  // ICU splits this page's ชาติ as ชา and ติ (before a name it does not know).
  uni: 'ร่วมกับมหาวิทยาลัยแห่งชาติเฉิงกง',
  // As a PDF gives it: the tone mark after the nikhahit of น้ำ, แ as two sara e.
  pdf: 'ดื่มน\u0E4D\u0E49\u0E32ให้เพียงพอ \u0E40\u0E40ละพักผ่อน',
};
const pages = {};
Object.entries(texts).forEach(([name, text], i) => {
  pages[name] = { title: `Page ${name}`, date: `2026-01-0${i + 1}`, text };
});
pages.chair.title = "The chair's notes";
Object.entries(thai).forEach(([name, text], i) => {
  pages[`${name}.th`] = { title: `หน้า ${name}`, date: `2026-02-0${i + 1}`, text };
});
// 臺 and 台, both written in Taiwan: either finds both pages, its own form first.
pages.tainan = { title: 'Page tainan', date: '2026-03-01', text: '臺南市政府勞工局的課程' };
pages.tai = { title: 'Page tai', date: '2026-03-02', text: '台南市的志工' };
const site = buildStorySite(
  firefly,
  'search-edges',
  'title: {en: Edges}\nbase_url: https://example.org/\n' +
    'languages:\n  - {code: en, html_lang: en, name: English}\n  - {code: th, html_lang: th, name: ไทย}\n' +
    'collections:\n  stories: {sort: date desc}\n',
  'Stories',
  pages,
);

// [query, the pages found ([]: the no-results message; in order where `ordered`), the
//  language's search page, whether the order matters]
const QUERIES = [
  ["bureau's", ['curly', 'owned']],
  ['bureau’s', ['curly', 'owned']],
  ["Bureau's staff", ['owned']],
  ["bureau'", ['curly', 'owned', 'says', 'staff']],
  ['bureau s', ['curly', 'owned', 'says', 'staff']],
  ['!!!', []],
  ['😀', []],
  ['—', []],
  ['x'.repeat(80), []],
  ["council's", ['often', 'chair'], '', true],
  // A phrase being typed, its quote not yet closed: the last word is a beginning, as an
  // unquoted last word is. Closed, it is a whole word.
  ['"sign lang', ['sign']],
  ['"sign language"', ['sign']],
  ['"sign lang"', []],
  ['"language sign', []],
  // The quotes a phone types (“ ”) and those of a Chinese input method (「 」) are quotes too.
  ['“sign language”', ['sign']],
  ['“language sign”', []],
  ['“sign lang”', []],
  ['「sign lang', ['sign']],
  // Typed so far: the start of ข้อมูล, of ผู้สูงอายุ and of นายจ้าง; each as typed is split
  // by ICU where the page's word is not. ข้อ alone is also on the page of ข้อเสนอ.
  ['ข้อมู', ['data'], 'th/'],
  ['ผู้สูงอ', ['data'], 'th/'],
  ['นายจ้า', ['boss'], 'th/'],
  ['การจ้างงานของผู้สูงอ', ['data'], 'th/'],
  ['ข้อ', ['data', 'other'], 'th/'],
  ['ชาติ', ['uni'], 'th/'],
  // A space typed inside a Thai word: the page's นายจ้าง and ลูกจ้าง are found.
  ['นาย จ้าง', ['boss'], 'th/'],
  ['ลูก จ้าง ตกลง', ['boss'], 'th/'],
  // 臺南市 on one page, 台南市 on the other: the form typed first, then the other.
  ['臺南市', ['tainan', 'tai'], '', true],
  ['台南市', ['tai', 'tainan'], '', true],
  ['台南', ['tai', 'tainan'], '', true],
  ['台南市政府', ['tainan']],
  // Typed as it should be, found on the page written as a PDF gives it, and marked there.
  ['น้ำให้เพียงพอ', ['pdf'], 'th/', false, ['น\u0E4D\u0E49\u0E32']],
  ['และพักผ่อน', ['pdf'], 'th/', false, ['\u0E40\u0E40ละ']],
];

await runQueryChecks('search edges', site, QUERIES, async (page, origin, [q, expected, lang = '', ordered = false, mustMark = []]) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${origin}/${lang}search/?q=${encodeURIComponent(q)}`);
  try {
    await page
      .locator('#search-results ol.search-hits li a, #search-results > p.search-none')
      .first()
      .waitFor({ timeout: 10000 });
  } catch {
    return 'neither results nor the no-results message shown';
  }
  if (errors.length) return `script error: ${errors[0]}`;
  await resultsSettled(page);  // the status counts a CJK run's results only then
  const listed = await listedResults(page);
  const found = ordered ? listed : listed.sort();
  if (found.join() !== expected.join()) return `found ${found.join() || 'none'}, expected ${expected.join() || 'none'}`;
  const status = ((await page.locator('#search-status').textContent()) ?? '').trim();
  // English says "1 result", "2 results"; the other languages have no plural forms.
  const said = `${expected.length} result${expected.length === 1 ? '' : 's'} for ${q}`;
  if (lang ? !status.includes(`${expected.length}`) : status !== said) return `the status says "${status}"`;
  if (!expected.length) {
    const none = page.locator('#search-results > p.search-none');
    if (!(await none.isVisible())) return 'the no-results message is not visible';
    const href = await none.locator('a').getAttribute('href');
    if (!/sitemap\/$/.test(href ?? '')) return `the no-results message links to ${href}, not the site map`;
  }
  // The excerpts mark the words of the query where they are whole (the s of bureau's,
  // not the s of staff).
  await page.locator('#search-results ol.search-hits[data-excerpts="done"]').waitFor({ timeout: 10000 }).catch(() => {});
  // Each mark with the letter after it, if any (none: the mark is a whole word).
  const marks = await page.$$eval('#search-results mark', (ms) =>
    ms.map((m) => m.textContent + ((m.nextSibling?.textContent ?? '').match(/^\p{L}*/u)[0] ? '…' : '')),
  );
  const words = q.toLowerCase().split(/[^\p{L}]+/u);
  if (/['’]/.test(q) && marks.some((m) => !words.includes(m.toLowerCase()))) return `marked ${marks.join(', ')}`;
  const marked = await page.$$eval('#search-results mark', (ms) => ms.map((m) => m.textContent));
  const unmarked = mustMark.find((m) => !marked.includes(m));
  if (unmarked) return `marked ${marked.join(', ') || 'nothing'}, not ${unmarked}`;
  return `ok (${status})`;
});
