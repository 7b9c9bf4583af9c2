// The header on a phone with the largest text: it may fill at most a third of the first
// screen, so that the page's own content starts well within it.
//
// Usage: node tests/a11y/header.mjs PUBLIC_DIR [--max FRACTION] [PATH...]
//   Without PATHs: the first page (in path order) of each kind (<body class>) and language.
// Each page is opened at 390 x 844 CSS px, the largest text size is chosen as the display
// settings choose it, and the header's bottom edge is measured; --max is the fraction of
// the screen's height allowed (default 1/3). The header's folds are measured as the
// markup leaves them (closed).
// Prints a line per page over the limit, then `header: N passed, M failed`; exits 0 when
// every page is within it, 1 when one is not, 2 when it could not run.
import { readFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { htmlFiles, isRedirect, launchBrowser, serveDir, urlPath } from './lib.mjs';

const SCREEN = { width: 390, height: 844 };

/** The first page of each kind and language, from the markup itself. */
async function samplePages(dir) {
  const seen = new Set();
  const picked = [];
  for (const rel of await htmlFiles(dir)) {
    const file = path.join(dir, rel);
    if (await isRedirect(file)) continue;
    const html = await readFile(file, 'utf8');
    const kind = (html.match(/<body class="([^"]*)"/) || [])[1];
    const lang = (html.match(/<html lang="([^"]*)"/) || [])[1];
    if (kind === undefined || lang === undefined) continue;
    const key = `${kind.split(' ')[0]} ${lang}`;
    if (seen.has(key)) continue;
    seen.add(key);
    picked.push(urlPath(rel));
  }
  return picked;
}

async function main() {
  const args = process.argv.slice(2);
  let max = 1 / 3;
  const at = args.indexOf('--max');
  if (at >= 0) max = Number(args.splice(at, 2)[1]);
  const [dir, ...given] = args;
  if (!dir || !(max > 0 && max <= 1) || given.some((p) => p.startsWith('--'))) {
    console.error('usage: node header.mjs PUBLIC_DIR [--max FRACTION] [PATH...]');
    process.exit(2);
  }
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    console.error(`header: ${dir} is not a directory`);
    process.exit(2);
  }
  const paths = given.length ? given : await samplePages(dir);
  const { server, origin } = await serveDir(dir);
  const browser = await launchBrowser();
  let passed = 0;
  let failed = 0;
  try {
    const context = await browser.newContext({ viewport: SCREEN });
    const page = await context.newPage();
    for (const p of paths) {
      const resp = await page.goto(origin + p, { waitUntil: 'load' });
      if (!resp || !resp.ok()) {
        console.log(`${p}: HTTP ${resp ? resp.status() : 'no response'}`);
        failed++;
        continue;
      }
      const bottom = await page.evaluate(async () => {
        const radio = document.getElementById('ff-ts-larger');
        if (radio) {
          radio.checked = true;
          radio.dispatchEvent(new Event('change', { bubbles: true }));
        } else {
          document.documentElement.classList.add('ff-ts-larger');
        }
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        const header = document.querySelector('body > header, .site-header');
        return header ? header.getBoundingClientRect().bottom + window.scrollY : 0;
      });
      if (bottom > SCREEN.height * max) {
        console.log(`${p}: with the largest text the header fills ${Math.round(bottom)} px of a ` +
          `${SCREEN.width} x ${SCREEN.height} screen (at most ${Math.floor(SCREEN.height * max)})`);
        failed++;
      } else passed++;
    }
    await context.close();
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`header: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(`header: ${err.stack || err}`);
  process.exit(2);
});
