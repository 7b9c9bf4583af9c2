// End-to-end test of /admin/: a copy of the sample portal built with `--cms-local`, Decap
// CMS (its script from this folder's npm packages, nothing downloaded) editing that copy
// through its local backend (decap-server, no login), in Debian's Chromium. Through the
// editor: a story in zh-TW and its English translation, a program picked from the
// relation list, an image uploaded with its text alternative, and the same image chosen
// from the media library in the English pane with its English text; saved. Then the files
// in content/ and static/images/ and their front matter are checked, and `firefly check`
// must pass on the result without a warning about the new story (the empty files Decap
// writes for the other languages are listed as not translated).
//
// usage: node tests/cms/editor.mjs FIREFLY PORTAL_DIR
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import YAML from 'yaml';
const parseYaml = (text) => YAML.parse(text);

const here = path.dirname(fileURLToPath(import.meta.url));
const [firefly, portal] = process.argv.slice(2).map((p) => path.resolve(p));
const work = mkdtempSync(path.join(tmpdir(), 'firefly-cms-'));
const site = path.join(work, 'site');
const pub = path.join(work, 'public');
const dist = path.join(here, 'node_modules', 'decap-cms', 'dist');
const SLUG = 'cms-editor-test';
const children = [];
let browser;

function fail(message) {
  throw new Error(message);
}

async function cleanup() {
  if (browser) await browser.close().catch(() => {});
  for (const c of children) c.kill('SIGKILL');
  if (!process.env.FIREFLY_KEEP) rmSync(work, { recursive: true, force: true });
}

