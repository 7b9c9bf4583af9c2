#!/usr/bin/env bash
# Filipino (fil), and tl written for it: a site in English and Filipino builds with no
# "theme has no strings" warning, and its Filipino pages show the theme's Filipino words,
# dates with Filipino month names and the dataset's words and numbers as Filipino writes
# them; the DCAT catalogue names the language by the EU's FIL.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$FIREFLY" init "$work/site" --lang fil </dev/null >/dev/null
site=$work/site
# English beside Filipino, the first language: the Filipino pages are at /, English at /en/.
sed -i 's/^  - {code: fil, html_lang: fil, name: "Filipino"}$/&\n  - {code: en, html_lang: en, name: English}/' \
  "$site/site.yaml"
grep -q "code: en, html_lang: en" "$site/site.yaml"
"$FIREFLY" build --site "$site" >"$work/build.out" 2>&1 ||
  { cat "$work/build.out"; echo "the fil site did not build"; exit 1; }
if grep -q "warning" "$work/build.out"; then
  cat "$work/build.out"; echo "the fil site built with warnings"; exit 1
fi
out=$site/public
expect() {  # expect FILE TEXT: FILE has TEXT
  grep -qF -- "$2" "$1" || { echo "${1#"$out"/}: no '$2'"; exit 1; }
}
expect "$out/index.html" '<html lang="fil"'
expect "$out/index.html" '<a class="skip-link" href="#main">Lumaktaw sa pangunahing nilalaman</a>'
expect "$out/index.html" '<label for="search-q">Maghanap sa website na ito</label>'
expect "$out/index.html" 'Mga bagong kuwento'
expect "$out/en/index.html" '<a class="skip-link" href="#main">Skip to main content</a>'
story=$out/stories/first-story/index.html
expect "$story" 'Inilathala'
grep -qE '<time datetime="[0-9-]+">(Enero|Pebrero|Marso|Abril|Mayo|Hunyo|Hulyo|Agosto|Setyembre|Oktubre|Nobyembre|Disyembre) [0-9]{1,2}, [0-9]{4}</time>' "$story" ||
  { grep -o '<time[^<]*</time>' "$story" | head -3; echo "the story's date is not in Filipino"; exit 1; }
dataset=$out/data/haircut-sessions/index.html
expect "$dataset" 'Paliwanag sa mga kolum'
expect "$dataset" 'I-download'
expect "$dataset" '1,584'  # thousands grouped with a comma, as Filipino writes them
expect "$out/data/catalog.jsonld" 'http://publications.europa.eu/resource/authority/language/FIL'
# The English fallback words are not on a Filipino page.
for english in "Skip to main content" "Search this site" "Data dictionary" "Latest stories"; do
  ! grep -qF "$english" "$out/index.html" "$dataset" ||
    { echo "English theme text '$english' on a Filipino page"; exit 1; }
done
echo "filipino: ok"
