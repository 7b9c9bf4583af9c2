// Self-tests of the browser and HTML checkers on the hand-made fixture portal
// (tests/e2e/make_fixture.py): a correct portal passes, a broken one fails.
// Run: node --test tests/a11y/   (needs Chromium and Java)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DeadlineError, contentType, htmlFiles, serveDir, urlPath, withDeadline } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
let tmp;
let good;
let broken;

function edit(file, from, to) {
  const text = readFileSync(file, 'utf8');
  assert.ok(text.includes(from), `fixture changed: ${from} not in ${file}`);
  writeFileSync(file, text.replace(from, to));
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', cwd: here });
  return { code: r.status, out: (r.stdout ?? '') + (r.stderr ?? '') };
}

before(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'a11y-fixture-'));
  good = path.join(tmp, 'good');
  execFileSync('/usr/bin/python3', [path.join(here, '../e2e/make_fixture.py'), good]);
  broken = path.join(tmp, 'broken');
  cpSync(good, broken, { recursive: true });
  // Invalid HTML, a missing alt, no lang, and text unreadable in dark mode.
  edit(path.join(broken, 'stories/index.html'), '<main id="main">', '<main id="main"><p><div></p>');
  edit(path.join(broken, 'index.html'), '<img src="/images/dot.svg" alt="">',
    '<img src="/images/dot.svg">');
  edit(path.join(broken, 'en/index.html'), '<html lang="en">', '<html>');
  edit(path.join(broken, 'assets/style.0123abcd.css'), 'body{background:#111;color:#eee}',
    'body{background:#111;color:#333}');
  writeFileSync(path.join(broken, 'images/bad.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><p>');
});

after(() => rmSync(tmp, { recursive: true, force: true }));

/** Writes each of `files` (a path under `dir` -> its HTML) with its folders. */
function writePages(dir, files) {
  for (const [rel, html] of Object.entries(files)) {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, html);
  }
}

test('server: index for directories, redirects, 404 page, types, no escape', async () => {
  const { server, origin } = await serveDir(good);
  try {
    let r = await fetch(origin + '/stories/');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /^text\/html/);
    assert.match(await r.text(), /<h1>故事<\/h1>/);
    r = await fetch(origin + '/stories', { redirect: 'manual' });
    assert.equal(r.status, 301);
    assert.equal(r.headers.get('location'), '/stories/');
    r = await fetch(origin + '/nope/');
    assert.equal(r.status, 404);
    assert.match(await r.text(), /找不到網頁/);
    r = await fetch(origin + '/images/dot.svg');
    assert.equal(r.headers.get('content-type'), 'image/svg+xml');
    r = await fetch(origin + '/%2e%2e/%2e%2e/etc/passwd');
    assert.notEqual(r.status, 200);
  } finally {
    server.close();
  }
  assert.equal(contentType('/x/feed.xml'), 'application/xml; charset=utf-8');
  assert.equal(contentType('/data/awards.csv'), 'text/csv; charset=utf-8');
});

test('withDeadline: a check that never ends fails in time; one that ends passes', async () => {
  const never = new Promise(() => {});
  await assert.rejects(withDeadline(never, 50, 'the check'),
    (err) => err instanceof DeadlineError && err.message === 'the check did not finish in 0.05 s');
  assert.equal(await withDeadline(Promise.resolve(7), 50, 'the check'), 7);
  await assert.rejects(withDeadline(Promise.reject(new Error('boom')), 50, 'the check'),
    (err) => !(err instanceof DeadlineError) && err.message === 'boom');
});

test('page list and URLs', async () => {
  const files = await htmlFiles(good);
  assert.ok(files.includes('en/stories/roses/index.html'));
  assert.ok(files.includes('404.html'));
  assert.equal(urlPath('index.html'), '/');
  assert.equal(urlPath('en/stories/roses/index.html'), '/en/stories/roses/');
  assert.equal(urlPath('404.html'), '/404.html');
});

