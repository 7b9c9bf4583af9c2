// The browser checks no single engine makes, and a second engine, over every page of a
// built portal in one Debian Chromium:
//   - Siteimprove Alfa (every rule of WCAG 2.1 A/AA and the ARIA/landmark practices;
//     the AAA-only rules are left out), audited in worker threads (alfa.mjs);
//   - with --axe, axe-core as axe.mjs runs it (light; dark contrast on every page, or with
//     --dark-sample on sample pages), in the same visit of the page;
//   - reflow: no horizontal scroll at 320 and 390 CSS px with each text size of the
//     display settings, and at 200% zoom of a 1280 px window (640 CSS px);
//   - no visible text under 14 CSS px at those sizes (chart text included);
//   - language of parts: Chinese, Thai and Vietnamese text only inside a matching lang;
//   - at most one aria-current per navigation, and only on a link to the page itself;
//   - a Markdown table's column alignment (align="right" on its cells) is shown;
//   - in a table that scrolls sideways in its box, no cell of long text squeezed under 8em;
//   - no telephone number (a tel: link) broken over two lines, no licence name at its hyphens;
//   - no English string of the theme on a page in another language;
//   - on a phone (390 x 844), the header takes at most half of the first screen, with
//     JavaScript and without; with the largest text on a 320 x 812 one, the page's own
//     content still starts on it.
//
// Usage: node tests/a11y/checks.mjs PUBLIC_DIR [--limit N] [--jobs N] [--alfa-workers N] [--no-alfa]
//          [--alfa-sample] [--sample-heavy] [--sample-layouts] [--no-chart-text] [--no-layout]
//          [--axe] [--dark-sample] [--theme DIR] [PAGE_PATH...]
// A sample page is the first page (in path order) of each kind (body class) and language:
// --alfa-sample runs Alfa only there, --sample-heavy runs Alfa's slowest rules (HEAVY) only
// there and the rest everywhere, --sample-layouts measures every page at FEW_LAYOUTS and
// only sample pages at all of LAYOUTS.
// Prints each finding, then "checks: N passed, M failed" (pages). Exits 0 when clean,
// 1 on any finding, 2 on bad usage or a browser failure.
import path from 'node:path';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  DeadlineError, htmlFiles, isRedirect, launchBrowser, pool, serveDir, urlPath, withDeadline,
} from './lib.mjs';
import { pageProbe } from './probe.mjs';
import { SNAPSHOT, alfaPool } from './alfa.mjs';
import { AXE_SCRIPTS, axeFindings } from './axe.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** Where reflow and text size are measured: [width, text size]; 640 = 1280 at 200%. */
const LAYOUTS = [
  [320, 'normal'], [320, 'large'], [320, 'larger'],
  [390, 'normal'], [390, 'large'], [390, 'larger'],
  [640, 'normal'],
];
/**
 * The layouts every page gets with --sample-layouts (the others get LAYOUTS in full). The
 * theme's one width media query (40em: the menu folds below it) and its container queries
 * (30em and up) do not change between 320 and 390 px at any text size, so the narrowest
 * width with the largest text is where content sticks out first, and the normal size is
 * where text is smallest; 640 px is another band of both.
 */
const FEW_LAYOUTS = [[320, 'normal'], [320, 'larger'], [640, 'normal']];
const MIN_TEXT_PX = 14;
// A page's check (a sample page: every layout, Alfa's slow rules) takes seconds, at most a
// minute on a loaded machine; one that takes five has hung.
const PAGE_DEADLINE_MS = 300000;
/**
 * The header may take at most `max` of a phone's first screen: half of a 390 x 844 screen
 * at the normal text size, and with the largest text on a 320 x 812 one, so much that the
 * page's own content still starts on the first screen. The first is also measured with
 * JavaScript off (`noJs`: the header's folds are closed in the markup, not by the script).
 */
