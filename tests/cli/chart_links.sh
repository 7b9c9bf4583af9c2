#!/usr/bin/env bash
# Links in content to a chart's own files (/data/<dataset>/charts/...csv and .svg) are links
# to published files: build and check accept them, whether the chart is a dataset page's or
# a ```chart block's, and only a link to a chart file the build does not publish is an error.
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
cat >"$site/data/teams.yaml" <<'YAML'
title: {en: Visits per team}
chart: {x: team, y: visits, kind: hbar}
columns:
  - {name: team, type: string}
  - {name: visits, type: integer}
YAML
printf 'team,visits\nA,3\nB,5\n' >"$site/data/teams.csv"
cat >"$site/content/_index.md" <<'MD'
---
title: Home
---
```chart
dataset: teams
x: team
y: visits
kind: bar
```
MD
cat >"$site/content/stories/links.md" <<'MD'
---
title: Links
---
The [block's data](/data/teams/charts/bar-team-visits.csv), its
[drawing](../../data/teams/charts/bar-team-visits.en.svg#top) and the dataset page's
[chart](/data/teams/charts/hbar-team-visits.csv).

![The visits per team](/data/teams/charts/hbar-team-visits.en.svg)
MD
fail() { echo "chart_links: $1"; exit 1; }
"$FIREFLY" check --site "$site" >"$work/check.out" 2>&1 || { cat "$work/check.out"; fail "check rejects links to chart files"; }
"$FIREFLY" build --site "$site" --out "$work/out" --quiet 2>"$work/build.err" || fail "build rejects links to chart files"
page="$work/out/stories/links/index.html"
for f in bar-team-visits.csv bar-team-visits.en.svg hbar-team-visits.csv hbar-team-visits.en.svg; do
  [ -s "$work/out/data/teams/charts/$f" ] || fail "$f was not published"
  grep -qF "\"/data/teams/charts/$f" "$page" || fail "the link to $f is not in the page"
done

# A chart file that no chart makes: the usual broken-link error, with the nearest file.
sed -i 's|charts/bar-team-visits.csv|charts/bar-team-visit.csv|' "$site/content/stories/links.md"
for cmd in check build; do
  set +e
  if [ "$cmd" = build ]; then "$FIREFLY" build --site "$site" --out "$work/out2" >"$work/err" 2>&1
  else "$FIREFLY" check --site "$site" >"$work/err" 2>&1; fi
  code=$?
  set -e
  [ "$code" = 1 ] || { cat "$work/err"; fail "$cmd: exit $code for a link to a missing chart file"; }
  grep -qF "content/stories/links.md:4:5: error: the link /data/teams/charts/bar-team-visit.csv points to nothing this site publishes" "$work/err" ||
    { cat "$work/err"; fail "$cmd: no error at the link to a missing chart file"; }
  grep -qF "did you mean /data/teams/charts/bar-team-visits.csv?" "$work/err" ||
    { cat "$work/err"; fail "$cmd: no suggestion of the chart file"; }
done
echo "chart_links: ok"
