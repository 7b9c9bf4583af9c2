// Measures every piece of chart text as Chromium renders it: at 320, 390 and 1280 px wide,
// on the first few pages with a chart and the first page of each kind (indicator page,
// range target, chart in a story, each chart kind),
// with each choice of the theme's text-size setting, no chart text may be smaller than
// 14 CSS px (its font size times any scaling of an enclosing SVG), and each larger setting
// must make chart text larger (it follows the reader's setting like body text). Text drawn
// in a narrow chart must also stay inside the chart's box, and no two value labels of one
// chart may overlap (their boxes as laid out, at every width and text size) or stand side by
// side on one line closer than 0.4em (they would read as one number), nor two shown
// labels of its x axis touch, nor any line of the chart (a series', its own or another's)
// cross a shown value label's text box (a number with a line through it cannot be read). A
// horizontal bar's value must start within an em of its bar's end. An x axis of 12 points or more (a
// long time axis: months, days) must show at least its first and its last label, at every
// width and text size, so that a reader can tell which period a point is.
//
// Usage: node tests/a11y/chart-text.mjs PUBLIC_DIR [--limit N]
// Prints one line per finding, then "chart text: N passed, M failed"; exits 1 on findings,
// 2 when it could not run (no page with a chart, no Chromium).
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { htmlFiles, launchBrowser, serveDir, urlPath } from './lib.mjs';

const WIDTHS = [320, 390, 1280];
const SIZES = ['normal', 'large', 'larger'];
const MIN_PX = 14;

const args = process.argv.slice(2);
const dir = args[0];
const limitAt = args.indexOf('--limit');
const limit = limitAt > 0 ? Number(args[limitAt + 1]) : 4;
if (!dir) {
  console.error('usage: node chart-text.mjs PUBLIC_DIR [--limit N]');
  process.exit(2);
}

