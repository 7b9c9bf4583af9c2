// Runs the site search in Debian's Chromium, as a reader does: opens each language's search
// page with a query, waits for the results the script lists, checks that the live region
// says a short status (not the list) and that the page title starts with it, checks their
// excerpts (the query marked with <mark>, nothing else made of the page's text), that the
// results and their filters fit a 320 px screen with the largest text, and follows the
// first result.
//
// Usage: node tests/a11y/search.mjs HOST_DIR [PREFIX]
//   HOST_DIR is served at the root of a local server; PREFIX (default "/") is where the
//   site is inside it, e.g. "/portal/" for a build with --base-url https://host/portal/.
// Prints one line per query, then "search: N passed, M failed"; exits 1 when any failed.
import { fold, launchBrowser, serveDir } from './lib.mjs';

// A query per language, with words the sample portal's pages in that language contain;
// `deep`: only far down its pages (after their first 400 characters), so an excerpt that
// marks it cannot be the start of the page.
const QUERIES = [
  { lang: 'zh-TW', page: 'search/', q: '志工' },
  { lang: 'en', page: 'en/search/', q: 'volunteer' },
  { lang: 'vi', page: 'vi/search/', q: 'việc làm' },
  { lang: 'id', page: 'id/search/', q: 'perawat' },
  { lang: 'th', page: 'th/search/', q: 'แรงงาน' }, // Thai has no spaces: the search matches inside words
  { lang: 'zh-TW', page: 'search/', q: '市民講座', deep: true },
  { lang: 'en', page: 'en/search/', q: 'collective agreement', deep: true },
  { lang: 'vi', page: 'vi/search/', q: 'lao dong' }, // typed without tones: marks "lao động"
];

/** What is wrong with the results' excerpts for `q` ("" if nothing). */
function excerptProblem(q, deep, items, status) {
  if (status.length > 80) return `the status is ${status.length} characters long`;
  const words = fold(q).split(/\s+/);
  let marked = 0;
  let deepMarked = 0;
  for (const { excerpt, tags, marks } of items) {
    if (excerpt === null) continue;
    if (tags.some((t) => t !== 'MARK')) return `an excerpt holds <${tags.find((t) => t !== 'MARK')}>`;
    for (const m of marks) {
      if (!words.some((w) => fold(m).startsWith(w))) return `"${m}" is marked, not the query`;
    }
    if (marks.length) marked++;
    if (marks.length && excerpt.startsWith('…')) deepMarked++;
  }
  if (!marked) return 'no excerpt marks the query';
  if (deep && !deepMarked) return 'no excerpt shows a match from further down its page';
  return '';
}

/**
 * WCAG 1.4.10: the results and their filters fit a 320 px screen with the largest text size
 * of the display settings ("" if they do); the page is left at the normal size.
 */
async function reflowProblem(page) {
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 812 });
  const width = await page.evaluate(async () => {
    const choose = (size) => {
      const radio = document.getElementById(`ff-ts-${size}`);
      if (!radio) return;
      radio.checked = true;
      radio.dispatchEvent(new Event('change', { bubbles: true }));
    };
    choose('larger');
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const wide = document.documentElement.scrollWidth;
    choose('normal');
    return wide;
  });
  await page.setViewportSize(viewport);
  return width > 321 ? `at 320 px with the largest text the results page is ${width} px wide` : '';
}

const [dir, prefix = '/'] = process.argv.slice(2);
if (!dir || !prefix.startsWith('/') || !prefix.endsWith('/')) {
  console.error('usage: node search.mjs HOST_DIR [PREFIX]   (PREFIX like /portal/)');
  process.exit(2);
}