const HEADER_SCREENS = [
  { width: 390, height: 844, size: 'normal', max: 0.5 },
  { width: 390, height: 844, size: 'normal', max: 0.5, noJs: true },
  { width: 320, height: 812, size: 'larger', max: 0.95 },
];

function usage(msg) {
  if (msg) console.error(`checks: ${msg}`);
  console.error('usage: node checks.mjs PUBLIC_DIR [--limit N] [--jobs N] [--alfa-workers N] [--no-alfa] ' +
    '[--alfa-sample] [--sample-heavy] [--sample-layouts] [--no-chart-text] [--no-layout] ' +
    '[--axe] [--dark-sample] [--theme DIR] [PAGE_PATH...]');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { dir: null, limit: Infinity, jobs: 2, alfaWorkers: 0, alfa: true, alfaSample: false,
    sampleHeavy: false, sampleLayouts: false, chartText: true, layout: true, axe: false, darkSample: false, paths: [],
    theme: path.join(HERE, '../../themes/default') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = () => {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) usage(`${a} needs a positive integer`);
      return n;
    };
    if (a === '--limit') opts.limit = num();
    else if (a === '--jobs') opts.jobs = num();
    else if (a === '--alfa-workers') opts.alfaWorkers = num();
    else if (a === '--no-alfa') opts.alfa = false;
    else if (a === '--alfa-sample') opts.alfaSample = true;
    else if (a === '--sample-heavy') opts.sampleHeavy = true;
    else if (a === '--sample-layouts') opts.sampleLayouts = true;
    else if (a === '--no-chart-text') opts.chartText = false;
    else if (a === '--no-layout') opts.layout = false;
    else if (a === '--axe') opts.axe = true;
    else if (a === '--dark-sample') opts.darkSample = true;
    else if (a === '--theme') opts.theme = argv[++i] ?? usage('--theme needs a folder');
    else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else if (opts.dir === null) opts.dir = a;
    else opts.paths.push(a);
  }
  if (opts.dir === null) usage();
  if (!existsSync(opts.dir) || !statSync(opts.dir).isDirectory()) usage(`${opts.dir} is not a directory`);
  return opts;
}

