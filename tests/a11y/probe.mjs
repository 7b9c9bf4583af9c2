// The in-page half of checks.mjs: one self-contained function that Playwright runs in
// the page (it may use nothing from outside its own body). Returns printable findings.
//   {kind: 'static', leaks}: aria-current per navigation, language of parts, card images
//     (alt="") and the page's own figures (alt text), English theme strings;
//   {kind: 'layout', size, minPx, where}: applies a text size of the display settings and
//     opens the header's folds, then horizontal scroll and text under minPx CSS px.
export function pageProbe(arg) {
  const findings = [];
  // Language of parts (WCAG 3.1.2). The generator gives every piece it inserts from
  // another language (a fallback page, a dataset's values, a term's or a union's name,
  // alt text, a chart's name) that language's lang; this verifies it where the script
  // cannot lie in this site's languages: Han text only inside a zh lang, Thai only inside
  // th, and Vietnamese letters (ơ ư đ ă and the dotted or hooked vowels) never inside zh.
  // English theme words on other-language pages are the 'leaks' check below. The head
  // (<title>, meta) is not checked: a title mixes the page's and the site's names and
  // cannot mark a part.
  function languageOfParts(describe) {
    const out = new Map();
    const HAN = /\p{Script=Han}/u;
    const THAI = /\p{Script=Thai}/u;
    const VIET = /[ơưđăƠƯĐĂ]|[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu;
    const primary = (l) => (l || '').toLowerCase().split('-')[0];
    const langOf = (el) => {
      const holder = el && el.closest('[lang]');
      return holder ? holder.getAttribute('lang') : '';
    };
    const judge = (text, lang) => {
      const p = primary(lang);
      if (HAN.test(text) && p !== 'zh' && p !== 'ja') return 'Chinese';
      if (THAI.test(text) && p !== 'th') return 'Thai';
      if (VIET.test(text) && p === 'zh') return 'Vietnamese';
      return '';
    };
    const report = (el, what, lang, text) => {
      const key = `${describe(el)} ${what}`;
      if (!out.has(key)) {
        out.set(key, `language of parts: ${what} text in lang="${lang}" at ${describe(el)}: ` +
          `"${text.trim().replace(/\s+/g, ' ').slice(0, 40)}"`);
      }
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const el = t.parentElement;
      if (!el || !t.data.trim() || ['SCRIPT', 'STYLE'].includes(el.tagName)) continue;
      const lang = langOf(el);
      const what = judge(t.data, lang);
      if (what) report(el, what, lang, t.data);
    }
    for (const el of document.body.querySelectorAll('[alt], [title], [aria-label]')) {
      for (const at of ['alt', 'title', 'aria-label']) {
        const v = el.getAttribute(at);
        if (!v) continue;
        const lang = langOf(el);
        const what = judge(v, lang);
        if (what) report(el, `${what} ${at}`, lang, v);
      }
    }
    return [...out.values()];
  }
  // A card's image is decorative (alt=""): the card's link, named by the story's title,
  // is beside it, so the title is announced once; the page's own figures (the story's
  // lead image) keep their alt text. A card links to its page once.
  function cardImages() {
    const out = [];
    for (const card of document.querySelectorAll('.card')) {
      const title = card.querySelector('.card-title')?.textContent.trim() ?? '';
      for (const img of card.querySelectorAll('img')) {
        const alt = img.getAttribute('alt');
        if (alt !== '') {
          out.push(`card image of "${title.slice(0, 40)}" has ${alt === null ? 'no alt' : `alt text "${alt.slice(0, 40)}"`}, not alt=""`);
        }
      }
      const hrefs = [...card.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'));
      const twice = hrefs.find((h, i) => hrefs.indexOf(h) !== i);
      if (twice) out.push(`card "${title.slice(0, 40)}" links to ${twice} more than once`);
    }
    // A decorative image (alt: "" in front matter) is not a figure: the theme writes it in a
    // <div class="figure figure-decorative">.
    for (const img of document.querySelectorAll('.entry figure.figure img')) {
      if (!(img.getAttribute('alt') ?? '').trim()) {
        out.push(`the page's image ${img.getAttribute('src')} has no alt text`);
      }
    }
    return out;
  }
  // A Markdown table's column alignment (|---:|) is written as align="right" on its cells:
  // a stylesheet rule for every th and td must not undo it (a column of figures read
  // against the left edge).
  function cellAlignment() {
    const out = [];
    const seen = new Set();
    for (const cell of document.querySelectorAll('td[align], th[align]')) {
      const want = cell.getAttribute('align').toLowerCase();
      if (!['left', 'right', 'center'].includes(want)) continue;
      const ltr = getComputedStyle(cell).direction !== 'rtl';
      let got = getComputedStyle(cell).textAlign;
      if (got === 'start') got = ltr ? 'left' : 'right';
      if (got === 'end') got = ltr ? 'right' : 'left';
      if (got === '-webkit-right') got = 'right';
      if (got === '-webkit-center') got = 'center';
      if (got === '-webkit-left') got = 'left';
      const key = `${want}/${got}`;
      if (got !== want && !seen.has(key)) {
        seen.add(key);
        out.push(`table cell "${cell.textContent.trim().slice(0, 30)}" has align="${want}" but is shown ${got}`);
      }
    }
    return out;
  }
  const describe = (el) => {
    let s = el.localName;
    if (el.id) s += `#${el.id}`;
    else if (el.classList.length) s += `.${[...el.classList].join('.')}`;
    const parent = el.parentElement;
    return parent && parent !== document.body ? `${describe(parent)} > ${s}` : s;
  };
  const shown = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.display === 'none' || cs.visibility === 'hidden') return false;
      // Visually hidden text (1 px, clipped) is for screen readers, not eyes.
      if (cs.position === 'absolute' && (cs.clip !== 'auto' || cs.clipPath !== 'none') &&
          e.getBoundingClientRect().width <= 1) return false;
    }
    return el.getClientRects().length > 0;
  };

  if (arg.kind === 'static') {
    // A footer's list of links is a navigation too, unless it holds its own <nav>.
    for (const nav of document.querySelectorAll('nav, footer:not(:has(nav))')) {
      const current = nav.querySelectorAll('[aria-current]:not([aria-current="false"])');
      const name = nav.getAttribute('aria-label') || describe(nav);
      if (current.length > 1) {
        findings.push(`aria-current: ${current.length} in the navigation "${name}": ` +
          [...current].map((a) => a.textContent.trim()).join(', '));
      }
      // A folder's index.html is the folder's page: a site built with relative_urls links
      // ../about/index.html (so it opens from file://), served as /about/.
      const folder = (p) => p.replace(/\/index\.html$/, '/');
      for (const a of current) {
        const href = a.href ? new URL(a.href) : null;
        if (!href || folder(href.pathname) !== folder(location.pathname)) {
          findings.push(`aria-current: "${a.textContent.trim()}" in "${name}" marks ` +
            `${href ? href.pathname : 'no link'}, not this page ${location.pathname}`);
        }
      }
    }
    findings.push(...languageOfParts(describe));
    findings.push(...cardImages());
    findings.push(...cellAlignment());
    if (arg.leaks.length) {
      // Text marked as English (lang="en": an English column of a dataset, a commit note) is
      // content in English, not the theme's words; it is left out.
      const english = (el) => /^en(-|$)/i.test(el.closest('[lang]')?.getAttribute('lang') ?? '');
      let body = document.body.innerText;
      for (const el of document.body.querySelectorAll('[lang]')) {
        if (english(el) && !english(el.parentElement) && el.innerText) body = body.split(el.innerText).join('\n');
      }
      const parts = [document.title, body];
      for (const el of document.querySelectorAll('[alt], [title], [aria-label], meta[name="description"]')) {
        if (el !== document.documentElement && el.closest('body') && english(el)) continue;
        for (const at of ['alt', 'title', 'aria-label', 'content']) {
          const v = el.getAttribute(at);
          if (v) parts.push(v);
        }
      }
      const text = parts.join('\n');
      for (const leak of arg.leaks) {
        const escaped = leak.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        // A whole phrase, not part of a word, a file name or a slug.
        if (new RegExp(`(?<![\\w./-])${escaped}(?![\\w./-])`).test(text)) findings.push(`English theme text on a ${document.documentElement.lang} page: "${leak}"`);
      }
    }
    return findings;
  }

  // Layout: the text size as the display settings would set it.
  const root = document.documentElement;
  for (const c of [...root.classList]) if (c.startsWith('ff-ts-')) root.classList.remove(c);
  if (arg.size !== 'normal') root.classList.add(`ff-ts-${arg.size}`);
  const radio = document.getElementById(`ff-ts-${arg.size}`);
  if (radio) radio.checked = true;
  // The header's folds (language links, menu, display settings) are opened so that what
  // they hold is measured too, and closed again at the end.
  const folds = [...document.querySelectorAll('header details:not([open])')];
  for (const d of folds) d.open = true;
  const width = root.clientWidth;
  if (root.scrollWidth > width + 1) {
    // Name the outermost elements that stick out, ignoring those inside a scroll box.
    const culprits = [];
    const scrolls = (e) => /(auto|scroll|hidden)/.test(getComputedStyle(e).overflowX);
    const walk = (el) => {
      for (const child of el.children) {
        const r = child.getBoundingClientRect();
        if (r.right > width + 1 && r.width > 0) {
          const inner = child.children.length && !scrolls(child) ? walk(child) : 0;
          if (!inner) culprits.push(`${describe(child)} (right edge ${Math.round(r.right)})`);
        } else if (!scrolls(child)) walk(child);
      }
      return culprits.length;
    };
    walk(document.body);
    findings.push(`horizontal scroll at ${arg.where}: ${root.scrollWidth} px wide; ` +
      culprits.slice(0, 3).join(' | '));
  }
  // A table made to reflow (.table-reflow) must not scroll sideways inside its box either.
  for (const box of document.querySelectorAll('.table-reflow')) {
    if (box.scrollWidth > box.clientWidth + 1 && shown(box)) {
      findings.push(`sideways scroll inside a reflowing table at ${arg.where}: ${describe(box)} ` +
        `${box.scrollWidth} px in ${box.clientWidth} px`);
    }
  }
  // A table that scrolls sideways in its box keeps its caption (its name, "showing 5 of 10
  // rows" and the link to the downloads) in view: not running past the box's edge.
  for (const box of document.querySelectorAll('.table-wrap')) {
    const caption = box.querySelector(':scope > table > caption');
    if (!caption || !shown(box) || box.scrollWidth <= box.clientWidth + 1) continue;
    const over = caption.getBoundingClientRect().right - box.getBoundingClientRect().right;
    if (over > 1) {
      findings.push(`a table's caption runs ${Math.round(over)} px past its box at ${arg.where}: ` +
        `"${caption.textContent.trim().slice(0, 40)}"`);
    }
  }
  // A scorecard's or an indicator's card (its table, reflowed or not, and the latest status)
  // breaks lines only between words: a word split inside ("Belu/m dilap/orkan") is read as
  // two. A word is a run of letters and digits of a script that puts spaces between words
  // (Han and Thai break between any characters); one whose line boxes are on two lines is
  // split. (A data dictionary's column names are identifiers, broken where they must be.)
  const broken = new Set();
  const NO_SPACES = /[\p{Script=Han}\p{Script=Thai}\p{Script=Hiragana}\p{Script=Katakana}]/u;
  for (const card of document.querySelectorAll('.scorecard-table, .indicator-latest')) {
    if (!shown(card)) continue;
    const cardWalker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
    for (let t = cardWalker.nextNode(); t; t = cardWalker.nextNode()) {
      if (!t.parentElement || !shown(t.parentElement)) continue;
      for (const m of t.data.matchAll(/[\p{L}\p{M}\p{N}]{2,}/gu)) {
        if (NO_SPACES.test(m[0])) continue;
        const range = document.createRange();
        range.setStart(t, m.index);
        range.setEnd(t, m.index + m[0].length);
        const tops = new Set();
        for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top));
        // Two rects on one line (bidi, a font change) are not a split; on two lines they are.
        const lines = [...tops].sort((a, b) => a - b).filter((v, i, a) => i === 0 || v - a[i - 1] > 2);
        if (lines.length > 1 && !broken.has(m[0])) {
          broken.add(m[0]);
          findings.push(`a word split across lines at ${arg.where} in ${describe(t.parentElement)}: "${m[0]}"`);
        }
      }
    }
  }
  // A table that scrolls sideways in its box has room to give: a cell of long text squeezed
  // under 8 of its em (Chinese breaks after any character) makes a row screens tall.
  for (const box of document.querySelectorAll('.table-wrap:not(.table-reflow)')) {
    if (box.scrollWidth <= box.clientWidth + 1 || !shown(box)) continue;
    for (const cell of box.querySelectorAll('td')) {
      const text = cell.textContent.trim();
      const em = parseFloat(getComputedStyle(cell).fontSize);
      if ([...text].length >= 30 && cell.getBoundingClientRect().width < 8 * em) {
        findings.push(`a table cell of ${[...text].length} characters squeezed to ` +
          `${Math.round(cell.getBoundingClientRect().width)} px at ${arg.where} in a table ` +
          `that scrolls: "${text.slice(0, 30)}"`);
        break;
      }
    }
  }
  // A telephone number is read and dialled whole: broken at its hyphens over two lines (the
  // footer's, on a phone with the largest text) it reads as two numbers.
  for (const a of document.querySelectorAll('a[href^="tel:"]')) {
    if (shown(a) && a.getClientRects().length > 1) {
      findings.push(`a telephone number broken over two lines at ${arg.where}: "${a.textContent.trim()}"`);
      break;
    }
  }
  // An e-mail address that a narrow line must break is broken after its @ or before a dot
  // of its domain (the theme's <wbr>s), not inside a name ("labor@example.gov.t" and "w"),
  // unless that name alone is wider than its line.
  for (const a of document.querySelectorAll('a[href^="mailto:"]')) {
    if (!shown(a)) continue;
    const line = a.parentElement.getBoundingClientRect().width;
    const chars = [];  // {c, top, width} of each character shown
    const texts = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
    for (let t = texts.nextNode(); t; t = texts.nextNode()) {
      for (let i = 0; i < t.data.length; ++i) {
        const range = document.createRange();
        range.setStart(t, i);
        range.setEnd(t, i + 1);
        const r = [...range.getClientRects()].find((x) => x.width > 0);
        if (r) chars.push({ c: t.data[i], top: Math.round(r.top), width: r.width });
      }
    }
    const allowed = (k) => chars[k - 1].c === '@' || chars[k].c === '.';
    let broken = false;
    for (let k = 1; k < chars.length && !broken; ++k) {
      if (chars[k].top - chars[k - 1].top <= 2 || allowed(k)) continue;
      let from = k - 1, to = k;
      while (from > 0 && !allowed(from)) --from;
      while (to < chars.length && !(to > k && allowed(to))) ++to;
      const wide = chars.slice(from, to).reduce((w, x) => w + x.width, 0);
      broken = wide <= line;
    }
    if (broken) {
      findings.push(`an e-mail address broken inside a name at ${arg.where}: "${a.textContent.trim()}"`);
      break;
    }
  }
  // A licence's name is read whole: broken at its hyphens ("CC-BY-" and "4.0" on two lines,
  // the footer's on a phone with the largest text) it reads as two. A long name may wrap
  // between its words, and a word wider than its line where it must.
  let licence = false;
  for (const el of document.querySelectorAll('.license a, .license-name')) {
    if (licence || !shown(el)) continue;
    const line = el.parentElement.getBoundingClientRect().width;
    const texts = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let t = texts.nextNode(); t && !licence; t = texts.nextNode()) {
      for (const m of t.data.matchAll(/\S*-\S*/gu)) {
        const range = document.createRange();
        range.setStart(t, m.index);
        range.setEnd(t, m.index + m[0].length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        const tops = [...new Set(rects.map((r) => Math.round(r.top)))].sort((a, b) => a - b)
          .filter((v, i, a) => i === 0 || v - a[i - 1] > 2);
        const wide = rects.reduce((w, r) => w + r.width, 0);
        if (tops.length > 1 && wide <= line) {
          findings.push(`a licence name broken at its hyphens at ${arg.where}: "${m[0]}"`);
          licence = true;
          break;
        }
      }
    }
  }
  const small = new Map();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const el = t.parentElement;
    if (!el || !t.data.trim() || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(el.tagName)) continue;
    let px = parseFloat(getComputedStyle(el).fontSize);
    const svg = el.closest('svg');
    if (svg && !arg.chartText) continue;
    if (svg && el.getScreenCTM) {
      const m = el.getScreenCTM();
      if (m) px *= Math.hypot(m.a, m.b);
    }
    if (px < arg.minPx - 0.05 && shown(el)) {
      const key = describe(el);
      if (!small.has(key)) small.set(key, `${key} ${px.toFixed(1)} px "${t.data.trim().slice(0, 30)}"`);
    }
  }
  if (small.size) {
    findings.push(`text under ${arg.minPx} px at ${arg.where}: ` +
      [...small.values()].slice(0, 3).join(' | ') + (small.size > 3 ? ` (+${small.size - 3} more)` : ''));
  }
  for (const d of folds) d.open = false;
  return findings;
}
