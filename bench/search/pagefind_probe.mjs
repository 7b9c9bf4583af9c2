// The page through which the benchmarks query Pagefind in Chromium: opened with `?q=`,
// it searches and leaves the result count and the top ten's URLs in `window.done`.
import { writeFileSync } from 'node:fs';

/** Writes the probe page to `file`, its `<html lang>` = `lang` (Pagefind picks that index). */
export function writePagefindProbe(file, lang) {
  writeFileSync(
    file,
    `<!doctype html><html lang="${lang}"><meta charset="utf-8"><title>pf</title><script type="module">
const pf = await import('/pagefind/pagefind.js');
const q = new URLSearchParams(location.search).get('q');
const r = await pf.search(q);
const top = await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
window.done = { n: r.results.length, top: top.map((d) => d.url) };
</script>`,
  );
}
