#!/usr/bin/env bash
# The data table of a chart (a ```chart block's and a dataset page's, default theme) lists
# the values the chart draws: one row per x, rows sharing an x summed, rows with no value
# left out as the chart leaves them out. A block's table is in its <figure>, after the
# drawing and before the <figcaption>; a dataset page previews its first 50 rows.
set -euo pipefail
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
site="$work/site"
mkdir -p "$site/content/stories" "$site/data"
cat >"$site/site.yaml" <<'YAML'
title: Test
base_url: https://example.org/
languages:
  - {code: en, html_lang: en, name: English}
YAML
cat >"$site/data/forums.yaml" <<'YAML'
title: {en: Forum participants}
chart: {x: year, y: participants, kind: hbar}
columns:
  - {name: year, type: integer}
  - {name: participants, type: integer}
YAML
{
  printf 'year,participants\n2021,167\n2022,100\n2022,77\n2022,\n2022,\n'
  for i in $(seq 1 55); do printf '2023,1\n'; done
} >"$site/data/forums.csv"
cat >"$site/content/_index.md" <<'MD'
---
title: Home
---
```chart
dataset: forums
x: year
y: participants
kind: hbar
```
MD
fail() { echo "chart_tables: $1"; exit 1; }
"$FIREFLY" build --site "$site" --out "$work/out" --quiet 2>"$work/build.err" || { cat "$work/build.err"; fail "build failed"; }
rows() { sed -n '/<details class="chart-data">/,/<\/details>/p' "$1" | grep -o '<tr><th scope="row">.*</tr>' || true; }
want='<tr><th scope="row">2021</th><td class="num">167</td></tr>
<tr><th scope="row">2022</th><td class="num">177</td></tr>
<tr><th scope="row">2023</th><td class="num">55</td></tr>'
home="$work/out/index.html"
[ "$(rows "$home")" = "$want" ] || { rows "$home"; fail "the block's data table is not the chart's values"; }
figure=$(sed -n '/<figure class="chart"/,/<\/figure>/p' "$home")
grep -q '<details class="chart-data">' <<<"$figure" || fail "the block's data table is not in its figure"
[ "$(grep -n '</details>' <<<"$figure" | cut -d: -f1)" -lt "$(grep -n '<figcaption>' <<<"$figure" | cut -d: -f1)" ] ||
  fail "the block's data table is not before the figcaption"
page="$work/out/data/forums/index.html"
[ "$(rows "$page")" = "$want" ] || { rows "$page"; fail "the dataset page's data table is not the chart's values"; }
grep -q 'aria-labelledby="chart-forums-table"' "$page" || fail "the dataset page's data table region has no name"
grep -q '<caption id="chart-forums-table">' "$page" || fail "the dataset page's data table has no caption id"
grep -q '(showing 50 of 60 rows)' "$page" || fail "the dataset page's preview does not show 50 of 60 rows"
echo "chart_tables: ok"
