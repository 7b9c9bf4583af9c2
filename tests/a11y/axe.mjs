// Runs axe-core (WCAG 2.0/2.1 A and AA rules) on every page of a built portal
// in Debian's Chromium, in the default colour scheme and again (contrast only)
// with prefers-color-scheme: dark.
//
// Usage: node tests/a11y/axe.mjs PUBLIC_DIR [--limit N] [--jobs N] [--no-dark] [--dark-sample]
// --dark-sample checks dark contrast only on the first page (in path order) of each kind
// (body class) and language, as checks.mjs --sample-heavy does for Alfa's slowest rules.
// Prints each violation, then "axe: N passed, M failed" (pages). Exits 0 when
// no page has a violation, 1 when any has, 2 on bad usage or a browser failure.
// checks.mjs --axe runs the same audit (axeFindings) in its own visit of each page.
import path from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import axe from 'axe-core';
import { htmlFiles, isRedirect, launchBrowser, pool, serveDir, urlPath } from './lib.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const MAX_NODES = 5; // targets shown per violation; the rest are counted

function usage(msg) {
  if (msg) console.error(`axe: ${msg}`);
  console.error('usage: node axe.mjs PUBLIC_DIR [--limit N] [--jobs N] [--no-dark] [--dark-sample]');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { dir: null, limit: Infinity, jobs: 2, dark: true, darkSample: false, seen: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = () => {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) usage(`${a} needs a positive integer`);
      return n;
    };
    if (a === '--limit') opts.limit = num();
    else if (a === '--jobs') opts.jobs = num();
    else if (a === '--no-dark') opts.dark = false;
    else if (a === '--dark-sample') opts.darkSample = true;
    else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else if (opts.dir === null) opts.dir = a;
    else usage(`unexpected argument ${a}`);
  }
  if (opts.dir === null) usage();
  if (!existsSync(opts.dir) || !statSync(opts.dir).isDirectory()) {
    usage(`${opts.dir} is not a directory`);
  }
  return opts;
}

/**
 * Where a page loads axe from: serveDir(root, { scripts: AXE_SCRIPTS }) serves it there. As a
 * cached script of its own URL, Chromium compiles it once for all pages (its code cache);
 * put inline into each page, its 500 KB were compiled again on each (0.6 s of a 2.2 s page).
 */
export const AXE_PATH = '/__checks__/axe.min.js';
/** The `scripts` to serve beside a portal for axeFindings. */
export const AXE_SCRIPTS = { [AXE_PATH]: axe.source };

/** Runs axe in the page (loading it when missing); returns its violations. */
async function runAxe(page, options) {
  const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!hasAxe) await page.addScriptTag({ url: new URL(AXE_PATH, page.url()).href });
  return page.evaluate(async (opts) => {
    const result = await window.axe.run(document, opts);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  }, options);
}

/**
 * axe's findings on the page a tab shows, printable: WCAG A/AA in the light colour scheme,
 * then, with `dark`, colour contrast again with prefers-color-scheme: dark (the tab is left
 * in the light scheme, with transitions off).
 */
export async function axeFindings(page, { dark }) {
  const findings = [];
  const report = (scheme, violations) => {
    for (const v of violations) {
      const shown = v.nodes.slice(0, MAX_NODES).map((n) => n.target);
      const more = v.nodes.length > MAX_NODES ? ` (+${v.nodes.length - MAX_NODES} more)` : '';
      findings.push(`${v.id} [${v.impact}]${scheme}: ${v.help}\n` +
        `    targets: ${shown.join(' | ')}${more}\n` +
        `    ${v.nodes[0]?.summary?.split('\n').join(' ') ?? ''}\n    ${v.helpUrl}`);
    }
  };
  report('', await runAxe(page, { runOnly: { type: 'tag', values: TAGS }, resultTypes: ['violations'] }));
  if (dark) {
    await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    // Let style changes (and any colour transitions) settle before measuring.
    await page.addStyleTag({ content: '*,*::before,*::after{transition:none!important;animation:none!important}' });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    report(' (dark)', await runAxe(page, {
      runOnly: { type: 'rule', values: ['color-contrast'] },
      resultTypes: ['violations'],
    }));
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  }
  return findings;
}

/** Checks one page; returns a list of printable findings. */
async function checkPage(page, url, opts) {
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  const resp = await page.goto(url, { waitUntil: 'load', timeout: 30000 });
  if (!resp || !resp.ok()) {
    return [`page did not load (HTTP ${resp ? resp.status() : 'no response'})`];
  }
  // A sample page: the first of its kind (body class) and language.
  const kind = await page.evaluate(() => `${document.documentElement.lang} ${document.body?.className ?? ''}`);
  const sample = !opts.seen.has(kind);
  opts.seen.add(kind);
  return axeFindings(page, { dark: opts.dark && (sample || !opts.darkSample) });
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const root = path.resolve(opts.dir);
  const all = await htmlFiles(root);
  const pages = [];
  for (const rel of all) {
    if (!(await isRedirect(path.join(root, rel)))) pages.push(rel);
  }
  const chosen = pages.slice(0, opts.limit);
  console.log(`axe: checking ${chosen.length} of ${pages.length} pages ` +
    `(${all.length - pages.length} redirects skipped)` +
    `${opts.dark ? (opts.darkSample ? ', light, and dark on the first of each kind' : ', light and dark') : ''}`);
  if (chosen.length === 0) {
    console.log('axe: 0 passed, 1 failed');
    console.error(`axe: no HTML pages under ${root}`);
    process.exit(1);
  }

  const { server, origin } = await serveDir(root, { scripts: AXE_SCRIPTS });
  let browser;
  try {
    browser = await launchBrowser();
  } catch (err) {
    server.close();
    console.error(`axe: could not start Chromium: ${err.message}`);
    process.exit(2);
  }
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Only the portal's own files: what Firefly publishes is checked, never a third-party
  // script (/admin/ loads its CMS from elsewhere; blocked, it shows its own message).
  await context.route((url) => url.origin !== origin, (route) => route.abort());
  // runAxe injects axe into each page it audits (the portal has no frames); an init script
  // in every document would cost a third of each visit.
  const tabs = await Promise.all(
    Array.from({ length: Math.min(opts.jobs, chosen.length) }, () => context.newPage()));
  let passed = 0;
  let failed = 0;
  const started = Date.now();
  await pool(chosen, tabs.length, async (rel, _i, slot) => {
    const url = origin + urlPath(rel);
    let findings;
    try {
      findings = await checkPage(tabs[slot], url, opts);
    } catch (err) {
      findings = [`check failed: ${err.message.split('\n')[0]}`];
      tabs[slot] = await context.newPage(); // a crashed tab is replaced
    }
    if (findings.length === 0) {
      passed++;
    } else {
      failed++;
      for (const f of findings) console.log(`FAIL ${urlPath(rel)} ${f}`);
    }
  });
  await browser.close();
  server.close();
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`axe: ${chosen.length} pages in ${secs} s`);
  console.log(`axe: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err) => {
    console.error(`axe: ${err.stack || err}`);
    process.exit(2);
  });
}
