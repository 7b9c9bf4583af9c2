#!/usr/bin/env bash
# Long datasets stay readable pages: a chart of 5,000 categories draws at most 800 points,
# says so, and links its data to the dataset's downloads instead of publishing the 5,000
# rows again as the chart's CSV (its SVG is still a file of its own); a table embed without `limit:` shows 1,000 rows, with a note that counts
# them all and links to the downloads.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
site="$work/site"
mkdir -p "$site/content" "$site/data"
cat >"$site/site.yaml" <<'YAML'
title: Test
base_url: https://example.org/
languages:
  - {code: en, html_lang: en, name: English}
YAML
cat >"$site/data/daily.yaml" <<'YAML'
title: {en: Daily visits}
columns:
  - {name: day, type: integer}
  - {name: visits, type: integer}
YAML
awk 'BEGIN { print "day,visits"; for (i = 1; i <= 5000; i++) print i "," (i * 7919) % 1000 }' \
  >"$site/data/daily.csv"
cat >"$site/content/_index.md" <<'MD'
---
title: Home
---
```chart
dataset: daily
x: day
y: visits
kind: line
```

```table
dataset: daily
```

```table
dataset: daily
limit: 3
```
MD
"$FIREFLY" build --site "$site" --out "$work/out" --quiet
page="$work/out/index.html"
fail() { echo "bounded_data: $1"; exit 1; }
grep -qF 'The drawing shows' "$page" || fail "no note that the chart is reduced"
grep -qF 'of 5,000 points' "$page" || fail "the note does not count every point"
! grep -qF 'data:' "$page" || fail "the page carries a data: URL"
! ls "$work/out/data/daily/charts/"*.csv >/dev/null 2>&1 || fail "the reduced chart has a CSV of its own"
ls "$work/out/data/daily/charts/"*.svg >/dev/null 2>&1 || fail "the reduced chart has no SVG file"
grep -qF "<a href=\"/data/daily/#downloads-title\">data (every row: the dataset&#39;s downloads)</a>" "$page" ||
  grep -qF "<a href=\"/data/daily/#downloads-title\">data (every row: the dataset's downloads)</a>" "$page" ||
  fail "no link from the chart to the dataset's downloads"
# The embed without limit: 1,000 rows and a note with a link; with limit: 3, three rows.
# (A here-string, not `echo | grep -q`: bash writes a line at a time, and grep -q leaving at
# the first match made the echo's next line fail with SIGPIPE under pipefail, at random.)
tables=$(awk '/<table class="data-table">/{n++} /<\/table>/{print n": "c; c=0} /<tr><th scope="row"/{c++}' "$page")
grep -qx "1: 1000" <<<"$tables" || fail "the chart's table does not have 1,000 rows: $tables"
grep -qx "2: 1000" <<<"$tables" || fail "the table embed without limit does not have 1,000 rows: $tables"
grep -qx "3: 3" <<<"$tables" || fail "the table embed with limit: 3 does not have 3 rows: $tables"
[ "$(grep -cF '(showing 1,000 of 5,000 rows) <a href="/data/daily/#downloads-title">all rows are in the downloads</a>' "$page")" = 2 ] ||
  fail "the capped tables do not count every row and link to the downloads"
grep -qF '(showing 3 of 5,000 rows)' "$page" || fail "the limited table does not count every row"
echo "bounded_data: ok"