/** In the page: the rendered size of every text of every chart, and overflow. */
function measure() {
  const out = { sizes: [], overflow: [], overlaps: [], far: [], axes: [], crossed: [] };
  /** Whether the segment from a to b has a point in the box (left, top)-(right, bottom). */
  function segmentMeetsBox(a, b, left, top, right, bottom) {
    // Liang-Barsky: the part of the segment (t in 0..1) inside each slab, intersected.
    let t0 = 0, t1 = 1;
    const dx = b.x - a.x, dy = b.y - a.y;
    for (const [p, q] of [[-dx, a.x - left], [dx, right - a.x], [-dy, a.y - top], [dy, bottom - a.y]]) {
      if (p === 0) {
        if (q < 0) return false;
      } else if (p < 0) {
        t0 = Math.max(t0, q / p);
      } else {
        t1 = Math.min(t1, q / p);
      }
    }
    return t0 <= t1;
  }
  // A horizontal bar's value is written just past the bar's end (within an em), not
  // across the chart from a short bar.
  for (const line of document.querySelectorAll('.chart-bar-line')) {
    const num = line.querySelector('.chart-num');
    if (!num || line.getBoundingClientRect().width === 0 || !num.textContent.trim()) continue;
    const ends = [...line.querySelectorAll('rect')].map((r) => r.getBoundingClientRect())
      .filter((r) => r.width > 0).map((r) => r.right);
    if (ends.length === 0) continue;  // no bar ("not reported", a zero)
    const gap = num.getBoundingClientRect().left - Math.max(...ends);
    const em = parseFloat(getComputedStyle(num).fontSize);
    if (gap < -2 || gap > em) out.far.push(`"${num.textContent.trim()}" ${gap.toFixed(0)} px from its bar`);
  }
  // Value labels drawn in one chart picture must not cover each other.
  for (const view of document.querySelectorAll('.chart-view')) {
    const boxes = [];
    for (const t of view.querySelectorAll('text.chart-v')) {
      const style = getComputedStyle(t);
      if (style.display === 'none' || style.visibility === 'hidden' || t.closest('[hidden]')) continue;
      const r = t.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      boxes.push({ text: t.textContent.trim(), r, em: parseFloat(style.fontSize) });
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].r, b = boxes[j].r;
        if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) {
          out.overlaps.push(`"${boxes[i].text}" and "${boxes[j].text}"`);
        } else if (a.top < b.bottom - 1 && b.top < a.bottom - 1) {
          // Side by side on one line, two labels closer than a space read as one number
          // ("7" and "3" as "73"): the drawing keeps half an em between them.
          const gap = Math.max(b.left - a.right, a.left - b.right);
          if (gap < 0.4 * boxes[i].em) {
            out.overlaps.push(`"${boxes[i].text}" and "${boxes[j].text}" ${gap.toFixed(1)} px apart on one line`);
          }
        }
      }
    }
  }
  // No line of a chart (a series' line, its own or another's) may cross a shown value
  // label's text box: a number with a line through it cannot be read. The line's stroke
  // counts, less a pixel of tolerance; gridlines and the zero line are not marks.
  for (const view of document.querySelectorAll('.chart-view')) {
    const segments = [];
    for (const line of view.querySelectorAll('svg.chart-plot line:not(.chart-grid):not(.chart-zero)')) {
      if (line.getBoundingClientRect().width === 0 && line.getBoundingClientRect().height === 0) continue;
      const m = line.getScreenCTM();
      const at = (x, y) => ({ x: m.a * x + m.c * y + m.e, y: m.b * x + m.d * y + m.f });
      const half = (parseFloat(getComputedStyle(line).strokeWidth) || 1) * Math.hypot(m.a, m.b) / 2;
      segments.push({
        a: at(line.x1.baseVal.value, line.y1.baseVal.value),
        b: at(line.x2.baseVal.value, line.y2.baseVal.value),
        grow: Math.max(0, half - 1),
      });
    }
    for (const t of view.querySelectorAll('svg.chart-plot text.chart-v')) {
      const style = getComputedStyle(t);
      if (style.display === 'none' || style.visibility === 'hidden' || t.closest('[hidden]')) continue;
      const r = t.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const hit = segments.some(({ a, b, grow }) =>
        segmentMeetsBox(a, b, r.left - grow, r.top - grow, r.right + grow, r.bottom + grow));
      if (hit) out.crossed.push(`"${t.textContent.trim()}"`);
    }
  }
  // The x axis's shown labels must not touch each other (their text as laid out: a label
  // is wider than its slot when there are many).
  for (const axis of document.querySelectorAll('.chart-x')) {
    const shown = [];
    const items = [...axis.querySelectorAll('li')];
    for (const li of items) {
      if (getComputedStyle(li).visibility === 'hidden' || !li.textContent.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(li);
      const r = range.getBoundingClientRect();
      // (the text shown: of a month's and its year's, the one displayed)
      if (r.width > 0) shown.push({ text: li.innerText.trim().replace(/\s+/g, ' '), r, li });
    }
    // A long axis (drawn: the columns are not hidden for rows) shows its two ends.
    if (items.length >= 12 && axis.getBoundingClientRect().width > 0) {
      out.axes.push({
        points: items.length,
        shown: shown.map((s) => s.text),
        ends: shown.length >= 2 && shown[0].li === items[0] && shown.at(-1).li === items.at(-1),
      });
    }
    for (let i = 1; i < shown.length; i++) {
      if (shown[i].r.left < shown[i - 1].r.right + 4) {
        out.overlaps.push(`x labels "${shown[i - 1].text}" and "${shown[i].text}"`);
      }
    }
  }
  for (const chart of document.querySelectorAll('.chart')) {
    // Its box inside its padding: what the chart's text is laid out in.
    const outer = chart.getBoundingClientRect();
    const pad = getComputedStyle(chart);
    const box = {
      left: outer.left + parseFloat(pad.borderLeftWidth) + parseFloat(pad.paddingLeft),
      right: outer.right - parseFloat(pad.borderRightWidth) - parseFloat(pad.paddingRight),
    };
    const walker = document.createTreeWalker(chart, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!node.textContent.trim() || !el) continue;
      if (el.closest('details:not([open]) > :not(summary)')) continue;  // the folded data table
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      // An HTML element's box is not its text's: an x label wider than its share of the
      // axis overflows its <li>, so the text itself is measured.
      let rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;  // inside a hidden layout
      if (!(el instanceof SVGElement)) {
        const range = document.createRange();
        range.selectNodeContents(node);
        rect = range.getBoundingClientRect();
      }
      let scale = 1;
      if (el instanceof SVGElement) {
        const m = el.getScreenCTM();
        scale = Math.hypot(m.a, m.b);
      }
      const px = parseFloat(style.fontSize) * scale;
      out.sizes.push({ text: node.textContent.trim().slice(0, 30), px });
      if (rect.left < box.left - 1 || rect.right > box.right + 1) {
        out.overflow.push(node.textContent.trim().slice(0, 30));
      }
    }
  }
  return out;
}

