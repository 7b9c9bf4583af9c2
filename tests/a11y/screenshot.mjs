// Takes full-page screenshots of pages of a built portal, for people to look at.
//
// Usage: node tests/a11y/screenshot.mjs PUBLIC_DIR OUT_DIR [--dark] [--widths 320,390,1280]
//          [--text-size normal|large|larger] [--forced-colors] [--first-screen] [--height H]
//          [--open-header] PATH...
//   e.g. node tests/a11y/screenshot.mjs public /tmp/shots / /en/ /data/awards/ '/search/?q=志工'
// A PATH may carry a query; the picture is taken once the page has loaded what its script
// fetches (the search index, for the results of a query).
// Writes OUT_DIR/<name>-1280.png and OUT_DIR/<name>-375.png for each PATH (or one per
// --widths), where <name> is the path with slashes turned into dashes ("home" for /);
// with --dark also <name>-<width>-dark.png (prefers-color-scheme: dark); with --text-size
// the page is shown at that setting of the display settings (the name gets -<size>); with
// --forced-colors in forced-colours emulation, as Windows high contrast (-forced); with
// --first-screen only what the window shows before scrolling (-screen; 812 px high on a phone,
// 900 on a wider window, or --height H); with --open-header the header's folds are open (-open). Each file is printed with where the header ends (px).
// Exits 1 when a page does not load, 2 on bad usage.
import { mkdirSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, serveDir } from './lib.mjs';

const WIDTHS = [1280, 375];

/** The file name stem for a site path: "/en/stories/" -> "en-stories", "/search/?q=a" -> "search-q-a". */
export function shotName(p) {
  const stem = p.replace(/[?#=&]+/g, '/').replace(/index\.html$/, '').replace(/\.html$/, '')
    .split('/').filter(Boolean).join('-').replace(/[^\p{L}\p{N}._-]/gu, '_');
  return stem || 'home';
}

async function main() {
  const args = process.argv.slice(2);
  const dark = args.includes('--dark');
  const forced = args.includes('--forced-colors');
  const firstScreen = args.includes('--first-screen');
  const openFolds = args.includes('--open-header');
  const option = (name) => {
    const at = args.indexOf(name);
    if (at < 0) return null;
    const [value] = args.splice(at, 2).slice(1);
    return value ?? '';
  };
  const widthsArg = option('--widths');
  const size = option('--text-size') ?? 'normal';
  const heightArg = option('--height');
  const widths = widthsArg ? widthsArg.split(',').map(Number) : WIDTHS;
  const [dir, out, ...paths] = args.filter((a) => !['--dark', '--forced-colors', '--first-screen', '--open-header'].includes(a));
  if (!dir || !out || paths.length === 0 || widths.some((w) => !(w > 0)) ||
      (heightArg !== null && !(Number(heightArg) > 0)) ||
      !['normal', 'large', 'larger'].includes(size)) {
    console.error('usage: node screenshot.mjs PUBLIC_DIR OUT_DIR [--dark] [--widths W,...] ' +
      '[--text-size normal|large|larger] [--forced-colors] [--first-screen] [--height H] [--open-header] PATH...');
    process.exit(2);
  }
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    console.error(`screenshot: ${dir} is not a directory`);
    process.exit(2);
  }
  mkdirSync(out, { recursive: true });
  const { server, origin } = await serveDir(dir);
  const browser = await launchBrowser();
  let failed = 0;
  try {
    for (const scheme of dark ? ['light', 'dark'] : ['light']) {
      for (const width of widths) {
        const context = await browser.newContext({
          viewport: { width, height: heightArg ? Number(heightArg) : width > 600 ? 900 : 812 },
          colorScheme: scheme,
          forcedColors: forced ? 'active' : 'none',
        });
        const page = await context.newPage();
        for (const p of paths) {
          const sitePath = p.startsWith('/') ? p : '/' + p;
          const resp = await page.goto(origin + sitePath, { waitUntil: 'networkidle' });
          if (!resp || !resp.ok()) {
            console.error(`screenshot: ${sitePath}: HTTP ${resp ? resp.status() : 'no response'}`);
            failed++;
            continue;
          }
          if (size !== 'normal') {
            // The setting as the reader picks it in the display settings.
            await page.evaluate((s) => {
              const input = document.getElementById(`ff-ts-${s}`);
              input.checked = true;
              input.dispatchEvent(new Event('change', { bubbles: true }));
            }, size);
          }
          // The header's folds (language links, menu and display settings) as a reader opens them.
          if (openFolds) await page.evaluate(() => {
            for (const d of document.querySelectorAll('header details')) d.open = true;
          });
          // A full-page picture shows every image: lazy ones are loaded first.
          await page.evaluate(() => Promise.all([...document.images].map((img) => {
            img.loading = 'eager';
            return img.complete ? null : new Promise((done) => {
              img.addEventListener('load', done);
              img.addEventListener('error', done);
            });
          })));
          const suffix = (size === 'normal' ? '' : `-${size}`) + (scheme === 'dark' ? '-dark' : '') +
            (forced ? '-forced' : '') + (openFolds ? '-open' : '') + (firstScreen ? '-screen' : '');
          const file = path.join(out, `${shotName(sitePath)}-${width}${suffix}.png`);
          await page.screenshot({ path: file, fullPage: !firstScreen });
          // Where the header ends, to compare with the window's height.
          const header = await page.evaluate(() => {
            const h = document.querySelector('body > header, .site-header');
            return h ? Math.round(h.getBoundingClientRect().bottom + window.scrollY) : 0;
          });
          console.log(`${file}\theader ${header} px`);
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(`screenshot: ${err.stack || err}`);
  process.exit(2);
});