/** Runs FIREFLY with args; resolves to {status, out}. */
function run(args) {
  const r = spawnSync(firefly, args, { encoding: 'utf8', timeout: 60000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** A free port of 127.0.0.1. */
function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Serves the built site, with Decap's script files at /admin/. */
function serve(port) {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.yml': 'text/yaml',
    '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };
  const server = createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const name = path.basename(rel);
    let file = path.join(pub, path.normalize(rel));
    if (rel.startsWith('/admin/') && name.endsWith('decap-cms.js')) file = path.join(dist, name);
    if (!file.startsWith(pub) && !file.startsWith(dist)) file = '';
    if (!file || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

/** Waits until decap-server answers on `port`. */
async function waitForProxy(port, proc) {
  for (let i = 0; i < 100; i++) {
    if (proc.exitCode !== null) fail(`decap-server exited (${proc.exitCode})`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/v1`, { method: 'POST',
        headers: { 'content-type': 'application/json' }, body: '{"action":"info"}' });
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  fail('decap-server did not answer within 10 s');
}

/** The front matter of a content file, parsed. */
function frontMatter(file) {
  const text = readFileSync(file, 'utf8');
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!m) fail(`${file}: no front matter:\n${text}`);
  return { data: parseYaml(m[1]), body: m[2], text };
}

async function main() {
  // The copy of the portal, its editor script served beside /admin/.
  mkdirCopy();
  const b = run(['build', '--site', site, '--out', pub, '--quiet', '--cms-local']);
  if (b.status !== 0) fail(`build failed:\n${b.out}`);
  const config = readFileSync(path.join(pub, 'admin', 'config.yml'), 'utf8');
  if (!config.includes('"local_backend": true')) fail('config.yml has no local_backend');

  const proxyPort = await freePort();
  const proxy = spawn(process.execPath, [path.join(here, 'node_modules', 'decap-server', 'dist', 'index.js')], {
    env: { ...process.env, PORT: String(proxyPort), GIT_REPO_DIRECTORY: site, MODE: 'fs', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.push(proxy);
  await waitForProxy(proxyPort, proxy);
  const webPort = await freePort();
  const server = await serve(webPort);

  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.setDefaultTimeout(90000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // Decap's local backend is at localhost:8081; this run's decap-server is elsewhere.
  // The editor may still be polling when the test ends and the browser closes; a request
  // cut off then is not a failure of the editor.
  await page.route('http://localhost:8081/**', async (route) => {
    const url = route.request().url().replace('localhost:8081', `127.0.0.1:${proxyPort}`);
    try {
      const response = await route.fetch({ url });
      await route.fulfill({ response });
    } catch (e) {
      if (!page.isClosed()) await route.abort().catch(() => {});
    }
  });
  // No network beyond the two local servers.
  await page.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());

  await page.goto(`http://127.0.0.1:${webPort}/admin/`, { waitUntil: 'domcontentloaded' });
  await page.getByRole('button', { name: /login/i }).click();
  await page.goto(`http://127.0.0.1:${webPort}/admin/#/collections/stories/new`);
  await editStory(page);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  server.close();
  if (errors.length) console.log(`page errors (not fatal):\n${errors.join('\n')}`);
  checkFiles();
}

function mkdirCopy() {
  for (const f of ['site.yaml', 'content', 'data', 'static', 'i18n', 'themes']) {
    if (existsSync(path.join(portal, f))) cpSync(path.join(portal, f), path.join(site, f), { recursive: true });
  }
  const yaml = readFileSync(path.join(site, 'site.yaml'), 'utf8');
  if (!/^cms:/m.test(yaml)) fail('the sample portal has no cms: block');
  writeFileSync(path.join(site, 'site.yaml'), `${yaml.replace(/^cms:[\s\S]*$/m, '')}cms:\n  backend: github\n  repo: tainan-labor/portal\n  script: decap-cms.js\n`);
}

/** A 2 x 2 PNG, the photo uploaded through the editor. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGM44KAARAwQCgAiDgSBEZgp1QAAAABJRU5ErkJggg==',
  'base64');
const STORY = {
  zh: { title: '長青志工的新故事', alt: '志工在教室裡教長者使用手機。', body: '這是從瀏覽器寫的故事。' },
  en: {
    title: 'A new story of older volunteers',
    alt: 'A volunteer teaching older people to use a phone in a classroom.',
    body: 'This story was written in the browser.',
  },
  date: '2026-11-20',
  program: 'employment',
};

/** The `nth` (0: zh-TW, 1: English) input of a field, by the id Decap gives it. */
function input(page, name, nth) {
  return page.locator(`[id^="${name}-field-"]`).nth(nth);
}

async function editStory(page) {
  await input(page, 'title', 0).waitFor();
  await input(page, 'title', 0).fill(STORY.zh.title);
  await input(page, 'date', 0).fill(STORY.date);
  // The relation list: the program's title, then its entry in the list.
  const programTitle = frontMatter(path.join(site, 'content', 'programs', `${STORY.program}.zh-TW.md`)).data.title;
  await input(page, 'program', 0).click();
  await input(page, 'program', 0).pressSequentially(programTitle.slice(0, 2));
  await page.locator('[id*="-option-"]', { hasText: programTitle }).first().click();
  // An image: uploaded through the media library, then chosen; its text alternative.
  await page.getByRole('button', { name: /add images/i }).nth(0).click();
  await page.getByRole('button', { name: 'Choose an image' }).nth(0).click();
  const png = path.join(work, 'cms-test-photo.png');
  writeFileSync(png, PNG);
  await page.locator('input[type="file"]').setInputFiles(png);
  await page.getByRole('button', { name: /choose selected/i }).click();
  await input(page, 'alt', 0).fill(STORY.zh.alt);
  await page.locator('[contenteditable="true"]').nth(0).click();
  await page.keyboard.insertText(STORY.zh.body);
  // The English translation, in the editor's second pane.
  await input(page, 'title', 1).fill(STORY.en.title);
  // Its own image: the file uploaded above, chosen from the media library, described in
  // English.
  await page.getByRole('button', { name: /add images/i }).last().click();
  await page.getByRole('button', { name: 'Choose an image' }).last().click();
  await page.getByText('cms-test-photo.png', { exact: true }).first().click();
  await page.getByRole('button', { name: /choose selected/i }).click();
  await input(page, 'alt', 1).fill(STORY.en.alt);
  await page.locator('[contenteditable="true"]').nth(1).click();
  await page.keyboard.insertText(STORY.en.body);
  // Save (no pull request on a local checkout: "Publish now" writes the files).
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByText('Publish now', { exact: true }).click();
  const zh = storyFile('zh-TW');
  const en = storyFile('en');
  // Written completely: both files end their front matter (decap-server writes in steps).
  const written = (file) => file && /^---\n[\s\S]*\n---\n/.test(readFileSync(file, 'utf8'));
  for (let i = 0; i < 300 && !(written(zh()) && written(en())); i++) await page.waitForTimeout(100);
  if (!written(zh()) || !written(en())) fail('the editor saved no story in content/stories/');
  await page.waitForTimeout(500);  // and the other languages' files, if any
}

/** A function returning the new story's file in `lang`, once there is one. */
function storyFile(lang) {
  return () => {
    const dir = path.join(site, 'content', 'stories');
    const known = new Set(readdirSync(path.join(portal, 'content', 'stories')));
    const name = readdirSync(dir).find((f) => f.endsWith(`.${lang}.md`) && !known.has(f));
    return name ? path.join(dir, name) : null;
  };
}

function expectEqual(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) fail(`${what}: ${a}, expected ${e}`);
}

function checkFiles() {
  const zhFile = storyFile('zh-TW')();
  const enFile = storyFile('en')();
  const slug = path.basename(zhFile).slice(0, -'.zh-TW.md'.length);
  expectEqual(path.basename(enFile), `${slug}.en.md`, 'the translation\'s file');
  const zh = frontMatter(zhFile);
  const en = frontMatter(enFile);
  const image = readdirSync(path.join(site, 'static', 'images')).filter((f) => f.endsWith('.png'));
  expectEqual(image, ['cms-test-photo.png'], 'uploaded images in static/images/');
  expectEqual(readFileSync(path.join(site, 'static', 'images', image[0])).equals(PNG), true, 'the uploaded bytes');
  for (const [lang, fm] of [['zh', zh], ['en', en]]) {
    const d = fm.data;
    expectEqual(d.title, STORY[lang].title, `${lang} title`);
    expectEqual(String(d.date instanceof Date ? d.date.toISOString().slice(0, 10) : d.date), STORY.date, `${lang} date`);
    expectEqual(d.program, STORY.program, `${lang} program`);
    // A translation's images are its own (chosen in its pane, with alt text in its language).
    const images = [['/images/cms-test-photo.png', STORY[lang].alt]];
    expectEqual(d.images?.map((i) => [i.src, i.alt]), images, `${lang} images`);
    expectEqual(fm.body.trim(), STORY[lang].body, `${lang} body`);
  }
  const c = run(['check', '--site', site]);
  if (c.status !== 0) fail(`firefly check fails on the saved story:\n${c.out}`);
  // The files Decap wrote for the languages nobody translated (no title, no text) are no
  // warning: check lists each among the pages not translated yet.
  const lines = c.out.split('\n');
  if (lines.some((l) => l.startsWith(`content/stories/${slug}.`) && l.includes(': warning: '))) {
    fail(`firefly check warns about the saved story:\n${c.out}`);
  }
  const dir = path.join(site, 'content', 'stories');
  const empty = readdirSync(dir).filter((f) => f.startsWith(`${slug}.`) && f !== `${slug}.zh-TW.md` && f !== `${slug}.en.md`);
  for (const f of empty) {
    const line = `${f.split('.').at(-2)}: content/stories/${slug}.zh-TW.md is not translated (content/stories/${f} is empty)`;
    if (!lines.includes(line)) fail(`firefly check does not list ${f}:\n${c.out}`);
  }
  console.log(`saved ${path.relative(site, zhFile)} and ${path.basename(enFile)} (${empty.length} empty translations); firefly check passes`);
}

try {
  await main();
  console.log('cms editor: ok');
} catch (e) {
  console.error(`FAIL: ${e.message}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