async function main() {
  // The first `limit` pages with a chart, then the first page of each kind not yet among
  // them: an indicator page, a range target, a chart in a story, each chart kind.
  const kinds = [
    (rel) => rel.includes('/indicators/'),
    (rel, html) => html.includes('chart-target-band'),
    (rel, html) => html.includes('<figure class="chart"'),
    ...['bar', 'stacked', 'hbar', 'line', 'target'].map((k) => (rel, html) =>
      html.includes(`chart-kind-${k} `) || html.includes(`chart-kind-${k}"`)),
  ];
  const pages = [];
  const covered = new Set();
  for (const rel of await htmlFiles(dir)) {
    const html = await readFile(path.join(dir, rel), 'utf8');
    if (!html.includes('class="chart-view')) continue;
    const fresh = kinds.map((k, i) => (!covered.has(i) && k(rel, html) ? i : -1)).filter((i) => i >= 0);
    if (pages.length < limit || fresh.length) {
      pages.push(urlPath(rel));
      kinds.forEach((k, i) => k(rel, html) && covered.add(i));
    }
  }
  if (pages.length === 0) {
    console.error(`chart text: no page with a chart in ${dir}`);
    process.exit(2);
  }
  const { server, origin } = await serveDir(dir);
  const browser = await launchBrowser();
  let passed = 0;
  let failed = 0;
  const fail = (msg) => {
    failed++;
    console.log(`FAIL ${msg}`);
  };
  try {
    for (const width of WIDTHS) {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      for (const p of pages) {
        let previous = 0;
        await page.goto(origin + p, { waitUntil: 'load' });
        for (const size of SIZES) {
          // The setting as the reader picks it (the page remembers it across pages).
          await page.evaluate((s) => {
            const input = document.getElementById(`ff-ts-${s}`);
            input.checked = true;
            input.dispatchEvent(new Event('change', { bubbles: true }));
          }, size);
          const { sizes, overflow, overlaps, far, axes, crossed } = await page.evaluate(measure);
          const lost = axes.filter((a) => !a.ends);
          const where = `${p} at ${width} px, text size ${size}`;
          if (sizes.length === 0) {
            fail(`${where}: no chart text found`);
            continue;
          }
          const small = sizes.filter((s) => s.px < MIN_PX);
          const least = Math.min(...sizes.map((s) => s.px));
          if (small.length) {
            fail(`${where}: ${small.length} texts under ${MIN_PX} px, e.g. "${small[0].text}" at ` +
              `${small[0].px.toFixed(1)} px`);
          } else if (least <= previous) {
            fail(`${where}: the smallest chart text is ${least.toFixed(1)} px, not larger than ` +
              `${previous.toFixed(1)} px at the smaller setting`);
          } else if (width < 600 && overflow.length) {
            fail(`${where}: text outside the chart's box: "${overflow[0]}"`);
          } else if (overlaps.length) {
            fail(`${where}: ${overlaps.length} pairs of labels overlap, e.g. ${overlaps[0]}`);
          } else if (crossed.length) {
            fail(`${where}: ${crossed.length} value labels crossed by a line: ${crossed.join(', ')}`);
          } else if (far.length) {
            fail(`${where}: ${far.length} row values are not just past their bars, e.g. ${far[0]}`);
          } else if (lost.length) {
            fail(`${where}: an x axis of ${lost[0].points} points shows ${lost[0].shown.length} ` +
              `labels, not its first and last: ${lost[0].shown.map((t) => `"${t}"`).join(', ')}`);
          } else {
            passed++;
            const xs = axes.length ? `; x labels of ${axes.map((a) => `${a.points} points: ` +
              a.shown.join(' | ')).join('; ')}` : '';
            console.log(`ok   ${where}: ${sizes.length} texts, smallest ${least.toFixed(1)} px, ` +
              `no value labels overlap or crossed by a line${xs}`);
          }
          previous = least;
        }
      }
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`chart text: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(`chart text: ${err.stack || err}`);
  process.exit(2);
});
