#!/usr/bin/env bash
# Links in content to any file the build publishes for a dataset are links to published
# files: its downloads, its metadata, its published past versions (/data/<name>/versions/...,
# named by the commit that changed its rows) and the catalogue's files. check and build
# accept them; a link to a version the build does not publish is the usual broken-link
# error, with the nearest published file as a suggestion.
set -euo pipefail
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
site="$work/site"
mkdir -p "$site/content/stories" "$site/data"
cat >"$site/site.yaml" <<'YAML'
title: Test
base_url: https://example.org/
timezone: Asia/Taipei
languages:
  - {code: en, html_lang: en, name: English}
YAML
cat >"$site/data/teams.yaml" <<'YAML'
title: {en: Visits per team}
columns:
  - {name: team, type: string}
  - {name: visits, type: integer}
YAML
printf 'team,visits\nA,3\nB,5\n' >"$site/data/teams.csv"
printf -- '---\ntitle: Home\n---\n' >"$site/content/_index.md"
cd "$site"
git init -q
git config user.email staff@example.org
git config user.name Staff
at() { GIT_AUTHOR_DATE="$1" GIT_COMMITTER_DATE="$1" git commit -qm "$2"; }
git add -A
at "2021-03-04T10:00:00+08:00" "Import the visits"
printf 'team,visits\nA,3\nB,6\nC,1\n' >data/teams.csv
git add -A
at "2022-05-06T10:00:00+08:00" "Correct B, add C"
first="2021-03-04-$(git rev-list --max-parents=0 HEAD | cut -c1-7).csv"
latest="2022-05-06-$(git rev-parse HEAD | cut -c1-7).csv"
cd - >/dev/null
cat >"$site/content/stories/links.md" <<MD
---
title: Links
---
The [first version](/data/teams/versions/$first), the
[latest](../../data/teams/versions/$latest#top), the [workbook](/data/teams.xlsx), the
[metadata](/data/teams.metadata.json), the [archive](/data/all.zip) and the
[checksums](/data/SHA256SUMS).
MD
(cd "$site" && git add -A && git commit -qm "A story with links")
fail() { echo "dataset_file_links: $1"; exit 1; }
"$FIREFLY" check --site "$site" >"$work/check.out" 2>&1 || { cat "$work/check.out"; fail "check rejects links to a dataset's files"; }
"$FIREFLY" build --site "$site" --out "$work/out" --quiet 2>"$work/build.err" || { cat "$work/build.err"; fail "build rejects links to a dataset's files"; }
page="$work/out/stories/links/index.html"
for f in teams/versions/$first teams/versions/$latest teams.xlsx teams.metadata.json all.zip SHA256SUMS; do
  [ -s "$work/out/data/$f" ] || fail "/data/$f was not published"
  grep -qF "\"/data/$f" "$page" || fail "the link to /data/$f is not in the page"
done

# A version that is not published: the usual broken-link error, with the nearest file.
wrong="2021-03-04-0000000.csv"
sed -i "s|versions/$first|versions/$wrong|" "$site/content/stories/links.md"
for cmd in check build; do
  set +e
  if [ "$cmd" = build ]; then "$FIREFLY" build --site "$site" --out "$work/out2" >"$work/err" 2>&1
  else "$FIREFLY" check --site "$site" >"$work/err" 2>&1; fi
  code=$?
  set -e
  [ "$code" = 1 ] || { cat "$work/err"; fail "$cmd: exit $code for a link to a missing version"; }
  grep -qF "content/stories/links.md:4:5: error: the link /data/teams/versions/$wrong points to nothing this site publishes" "$work/err" ||
    { cat "$work/err"; fail "$cmd: no error at the link to a missing version"; }
  grep -qF "did you mean /data/teams/versions/$first?" "$work/err" ||
    { cat "$work/err"; fail "$cmd: no suggestion of the published version"; }
done
echo "dataset_file_links: ok"