test('vnu: clean fixture passes, invalid HTML fails, SVG is not checked', () => {
  let r = run('bash', ['vnu.sh', good]);
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, /^vnu: 11 passed, 0 failed$/m);
  r = run('bash', ['vnu.sh', broken]);
  assert.equal(r.code, 1, r.out);
  assert.match(r.out, /^stories\/index\.html:\d+\.\d+-\d+\.\d+: error: /m);
  assert.doesNotMatch(r.out, /bad\.svg/);
  assert.match(r.out, /^index\.html:\d+\.\d+-\d+\.\d+: error: An “img” element must have an “alt”/m);
  assert.match(r.out, /^vnu: 9 passed, 2 failed$/m);
});

test('axe: clean fixture passes; violations, in light and dark, fail', () => {
  let r = run(process.execPath, ['axe.mjs', good]);
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, /^axe: 10 passed, 0 failed$/m);
  assert.match(r.out, /1 redirects skipped/);
  r = run(process.execPath, ['axe.mjs', broken]);
  assert.equal(r.code, 1, r.out);
  assert.match(r.out, /^FAIL \/ image-alt \[critical\]/m);
  assert.match(r.out, /^FAIL \/en\/ html-has-lang/m);
  assert.match(r.out, /^FAIL \/stories\/ color-contrast \[serious\] \(dark\)/m);
  assert.match(r.out, /^axe: 0 passed, 10 failed$/m);
  const darkEverywhere = r.out.match(/\(dark\)/g).length;
  // Dark only on the first page of each kind and language: fewer pages, the same finding.
  r = run(process.execPath, ['axe.mjs', broken, '--dark-sample']);
  assert.match(r.out, /dark on the first of each kind/);
  assert.match(r.out, /^FAIL \S+ color-contrast \[serious\] \(dark\)/m);
  const darkSampled = r.out.match(/\(dark\)/g).length;
  assert.ok(darkSampled > 0 && darkSampled < darkEverywhere, `${darkSampled} of ${darkEverywhere}`);
  r = run(process.execPath, ['axe.mjs', broken, '--no-dark', '--limit', '4']);
  assert.match(r.out, /^axe: checking 4 of 10 pages/m);
  assert.doesNotMatch(r.out, /\(dark\)/);
});

