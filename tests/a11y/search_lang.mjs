// The language of an untranslated page's result, in Debian's Chromium: builds a site whose
// default language is zh-TW with English beside it, one story written only in Chinese (shown
// untranslated under /en/) and one in both, in a section titled only in Chinese, and checks
// that on the English search page the Chinese story's result title and excerpt carry
// lang="zh-Hant-TW" (a screen reader would read them with an English voice otherwise), as
// do the section's name in each result and in the section filter, while the date does
// not; the term filter too: a term with no English name (志工) and the taxonomy titled only
// in Chinese carry it, a term named in English does not; and that on the Chinese search
// page nothing carries a lang of its own.
//
// Usage: node tests/a11y/search_lang.mjs FIREFLY
// Prints one line per query, then "search lang: N passed, M failed"; exits 1 when any failed.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildStorySite, listedResults, runQueryChecks } from './lib.mjs';

const [firefly] = process.argv.slice(2);
if (!firefly) {
  console.error('usage: node search_lang.mjs FIREFLY');
  process.exit(2);
}
const site = buildStorySite(
  firefly,
  'search-lang',
  'title: {zh-TW: 測試, en: Test}\nbase_url: https://example.org/\n' +
    'languages:\n  - {code: zh-TW, html_lang: zh-Hant-TW, name: 中文}\n' +
    '  - {code: en, html_lang: en, name: English}\n' +
    'collections:\n  stories: {sort: date desc}\n' +
    'taxonomies:\n  tags:\n    title: {zh-TW: 標籤}\n    terms:\n      elders: {zh-TW: 長者, en: Older people}\n',
  '首頁',
  {
    fix: { title: '志工修繕老屋', date: '2026-01-02', text: '修繕志工到長者家中修好屋頂。' },
    roof: { title: '屋頂', date: '2026-01-01', text: '工會師傅修好屋頂。' },
    'roof.en': { title: 'The roof', date: '2026-01-01', text: 'Union builders repaired the roof.' },
  },
);

// The section, titled in Chinese only (its English page shows that title).
writeFileSync(path.join(site.work, 'site', 'content', 'stories', '_index.md'), '---\ntitle: 故事\n---\n');
// Two terms on the Chinese story, so that the term filter is offered: one named in both
// languages, one (志工) only as written in Chinese.
writeFileSync(
  path.join(site.work, 'site', 'content', 'stories', 'fix.md'),
  '---\ntitle: 志工修繕老屋\ndate: 2026-01-02\ntags: [志工, elders]\n---\n\n修繕志工到長者家中修好屋頂。\n',
);
// A page outside the section, so that the section filter is offered (two choices).
writeFileSync(path.join(site.work, 'site', 'content', 'about.md'), '---\ntitle: 關於\n---\n\n本站介紹志工。\n');
execFileSync(firefly, ['build', '--site', path.join(site.work, 'site'), '--out', site.out, '--quiet'], {
  stdio: 'ignore',
});

// [query, the language's search page, [page, lang its title and excerpt carry ('' none)]...]
const QUERIES = [
  ['志工', 'en/', ['fix', 'zh-Hant-TW'], ['about', 'zh-Hant-TW']],
  ['repaired', 'en/', ['roof', '']],
  ['志工', '', ['fix', ''], ['about', '']],
];

await runQueryChecks('search lang', site, QUERIES, async (page, origin, [q, lang, ...expected]) => {
  const sectionLang = lang ? 'zh-Hant-TW' : '';
  await page.goto(`${origin}/${lang}search/?q=${encodeURIComponent(q)}`);
  const done = page.locator('#search-results ol.search-hits[data-excerpts="done"]');
  try {
    await done.waitFor({ timeout: 10000 });
  } catch {
    return 'the results and their excerpts did not all arrive';
  }
  const listed = await listedResults(page);
  if (listed.join() !== expected.map((e) => e[0]).join()) return `found ${listed.join() || 'none'}`;
  const items = await page.$$eval('#search-results ol.search-hits li', (lis) =>
    lis.map((li) => ({
      heading: li.querySelector('h3').getAttribute('lang') ?? '',
      excerpt: li.querySelector('p.search-excerpt') ? li.querySelector('p.search-excerpt').getAttribute('lang') ?? '' : 'no excerpt',
      meta: li.querySelector('p.search-meta')?.getAttribute('lang') ?? '',
      section: li.querySelector('p.search-meta span')?.getAttribute('lang') ?? '',
      metaText: li.querySelector('p.search-meta')?.textContent ?? '',
    })),
  );
  const options = await page.$$eval('#search-filter-section option', (os) =>
    os.filter((o) => o.value !== '').map((o) => [o.textContent, o.getAttribute('lang') ?? '']),
  );
  if (expected.length > 1 && options.length !== 2) return `section filter options: ${JSON.stringify(options)}`;
  for (const [text, optionLang] of options) {
    if (!text.startsWith('故事')) continue; // "other" is in the page's language
    if (optionLang !== sectionLang) return `filter option "${text}" lang "${optionLang}", expected "${sectionLang}"`;
  }
  for (let i = 0; i < items.length; i++) {
    const want = expected[i][1];
    const got = items[i];
    if (got.heading !== want) return `${expected[i][0]}: title lang "${got.heading}", expected "${want}"`;
    if (got.excerpt !== want) return `${expected[i][0]}: excerpt lang "${got.excerpt}", expected "${want}"`;
    if (got.meta !== '') return `${expected[i][0]}: section and date marked lang "${got.meta}"`;
    if (got.section !== (expected[i][0] === 'about' ? '' : sectionLang)) return `${expected[i][0]}: section "${got.metaText}" lang "${got.section}"`;
    if (expected[i][0] !== 'about' && !got.metaText.startsWith('故事')) return `${expected[i][0]}: meta "${got.metaText}"`;
  }
  if (expected.length > 1) {
    // The term filter: each taxonomy a group of its terms, each name in its own language.
    await page.locator('#search-filters button.search-filter-terms').click();
    const select = page.locator('#search-filter-term');
    try {
      await select.waitFor({ timeout: 10000 });
    } catch {
      return 'the term filter did not come';
    }
    const groups = await select.evaluate((sel) =>
      [...sel.querySelectorAll('optgroup')].map((g) => [
        g.label,
        g.getAttribute('lang') ?? '',
        [...g.querySelectorAll('option')].map((o) => [o.textContent, o.getAttribute('lang') ?? '']),
      ]),
    );
    const want = lang
      ? [['標籤', 'zh-Hant-TW', [['Older people (1)', ''], ['志工 (1)', 'zh-Hant-TW']]]]
      : [['標籤', '', [['志工 (1)', ''], ['長者 (1)', '']]]];
    if (JSON.stringify(groups) !== JSON.stringify(want)) return `term filter ${JSON.stringify(groups)}`;
  }
  return `ok (${items.map((it) => it.heading || 'page language').join(', ')})`;
});
