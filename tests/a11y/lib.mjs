// Shared helpers of the browser checks: a static file server for a built
// portal, the list of its pages, and Debian's Chromium through playwright-core.
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

/** Content types of the files a portal publishes. */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
};

/** HTML text with its character references (the ones the generator writes) resolved. */
export function decodeEntities(s) {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

/** Text folded as the site search folds it (case, width, diacritics, đ), to compare with. */
export function fold(s) {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\u0111/g, 'd')
    .normalize('NFC')
    .toLowerCase();
}

/** The Content-Type header for a file name. */
export function contentType(file) {
  const name = file.toLowerCase();
  if (name.endsWith('/sha256sums')) return 'text/plain; charset=utf-8';
  return TYPES[path.extname(name)] ?? 'application/octet-stream';
}

async function statOrNull(p) {
  try {
    return await stat(p);
  } catch {
    return null;
  }
}

/**
 * Serves `root` on 127.0.0.1 at a free port (text gzip-compressed with `gzip`; a single byte
 * range answered unless `ranges` is false); resolves to {server, origin}. `scripts` maps
 * site paths outside the portal's (such as axe.mjs's AXE_PATH) to JavaScript served with a
 * day's caching, so that Chromium compiles a script every page loads once, not on each page.
 */
export async function serveDir(root, { gzip = false, ranges = true, scripts = {} } = {}) {
  root = path.resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      if (Object.hasOwn(scripts, url.pathname)) {
        res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'max-age=86400' });
        res.end(req.method === 'HEAD' ? undefined : scripts[url.pathname]);
        return;
      }
      let rel;
      try {
        rel = decodeURIComponent(url.pathname);
      } catch {
        res.writeHead(400).end('bad request');
        return;
      }
      let file = path.join(root, path.normalize(rel));
      if (file !== root && !file.startsWith(root + path.sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      let st = await statOrNull(file);
      if (st?.isDirectory()) {
        if (!url.pathname.endsWith('/')) {
          res.writeHead(301, { Location: url.pathname + '/' + url.search }).end();
          return;
        }
        file = path.join(file, 'index.html');
        st = await statOrNull(file);
      }
      if (!st?.isFile()) {
        const notFound = path.join(root, '404.html');
        const body = (await statOrNull(notFound))?.isFile()
          ? await readFile(notFound)
          : Buffer.from('not found');
        res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
      const type = contentType(file);
      if (gzip && /gzip/.test(req.headers['accept-encoding'] || '') && /text|json|javascript|xml|svg/.test(type)) {
        // As a static host serves text: compressed (gzip -6).
        const body = gzipSync(await readFile(file), { level: 6 });
        res.writeHead(200, { 'Content-Type': type, 'Content-Encoding': 'gzip', 'Content-Length': body.length });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
      // One byte range, as static hosts answer it (the search page reads its results' texts so).
      const range = ranges && /^bytes=(\d+)-(\d+)$/.exec(req.headers.range || '');
      if (range && Number(range[1]) <= Number(range[2]) && Number(range[1]) < st.size) {
        const first = Number(range[1]);
        const last = Math.min(Number(range[2]), st.size - 1);
        res.writeHead(206, {
          'Content-Type': type,
          'Content-Length': last - first + 1,
          'Content-Range': `bytes ${first}-${last}/${st.size}`,
        });
        if (req.method === 'HEAD') res.end();
        else createReadStream(file, { start: first, end: last }).pipe(res);
        return;
      }
      res.writeHead(200, { 'Content-Type': type, 'Content-Length': st.size, 'Accept-Ranges': 'bytes' });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

/** Every .html file under root, sorted, as paths relative to root. */
export async function htmlFiles(root) {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.html'))
    .map((e) => path.relative(root, path.join(e.parentPath ?? e.path, e.name)))
    .map((p) => p.split(path.sep).join('/'))
    .sort();
}

/** True when an HTML file is only a redirect (meta refresh). */
export async function isRedirect(file) {
  const text = await readFile(file, 'utf8');
  return /http-equiv\s*=\s*["']?refresh/i.test(text);
}

/** The site path a file is served at: /a/b/ for a/b/index.html. */
export function urlPath(rel) {
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return '/' + rel.slice(0, -'index.html'.length);
  return '/' + rel;
}

/** Chromium command-line flags: no sandbox (root in CI), no network chatter. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Debian's Chromium (or $CHROMIUM_PATH); never downloads a browser. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** Thrown by withDeadline when the work did not finish in time. */
export class DeadlineError extends Error {}

/**
 * Resolves as `work` does, or rejects with a DeadlineError after `ms` milliseconds: a tab
 * that stops answering (Chromium has been seen to hang at 2% CPU) fails one check instead
 * of holding the whole run until CI's time is up.
 */
export function withDeadline(work, ms, what) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`${what} did not finish in ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** Runs `worker(item, index, slot)` over items, at most `n` at a time (slot 0..n-1). */
export async function pool(items, n, worker) {
  let next = 0;
  const run = async (slot) => {
    while (next < items.length) {
      const i = next++;
      await worker(items[i], i, slot);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, (_, slot) => run(slot)));
}

// A small one-language site of dated stories, built with `firefly` into a temporary folder
// named after `name`: `siteYaml` is its site.yaml, `indexTitle` its home page's title and
// `stories` maps each story's file name to {title, date, text}. Returns {work, out}: the
// caller removes `work` when done.
export function buildStorySite(firefly, name, siteYaml, indexTitle, stories) {
  const work = mkdtempSync(path.join(tmpdir(), `firefly-${name}-`));
  const site = path.join(work, 'site');
  const out = path.join(work, 'out');
  mkdirSync(path.join(site, 'content', 'stories'), { recursive: true });
  writeFileSync(path.join(site, 'site.yaml'), siteYaml);
  writeFileSync(path.join(site, 'content', '_index.md'), `---\ntitle: ${indexTitle}\n---\n`);
  for (const [file, { title, date, text }] of Object.entries(stories)) {
    writeFileSync(
      path.join(site, 'content', 'stories', `${file}.md`),
      `---\ntitle: ${title}\ndate: ${date}\n---\n\n${text}\n`,
    );
  }
  execFileSync(firefly, ['build', '--site', site, '--out', out, '--quiet'], { stdio: 'ignore' });
  return { work, out };
}

// The last part of the address of each result the search page lists, in order.
export function listedResults(page) {
  return page.$$eval('#search-results ol.search-hits li h3 a', (as) =>
    as.map((a) => new URL(a.href).pathname.split('/').filter(Boolean).pop()),
  );
}

// Runs `check(page, origin, query)` for each entry of `queries` (its first item the query
// text) in a new tab of Debian's Chromium over the site built at `site.out`: `check` says
// "ok …" or what is wrong. Prints a line for each, then "NAME: N passed, M failed"
// (counting `tally`'s checks made before), removes `site.work` and exits 1 when any failed.
export async function runQueryChecks(name, site, queries, check, tally = { passed: 0, failed: 0 }) {
  const { server, origin } = await serveDir(site.out);
  const browser = await launchBrowser();
  try {
    for (const query of queries) {
      const page = await browser.newPage();
      const problem = await check(page, origin, query);
      const ok = problem.startsWith('ok');
      if (ok) tally.passed++;
      else tally.failed++;
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${query[0]}: ${problem}`);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
    rmSync(site.work, { recursive: true, force: true });
  }
  console.log(`${name}: ${tally.passed} passed, ${tally.failed} failed`);
  process.exit(tally.failed ? 1 : 0);
}

/**
 * Waits until the listed results' texts are read (the list's data-excerpts is "done"): the
 * status says the count only then for a query with a CJK run of three or more ("searching"
 * before, with the results already listed).
 */
export async function resultsSettled(page) {
  await page.waitForFunction(() => {
    const list = document.querySelector('#search-results ol.search-hits');
    return !list || list.getAttribute('data-excerpts') === 'done';
  }, null, { timeout: 20000 });
}