test('checks: language of parts, aria-current, card images and theme English, right and wrong', () => {
  const dir = path.join(tmp, 'own');
  const page = (lang, body) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">` +
    `<title>t</title></head><body><main>${body}</main></body></html>`;
  const files = {
    // Right: Chinese in an English page inside lang, English content marked en on a
    // Chinese page, one aria-current for the page itself.
    'ok/index.html': page('en', '<p>Recipient: <span lang="zh-Hant-TW">臺南市勞工局</span></p>'),
    'ok-zh/index.html': page('zh-Hant-TW', '<p>說明：<span lang="en">You are here</span></p>' +
      '<nav aria-label="n"><a href="/ok-zh/" aria-current="page">這裡</a> <a href="/ok/">那裡</a></nav>'),
    // Right: a Markdown table's right-aligned column shown right-aligned under a rule for
    // every cell. Wrong: the same rule without the one for align.
    'align-ok/index.html': page('en', '<style>td{text-align:start}td[align=right]{text-align:right}' +
      '</style><table><tr><td>Year</td><td align="right">20</td></tr></table>'),
    'align-lost/index.html': page('en', '<style>td{text-align:start}</style>' +
      '<table><tr><td>Year</td><td align="right">20</td></tr></table>'),
    // Right: a site built with relative_urls links a folder's index.html file, the same page.
    'ok-rel/index.html': page('en', '<nav aria-label="n"><a href="../ok-rel/index.html" ' +
      'aria-current="page">Here</a> <a href="../ok/index.html">There</a></nav>'),
    // Wrong: untagged Chinese on an English page, a theme string on a Chinese page, two
    // current links in one navigation.
    'han/index.html': page('en', '<table><tr><td>臺南市勞工局</td></tr></table>'),
    'leak/index.html': page('zh-Hant-TW', '<p>You are here</p>'),
    'two/index.html': page('zh-Hant-TW', '<nav aria-label="n"><a href="/two/" aria-current="page">甲</a>' +
      '<a href="/ok/" aria-current="page">乙</a></nav>'),
    // Wrong: a footer's link marked current on another page.
    'foot/index.html': page('zh-Hant-TW', '<footer><ul><li><a href="/ok/" aria-current="page">無障礙</a>' +
      '</li></ul></footer>'),
    // Right: a card's image with alt="" beside its title link, a story's figure with alt
    // text. Wrong: a card image that repeats its title, a card linking twice to its page,
    // a story's figure without alt text.
    'card-ok/index.html': page('en', '<ul><li class="card"><h2 class="card-title"><a href="/s/">Roses</a></h2>' +
      '<img src="/r.svg" alt=""></li></ul><article class="entry"><figure class="figure">' +
      '<img src="/r.svg" alt="Two roses"></figure></article>'),
    'card-alt/index.html': page('en', '<ul><li class="card"><h2 class="card-title"><a href="/s/">Roses</a></h2>' +
      '<a href="/s/"><img src="/r.svg" alt="Two roses"></a></li></ul>'),
    'lead-empty/index.html': page('en', '<article class="entry"><figure class="figure">' +
      '<img src="/r.svg" alt=""></figure></article>'),
    'lead-decorative/index.html': page('en', '<article class="entry"><div class="figure figure-decorative">' +
      '<img src="/r.svg" alt=""></div></article>'),
  };
  writePages(dir, files);
  const r = run(process.execPath, ['checks.mjs', dir, '--no-alfa', '--no-layout']);
  assert.equal(r.code, 1, r.out);
  assert.doesNotMatch(r.out, /^FAIL \/ok/m);
  assert.doesNotMatch(r.out, /^FAIL \/card-ok\//m);
  assert.match(r.out, /^FAIL \/han\/ language of parts: Chinese text in lang="en" at .*td: "臺南市勞工局"/m);
  assert.match(r.out, /^FAIL \/leak\/ English theme text on a zh-Hant-TW page: "You are here"/m);
  assert.match(r.out, /^FAIL \/two\/ aria-current: 2 in the navigation "n"/m);
  assert.match(r.out, /^FAIL \/two\/ aria-current: "乙" in "n" marks \/ok\/, not this page \/two\//m);
  assert.match(r.out, /^FAIL \/foot\/ aria-current: "無障礙" in "main > footer" marks \/ok\/, not this page \/foot\//m);
  assert.match(r.out, /^FAIL \/card-alt\/ card image of "Roses" has alt text "Two roses", not alt=""$/m);
  assert.match(r.out, /^FAIL \/card-alt\/ card "Roses" links to \/s\/ more than once$/m);
  assert.match(r.out, /^FAIL \/lead-empty\/ the page's image \/r.svg has no alt text$/m);
  assert.doesNotMatch(r.out, /^FAIL \/lead-decorative\//m);
  assert.doesNotMatch(r.out, /^FAIL \/align-ok\//m);
  assert.match(r.out, /^FAIL \/align-lost\/ table cell "20" has align="right" but is shown left$/m);
  assert.match(r.out, /^checks: 6 passed, 7 failed$/m);
});

test('checks: a cell of long text squeezed in a table that scrolls sideways, right and wrong', () => {
  const dir = path.join(tmp, 'squeeze');
  const cells = '<td>修繕</td>' + '<td>第六屆臺灣健康城市暨高齡友善城市獎創新成果獎原表將兩獎合列於同一年</td>'.repeat(7);
  const page = (cellWidth) => '<!doctype html><html lang="zh-Hant-TW"><head><meta charset="utf-8">' +
    `<title>t</title><style>.table-wrap{overflow-x:auto}td{min-width:${cellWidth}}</style></head>` +
    `<body><main><div class="table-wrap"><table><tr>${cells}</tr></table></div></main></body></html>`;
  writePages(dir, { 'roomy/index.html': page('11em'), 'squeezed/index.html': page('4.5em') });
  const r = run(process.execPath, ['checks.mjs', dir, '--no-alfa']);
  assert.equal(r.code, 1, r.out);
  assert.doesNotMatch(r.out, /^FAIL \/roomy\//m);
  assert.match(r.out, /^FAIL \/squeezed\/ a table cell of 33 characters squeezed to \d+ px at \d+ px/m);
  assert.match(r.out, /^checks: 1 passed, 1 failed$/m);
});

test('checks: the caption of a table that scrolls sideways stays in its box, right and wrong', () => {
  const dir = path.join(tmp, 'caption');
  const cells = '<td>2025-01-01</td><td>123456789</td>'.repeat(8);
  const page = (captionStyle) => '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    '<title>t</title><style>.table-wrap{overflow-x:auto;container-type:inline-size}' +
    `caption{${captionStyle}}</style></head><body><main><div class="table-wrap"><table>` +
    '<caption>Workplace accidents by district and month (showing 5 of 10 rows)</caption>' +
    `<tr>${cells}</tr></table></div></main></body></html>`;
  const files = {
    'kept/index.html': page('position:sticky;left:0;max-width:100cqi'),
    'clipped/index.html': page(''),
  };
  writePages(dir, files);
  const r = run(process.execPath, ['checks.mjs', dir, '--no-alfa']);
  assert.equal(r.code, 1, r.out);
  assert.doesNotMatch(r.out, /^FAIL \/kept\//m);
  assert.match(r.out, /^FAIL \/clipped\/ a table's caption runs \d+ px past its box at \d+ px/m);
  assert.match(r.out, /^checks: 1 passed, 1 failed$/m);
});

test('checks: a telephone number broken over two lines, right and wrong', () => {
  const dir = path.join(tmp, 'phone');
  const page = (style) => '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    `<title>t</title><style>p{width:5em}${style}</style></head><body><main>` +
    '<p>Phone: <a href="tel:+886-6-000-0000">+886-6-000-0000</a></p></main></body></html>';
  const files = { 'whole/index.html': page('a[href^="tel:"]{white-space:nowrap}'), 'broken/index.html': page('') };
  writePages(dir, files);
  const r = run(process.execPath, ['checks.mjs', dir, '--no-alfa']);
  assert.equal(r.code, 1, r.out);
  assert.doesNotMatch(r.out, /^FAIL \/whole\//m);
  assert.match(r.out, /^FAIL \/broken\/ a telephone number broken over two lines at \d+ px[^"]*"\+886-6-000-0000"/m);
  assert.match(r.out, /^checks: 1 passed, 1 failed$/m);
});

test('checks: an e-mail address broken inside a name, right and wrong', () => {
  const dir = path.join(tmp, 'email');
  // The footer's address in a line narrower than it, as at 320 px with the largest text.
  const page = (address) => '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    '<title>t</title><style>p{width:9em;overflow-wrap:anywhere}</style></head><body><main>' +
    `<p>Email: <a href="mailto:labor@example.gov.tw">${address}</a></p></main></body></html>`;
  writePages(dir, {
    'at-dots/index.html': page('labor@<wbr>example<wbr>.gov<wbr>.tw'),
    'broken/index.html': page('labor@example.gov.tw'),
  });
  const r = run(process.execPath, ['checks.mjs', dir, '--no-alfa']);
  assert.equal(r.code, 1, r.out);
  assert.doesNotMatch(r.out, /^FAIL \/at-dots\//m);
  assert.match(r.out, /^FAIL \/broken\/ an e-mail address broken inside a name at \d+ px[^"]*"labor@example.gov.tw"/m);
  assert.match(r.out, /^checks: 1 passed, 1 failed$/m);
});

test('checks: a licence name broken at its hyphens, right and wrong', () => {
  const dir = path.join(tmp, 'licence');
  // The footer's licence id and a long licence title, in a line a little wider than the id.
  const page = (style, name) => '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    `<title>t</title><style>p{width:6.5em}${style}</style></head><body><main>` +
    `<p class="license">Licence: <a${name} href="https://creativecommons.org/licenses/by/4.0/">CC-BY-4.0</a></p>` +
    `<p>Licence: <span${name}>Open Government Data License, version 1.0</span></p></main></body></html>`;
  writePages(dir, {
    'whole/index.html': page('.license-name{display:inline-block;max-width:100%}', ' class="license-name"'),
    'broken/index.html': page('', ''),
  });
  const r = run(process.execPath, ['checks.mjs', dir, '--no-alfa']);
  assert.equal(r.code, 1, r.out);
  assert.doesNotMatch(r.out, /^FAIL \/whole\//m);
  assert.match(r.out, /^FAIL \/broken\/ a licence name broken at its hyphens at \d+ px[^"]*"CC-BY-4.0"/m);
  assert.match(r.out, /^checks: 1 passed, 1 failed$/m);
});

test('checks.mjs: Alfa, audited in worker threads, passes a sound page and names each failure', () => {
  const dir = path.join(tmp, 'alfa');
  const page = (body) => '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>' +
    `</head><body><main><h1>Title</h1>${body}</main></body></html>`;
  const files = {
    'ok/index.html': page('<p>Plain text.</p>'),
    'alt/index.html': page('<img src="/none.png">'),
    'contrast/index.html': page('<p style="color:#bbb;background:#fff">Faint text</p>'),
  };
  writePages(dir, files);
  const r = run(process.execPath, ['checks.mjs', dir, '--no-layout', '--alfa-workers', '2']);
  assert.equal(r.code, 1, r.out);
  assert.doesNotMatch(r.out, /^FAIL \/ok\//m);
  assert.match(r.out, /^FAIL \/alt\/ alfa sia-r2: <img src="\/none.png">/m);
  assert.match(r.out, /^FAIL \/contrast\/ alfa sia-r69: Faint text/m);
  assert.match(r.out, /^checks: 1 passed, 2 failed$/m);
});

test('checks.mjs --axe: axe in the same visit finds what axe.mjs finds, dark contrast sampled', () => {
  // The fixture is made for axe and vnu: our own checks find theme English in it.
  let r = run(process.execPath, ['checks.mjs', good, '--axe', '--no-alfa', '--no-layout']);
  assert.match(r.out, /, axe, /);
  assert.match(r.out, /^checks: 10 pages/m);
  assert.doesNotMatch(r.out, /^FAIL \S+ axe /m);
  r = run(process.execPath, ['checks.mjs', broken, '--axe', '--no-alfa', '--no-layout']);
  assert.equal(r.code, 1, r.out);
  assert.match(r.out, /^FAIL \/ axe image-alt \[critical\]/m);
  assert.match(r.out, /^FAIL \/en\/ axe html-has-lang/m);
  assert.match(r.out, /^FAIL \/stories\/ axe color-contrast \[serious\] \(dark\)/m);
  const darkEverywhere = r.out.match(/\(dark\)/g).length;
  r = run(process.execPath, ['checks.mjs', broken, '--axe', '--dark-sample', '--no-alfa', '--no-layout']);
  assert.match(r.out, /axe \(dark on sample pages\)/);
  assert.match(r.out, /^FAIL \S+ axe color-contrast \[serious\] \(dark\)/m);
  const darkSampled = r.out.match(/\(dark\)/g).length;
  assert.ok(darkSampled > 0 && darkSampled < darkEverywhere, `${darkSampled} of ${darkEverywhere}`);
});
