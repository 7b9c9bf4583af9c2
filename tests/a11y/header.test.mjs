// Self-test of header.mjs: a page whose header takes more than a third of a 390 x 844
// screen once the largest text size is chosen fails; a short one passes; the sample is the
// first page of each kind and language.
// Run: node --test tests/a11y/header.test.mjs   (needs Chromium)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
let tmp;

/** A page whose header is `rem` rem high: 1rem is 16 px, 24 px with the largest text. */
function page(lang, kind, rem) {
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>t</title>
<style>html:has(#ff-ts-larger:checked){font-size:150%}body{margin:0}header{height:${rem}rem}</style>
</head><body class="kind-${kind}"><header class="site-header">
<input type="radio" name="ff-text-size" id="ff-ts-normal" checked>
<input type="radio" name="ff-text-size" id="ff-ts-larger"></header>
<main id="main"><h1>t</h1></main></body></html>`;
}

function write(rel, text) {
  const file = path.join(tmp, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function run(...args) {
  const r = spawnSync('node', [path.join(here, 'header.mjs'), tmp, ...args], { encoding: 'utf8' });
  return { code: r.status, out: (r.stdout ?? '') + (r.stderr ?? '') };
}

before(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'a11y-header-'));
  // 11rem: 176 px at the normal size, 264 px with the largest text (a third is 281).
  write('index.html', page('zh-Hant-TW', 'home', 11));
  // 12rem: 192 px at the normal size (within a third), 288 px with the largest text.
  write('en/index.html', page('en', 'home', 12));
  // The second page of a kind and language is not in the sample.
  write('about/index.html', page('zh-Hant-TW', 'page', 11));
  write('help/index.html', page('zh-Hant-TW', 'page', 30));
});

after(() => rmSync(tmp, { recursive: true, force: true }));

test('a header over a third of the screen with the largest text fails, a shorter one passes', () => {
  const { code, out } = run();
  assert.equal(code, 1, out);
  assert.match(out, /^\/en\/: with the largest text the header fills 288 px of a 390 x 844 screen \(at most 281\)$/m);
  assert.doesNotMatch(out, /^\/: /m);
  assert.doesNotMatch(out, /help/, 'only the first page of each kind and language is sampled');
  assert.match(out, /header: 2 passed, 1 failed$/m);
});

test('pages named on the command line are measured, sampled or not', () => {
  const { code, out } = run('/help/', '/');
  assert.equal(code, 1, out);
  assert.match(out, /^\/help\/: .* fills 720 px/m);
  assert.match(out, /header: 1 passed, 1 failed$/m);
});

test('--max sets the share of the screen', () => {
  assert.equal(run('--max', '0.35').code, 0);
  assert.equal(run('--max', '0').code, 2);
});