/** key → string of one theme language file (flat `key: "value"` lines). */
function readStrings(file) {
  const out = new Map();
  if (!existsSync(file)) return out;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^([a-z0-9_]+):\s*"(.*)"\s*$/.exec(line);
    if (m) out.set(m[1], m[2].replace(/\\"/g, '"'));
  }
  return out;
}

/**
 * The theme's English strings that a page in `lang` must not show: the en value of
 * every key whose value in that language differs, at least two words or six letters
 * long (a short word such as "Data" is also Indonesian).
 */
function englishLeaks(themeDir, lang) {
  const en = readStrings(path.join(themeDir, 'i18n/en.yaml'));
  const own = readStrings(path.join(themeDir, `i18n/${lang}.yaml`));
  const out = [];
  for (const [key, value] of en) {
    if (own.get(key) === value) continue;
    // A placeholder ("{n} results") splits the string: each fixed part is checked.
    for (const part of value.split(/\{[a-z_]+\}/).map((t) => t.trim())) {
      if (/\s/.test(part) || (/^[A-Za-z]{6,}$/.test(part) && part === value)) out.push(part);
    }
  }
  return out;
}

/** Checks one page in one tab; returns printable findings. */
async function checkPage(page, url, opts, leaksFor, noJsPage) {
  const findings = [];
  await page.setViewportSize({ width: 1280, height: 900 });
  const resp = await page.goto(url, { waitUntil: 'load', timeout: 60000 });
  if (!resp || !resp.ok()) return [`page did not load (HTTP ${resp ? resp.status() : 'no response'})`];
  const lang = await page.evaluate(() => document.documentElement.lang);
  // tl (Tagalog) pages show the theme's Filipino strings (closest_language in Firefly).
  const primary = lang.split('-')[0];
  const themeLang = lang.startsWith('zh') ? 'zh-TW' : primary === 'tl' ? 'fil' : primary;
  findings.push(...await page.evaluate(pageProbe, { kind: 'static', leaks: leaksFor(themeLang) }));
  // A sample page: the first of its kind (body class) and language.
  const kind = lang + ' ' + await page.evaluate(() => document.body.className);
  const sample = !opts.seen.has(kind);
  opts.seen.add(kind);
  if (sample) opts.sampleKind.set(url, kind);
  // Alfa audits a snapshot of the page at 1280 px in a worker thread while this tab goes on
  // with the layouts below.
  let alfa = null;
  if (opts.alfa && (sample || !opts.alfaSample)) {
    const focusable = await page.evaluate(() =>
      document.querySelector('a[href], button, input, select, textarea, [tabindex], summary') !== null);
    alfa = opts.alfaPool.audit(await page.evaluate(SNAPSHOT), { heavy: sample || !opts.sampleHeavy, focusable });
    alfa.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
  }
  if (opts.axe) {
    for (const f of await axeFindings(page, { dark: sample || !opts.darkSample })) findings.push(`axe ${f}`);
  }
  const layouts = !opts.layout ? [] : sample || !opts.sampleLayouts ? LAYOUTS : FEW_LAYOUTS;
  for (const [width, size] of layouts) {
    await page.setViewportSize({ width, height: 800 });
    findings.push(...await page.evaluate(pageProbe, { kind: 'layout', size, minPx: MIN_TEXT_PX, chartText: opts.chartText,
      where: `${width} px${width === 640 ? ' (200% zoom)' : ''}, text ${size}` }));
  }
  if (sample && opts.layout) {
    // The page's own content starts on the first screen of a phone: the header (language
    // links, title, search, the folded menu) takes at most half of a 390 x 844 screen.
    for (const screen of HEADER_SCREENS) {
      const bottom = screen.noJs ? await noJsHeaderBottom(noJsPage, url, screen) : await headerBottom(page, screen);
      const most = Math.round(screen.max * screen.height);
      if (bottom > most) {
        findings.push(`the header fills ${Math.round(bottom)} px of a ${screen.width} x ${screen.height} ` +
          `screen with text ${screen.size}${screen.noJs ? ' without JavaScript' : ''} (at most ${most})`);
      }
    }
  }
  if (alfa) findings.push(...await alfa);
  return findings;
}

/** Where the header ends on `screen`, with the text size set as the display settings do. */
async function headerBottom(page, screen) {
  await page.setViewportSize({ width: screen.width, height: screen.height });
  return page.evaluate(async (size) => {
    const root = document.documentElement;
    for (const c of [...root.classList]) if (c.startsWith('ff-ts-')) root.classList.remove(c);
    if (size !== 'normal') root.classList.add(`ff-ts-${size}`);
    const radio = document.getElementById(`ff-ts-${size}`);
    if (radio) radio.checked = true;
    // A theme's script may answer the media query's change event, which the browser sends
    // while it updates the rendering: wait for two frames.
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const header = document.querySelector('body > header, .site-header');
    return header ? header.getBoundingClientRect().bottom : 0;
  }, screen.size);
}

/** The same in a tab without JavaScript (measured from outside the page: no script runs). */
async function noJsHeaderBottom(page, url, screen) {
  await page.setViewportSize({ width: screen.width, height: screen.height });
  const resp = await page.goto(url, { waitUntil: 'load', timeout: 60000 });
  if (!resp || !resp.ok()) throw new Error(`without JavaScript the page did not load (HTTP ${resp ? resp.status() : 'no response'})`);
  const header = page.locator('body > header, .site-header').first();
  if ((await header.count()) === 0) return 0;
  const box = await header.boundingBox();
  return box ? box.y + box.height : 0;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const root = path.resolve(opts.dir);
  let pages = [];
  if (opts.paths.length) {
    pages = opts.paths.map((p) => p.replace(/^\//, '').replace(/(^|\/)$/, '$1index.html'));
  } else {
    for (const rel of await htmlFiles(root)) {
      if (!(await isRedirect(path.join(root, rel)))) pages.push(rel);
    }
  }
  pages = pages.slice(0, opts.limit);
  opts.seen = new Set();
  opts.sampleKind = new Map(); // url -> its kind, for a page that was its kind's sample
  if (pages.length === 0) usage(`no HTML pages under ${root}`);
  const leakCache = new Map();
  const leaksFor = (lang) => {
    if (lang === 'en') return [];
    if (!leakCache.has(lang)) leakCache.set(lang, englishLeaks(opts.theme, lang));
    return leakCache.get(lang);
  };
  console.log(`checks: ${pages.length} pages${opts.alfa ? ', with Alfa' : ''}` +
    `${opts.alfaSample ? ' (sample pages)' : opts.sampleHeavy ? ' (slow rules on sample pages)' : ''}, ` +
    `${opts.axe ? `axe${opts.darkSample ? ' (dark on sample pages)' : ''}, ` : ''}` +
    `${opts.layout ? LAYOUTS.length : 0} layouts each${opts.sampleLayouts ? ` (${FEW_LAYOUTS.length} on non-sample pages)` : ''}`);

  if (opts.alfa) opts.alfaPool = alfaPool(opts.alfaWorkers || opts.jobs);
  const { server, origin } = await serveDir(root, { scripts: opts.axe ? AXE_SCRIPTS : {} });
  let browser;
  try {
    browser = await launchBrowser();
  } catch (err) {
    server.close();
    console.error(`checks: could not start Chromium: ${err.message}`);
    process.exit(2);
  }
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  // Only the portal's own files (as axe.mjs): /admin/ then shows its own failure message.
  await context.route((url) => url.origin !== origin, (route) => route.abort());
  const tabs = await Promise.all(
    Array.from({ length: Math.min(opts.jobs, pages.length) }, () => context.newPage()));
  // A tab per slot without JavaScript, for the header of sample pages.
  const noJs = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  await noJs.route((url) => url.origin !== origin, (route) => route.abort());
  const noJsTabs = await Promise.all(tabs.map(() => noJs.newPage()));
  let passed = 0;
  let failed = 0;
  const started = Date.now();
  // A page whose check hangs is checked once more in fresh tabs (as the sample of its kind
  // again if it was one); hanging twice is a finding.
  const fresh = async (slot) => {
    tabs[slot].close().catch(() => {});
    noJsTabs[slot].close().catch(() => {});
    tabs[slot] = await context.newPage();
    noJsTabs[slot] = await noJs.newPage();
  };
  await pool(pages, tabs.length, async (rel, _i, slot) => {
    const url = origin + urlPath(rel);
    let findings;
    for (let attempt = 1; ; attempt++) {
      try {
        findings = await withDeadline(checkPage(tabs[slot], url, opts, leaksFor, noJsTabs[slot]),
          PAGE_DEADLINE_MS, 'the check');
        break;
      } catch (err) {
        findings = [`check failed: ${err.message.split('\n')[0]}`];
        await fresh(slot);
        if (!(err instanceof DeadlineError) || attempt === 2) break;
        console.log(`note ${urlPath(rel)}: the check did not finish in ${PAGE_DEADLINE_MS / 1000} s; once more`);
        const kind = opts.sampleKind.get(url);
        if (kind) opts.seen.delete(kind);
      }
    }
    if (findings.length === 0) passed++;
    else {
      failed++;
      for (const f of findings) console.log(`FAIL ${urlPath(rel)} ${f}`);
    }
  });
  await browser.close();
  await opts.alfaPool?.close();
  server.close();
  console.log(`checks: ${pages.length} pages in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`checks: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(`checks: ${err.stack || err}`);
  process.exit(2);
});