const { server, origin } = await serveDir(dir);
const browser = await launchBrowser();
let passed = 0;
let failed = 0;
try {
  const page = await browser.newPage();
  for (const { lang, page: path, q, deep } of QUERIES) {
    const url = `${origin}${prefix}${path}?q=${encodeURIComponent(q)}`;
    const problem = await (async () => {
      const response = await page.goto(url);
      if (!response || response.status() !== 200) return `search page answered ${response?.status()}`;
      const first = page.locator('#search-results ol.search-hits li a').first();
      try {
        await first.waitFor({ timeout: 10000 });
      } catch {
        const shown = (await page.locator('#search-results').textContent()) ?? '';
        return `no results listed (shows: "${shown.trim().slice(0, 80)}")`;
      }
      // The excerpts first: a query with a run of three or more Han characters says
      // "searching" until its results' texts are read, then its count.
      try {
        await page.locator('#search-results ol.search-hits[data-excerpts="done"]').waitFor({ timeout: 10000 });
      } catch {
        return 'the excerpts did not arrive';
      }
      const count = await page.locator('#search-results ol.search-hits li').count();
      // WCAG 4.1.3: the live region announces a short status, not the list, and the page
      // title carries it too (both read at once: the page sets them together).
      await page.waitForFunction(() => document.getElementById('search-status')?.textContent.trim());
      const { shortStatus, pageTitle, statusLinks } = await page.evaluate(() => {
        const status = document.getElementById('search-status');
        return {
          shortStatus: status.textContent.trim(),
          pageTitle: document.title,
          statusLinks: status.querySelectorAll('a').length,
        };
      });
      if (shortStatus.length > 120 || statusLinks) {
        return `the status is not a short line: "${shortStatus.slice(0, 80)}…"`;
      }
      if (!pageTitle.startsWith(shortStatus)) {
        return `the page title "${pageTitle}" does not start with the status "${shortStatus}"`;
      }
      const items = await page.$$eval('#search-results ol.search-hits li', (lis) =>
        lis.map((li) => {
          const p = li.querySelector('p.search-excerpt');
          return {
            excerpt: p ? p.textContent : null,
            tags: p ? [...p.querySelectorAll('*')].map((e) => e.tagName) : [],
            marks: p ? [...p.querySelectorAll('mark')].map((e) => e.textContent) : [],
          };
        }),
      );
      const status = (await page.locator('#search-status').textContent()) ?? '';
      const bad = excerptProblem(q, deep, items, status) || await reflowProblem(page);
      if (bad) return bad;
      const shown = items.filter((i) => i.marks.length).length;
      const title = ((await first.textContent()) ?? '').trim();
      if (!title || title.startsWith('/')) return `the first result is named "${title}", not by its title`;
      const href = await first.getAttribute('href');
      const target = new URL(href, page.url());
      if (!target.pathname.startsWith(prefix)) return `result ${href} is outside ${prefix}`;
      const hit = await page.goto(target.href);
      if (!hit || hit.status() !== 200) return `result ${href} answered ${hit?.status()}`;
      return `ok (${count} results, "${shortStatus}", ${shown} excerpts mark the query; the first, ${target.pathname}, opens)`;
    })();
    const ok = problem.startsWith('ok');
    if (ok) passed++;
    else failed++;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${lang} "${q}" at ${prefix}${path}: ${problem}`);
  }
  // The term filter: its button fetches the terms' page lists, then a term narrows the
  // results to its count.
  const termProblem = await (async () => {
    await page.goto(`${origin}${prefix}search/?q=${encodeURIComponent('志工')}`);
    const ask = page.locator('#search-filters button.search-filter-terms');
    try {
      await ask.waitFor({ timeout: 10000 });
    } catch {
      return 'no term filter button';
    }
    await ask.click();
    const select = page.locator('#search-filter-term');
    try {
      await select.waitFor({ timeout: 10000 });
    } catch {
      return 'the button showed no term filter';
    }
    if (!(await select.evaluate((e) => e === document.activeElement))) return 'the term filter is not focused';
    const option = select.locator('option').nth(1);
    const label = (await option.textContent()) ?? '';
    const n = Number((label.match(/\((\d+)\)$/) || [])[1]);
    if (!n) return `option "${label}" has no count`;
    await select.selectOption({ index: 1 });
    await page.waitForFunction((k) => new RegExp(`\\b${k}\\b`).test(document.getElementById('search-status').textContent), n);
    return `ok ("${label}" keeps ${n})`;
  })();
  if (termProblem.startsWith('ok')) passed++;
  else failed++;
  console.log(`${termProblem.startsWith('ok') ? 'ok  ' : 'FAIL'} term filter at ${prefix}search/: ${termProblem}`);
  // A query that finds nothing in the page's language but pages in another (Vietnamese typed
  // on the Chinese search page) offers that language's search page with the query and its
  // count, and says so in the live region; a query found nowhere offers nothing.
  const elsewhereProblem = await (async () => {
    await page.goto(`${origin}${prefix}search/?q=${encodeURIComponent('lao dong')}`);
    const offered = page.locator('#search-results .search-elsewhere a');
    try {
      await offered.first().waitFor({ timeout: 10000 });
    } catch {
      return 'no other language offered for "lao dong"';
    }
    if (await page.locator('#search-results ol.search-hits li').count()) return 'results listed on the Chinese page';
    const links = await offered.evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href'), a.lang]));
    const vi = links.find((l) => l[2] === 'vi');
    if (!vi || links.length !== 1) return `offered ${JSON.stringify(links)}, not Tiếng Việt alone`;
    const n = Number((vi[0].match(/\((\d+)\)$/) || [])[1]);
    if (!n) return `"${vi[0]}" has no count`;
    if (!vi[1].startsWith(`${prefix}vi/search/?q=`)) return `the link goes to ${vi[1]}`;
    const status = ((await page.locator('#search-status').textContent()) ?? '').trim();
    if (!status.includes(vi[0])) return `the status "${status}" does not name ${vi[0]}`;
    const named = await page.locator('#search-status span[lang="vi"]').textContent();
    if (named !== vi[0]) return `the status names Tiếng Việt as "${named}", not in a span lang="vi"`;
    await offered.first().click();
    try {
      await page.locator('#search-results ol.search-hits li a').first().waitFor({ timeout: 10000 });
    } catch {
      return 'the Vietnamese search page listed no results';
    }
    await page.waitForFunction((k) => new RegExp(`\\b${k}\\b`).test(document.getElementById('search-status').textContent), n);
    await page.goto(`${origin}${prefix}en/search/?q=${encodeURIComponent('zzqxj')}`);
    await page.locator('#search-results p.search-none').waitFor({ timeout: 10000 });
    await page.waitForTimeout(1000); // the other languages' indexes would answer by now
    if (await page.locator('#search-results .search-elsewhere').count()) return 'a query found nowhere offers a language';
    // A language whose index holds the query only in pages it shows untranslated (志工 in
    // the Chinese stories that Bahasa Indonesia and ไทย show in Chinese) is not offered,
    // nor counted for them: only 中文 is, with the Chinese pages' count.
    await page.goto(`${origin}${prefix}en/search/?q=${encodeURIComponent('志工')}`);
    try {
      await offered.first().waitFor({ timeout: 10000 });
    } catch {
      return 'no other language offered for "志工" on the English page';
    }
    // (the offer is shown once every other language's index has answered)
    const zh = await offered.evaluateAll((as) => as.map((a) => [a.textContent, a.lang]));
    if (zh.length !== 1 || zh[0][1] !== 'zh-Hant-TW') {
      return `"志工" on the English page offers ${JSON.stringify(zh)}, not 中文 alone (its pages in other languages are shown untranslated)`;
    }
    return `ok (${vi[0]} offered and opened with ${n} results; ${zh[0][0]} alone for 志工; nothing for a query found nowhere)`;
  })();
  if (elsewhereProblem.startsWith('ok')) passed++;
  else failed++;
  console.log(`${elsewhereProblem.startsWith('ok') ? 'ok  ' : 'FAIL'} other languages: ${elsewhereProblem}`);
  // Results are listed as soon as their chunks are in, before their titles and texts (the
  // range requests, held back here): each a link named from the start (by its address), with
  // its section and date; the title and excerpt fill in when the range arrives, and the live
  // region says the count once, not again when they do.
  const earlyProblem = await (async () => {
    const early = await browser.newPage();
    let release;
    const held = new Promise((resolve) => (release = resolve));
    let heldRanges = 0;
    await early.route(/\/search\/[^/]+\/x\/\d+\.bin$/, async (route) => {
      heldRanges++;
      await held;
      await route.continue();
    });
    await early.addInitScript(() => {
      window.statusTexts = [];
      document.addEventListener('DOMContentLoaded', () => {
        const status = document.getElementById('search-status');
        new MutationObserver(() => window.statusTexts.push(status.textContent.trim())).observe(status, {
          childList: true,
          characterData: true,
          subtree: true,
        });
      });
    });
    try {
      await early.goto(`${origin}${prefix}search/?q=${encodeURIComponent('志工')}`);
      try {
        await early.locator('#search-results ol.search-hits li h3 a').first().waitFor({ timeout: 10000 });
      } catch {
        return 'no results listed while their texts were held back';
      }
      await early.waitForFunction((n) => window.statusTexts.length > 0, 0);
      const before = await early.$$eval('#search-results ol.search-hits li', (lis) =>
        lis.map((li) => ({
          name: (li.querySelector('h3 a')?.textContent ?? '').trim(),
          href: li.querySelector('h3 a')?.getAttribute('href') ?? '',
          meta: (li.querySelector('p.search-meta')?.textContent ?? '').trim(),
          excerpt: !!li.querySelector('p.search-excerpt'),
        })),
      );
      if (!heldRanges) return 'no range request was made';
      if (before.some((r) => r.excerpt)) return 'an excerpt was shown before its text arrived';
      // The texts push what follows the list down as they arrive: "Show more results" must
      // not be there yet, or a press can land where it was.
      if (await early.locator('#search-results button.search-more').count()) {
        return '"Show more results" was shown before the texts that move it arrived';
      }
      const unnamed = before.find((r) => !r.name);
      if (unnamed) return `result ${unnamed.href} has no name before its title arrives`;
      if (!before.some((r) => /\d/.test(r.meta))) return 'no result has its date before its title arrives';
      const statusBefore = ((await early.locator('#search-status').textContent()) ?? '').trim();
      if (!/\d/.test(statusBefore)) return `the status "${statusBefore}" is not the count`;
      release();
      try {
        await early.locator('#search-results ol.search-hits[data-excerpts="done"]').waitFor({ timeout: 10000 });
      } catch {
        return 'the excerpts did not arrive once released';
      }
      const after = await early.$$eval('#search-results ol.search-hits li', (lis) =>
        lis.map((li) => ({
          name: (li.querySelector('h3 a')?.textContent ?? '').trim(),
          href: li.querySelector('h3 a')?.getAttribute('href') ?? '',
          meta: (li.querySelector('p.search-meta')?.textContent ?? '').trim(),
          excerpt: !!li.querySelector('p.search-excerpt mark'),
        })),
      );
      if (after.map((r) => r.href).join() !== before.map((r) => r.href).join()) return 'the results changed order';
      if (after.some((r, i) => r.meta !== before[i].meta)) return 'a section or date came only with the title';
      if (after.some((r) => r.name.startsWith('/'))) return 'a result is still named by its address';
      if (!after.some((r) => r.excerpt)) return 'no excerpt marks the query';
      const total = Number((statusBefore.match(/\d+/) ?? ['0'])[0]);
      const more = await early.locator('#search-results button.search-more').count();
      if (total > after.length && !more) return `${total} results, ${after.length} listed, and no "Show more results"`;
      const statuses = await early.evaluate(() => window.statusTexts.filter(Boolean));
      const counts = statuses.filter((t) => t === statusBefore).length;
      if (counts !== 1 || statuses.at(-1) !== statusBefore) {
        return `the live region said ${JSON.stringify(statuses)}, not the count once, last`;
      }
      return `ok (${before.length} results named by address, then by title; status said once; "Show more" after the texts)`;
    } finally {
      release();
      await early.close();
    }
  })();
  if (earlyProblem.startsWith('ok')) passed++;
  else failed++;
  console.log(`${earlyProblem.startsWith('ok') ? 'ok  ' : 'FAIL'} results before their texts: ${earlyProblem}`);
  // A host that answers a range with the whole file: the results still show, without excerpts.
  const plain = await serveDir(dir, { ranges: false });
  try {
    const noRangeProblem = await (async () => {
      await page.goto(`${plain.origin}${prefix}search/?q=${encodeURIComponent('志工')}`);
      try {
        await page.locator('#search-results ol.search-hits[data-excerpts="done"] li a').first().waitFor({ timeout: 10000 });
      } catch {
        return 'no results listed';
      }
      const excerpts = await page.locator('#search-results p.search-excerpt').count();
      return excerpts ? `${excerpts} excerpts from a host without ranges` : 'ok (results without excerpts)';
    })();
    if (noRangeProblem.startsWith('ok')) passed++;
    else failed++;
    console.log(`${noRangeProblem.startsWith('ok') ? 'ok  ' : 'FAIL'} host without byte ranges: ${noRangeProblem}`);
  } finally {
    plain.server.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`search: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
