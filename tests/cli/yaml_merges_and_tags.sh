#!/usr/bin/env bash
# YAML's merge key (`<<: *base`) is applied in site.yaml, front matter and a dataset's
# metadata (explicit keys win); `!!str 2024` is the text 2024; `!!binary` and unknown tags
# are errors naming file:line:col, never values silently dropped or misread.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
site="$work/site"
mkdir -p "$site/content/stories" "$site/data"
fail() { echo "yaml_merges_and_tags: $1"; exit 1; }
cat >"$site/site.yaml" <<'YAML'
title: Test
base_url: https://example.org/
languages:
  - {code: en, html_lang: en, name: English}
collections:
  stories:
    fields:
      year: &text {type: string, label: {en: Year of the story}}
      place: {<<: *text, label: {en: Place}}
YAML
cat >"$site/content/_index.md" <<'MD'
---
title: Home
---
Hello
MD
cat >"$site/content/stories/a.md" <<'MD'
---
title: A story
date: !!str 2024-01-01
year: !!str 2024
place: Tainan
---
Hello
MD
cat >"$site/data/hours.yaml" <<'YAML'
title: {en: Hours}
columns:
  - {name: year, type: integer, title: {en: Year}}
  - &count {name: visits, type: integer, unit: {en: times}, title: {en: Visits}}
  - {<<: *count, name: calls, title: {en: Calls}}
YAML
printf 'year,visits,calls\n2023,5,6\n' >"$site/data/hours.csv"
"$FIREFLY" build --site "$site" --out "$work/out" --quiet 2>"$work/err.txt" ||
  { cat "$work/err.txt"; fail "the site with merge keys and !!str does not build"; }
! grep -q 'error' "$work/err.txt" || fail "errors: $(cat "$work/err.txt")"
# The merged unit (without the merge: "Calls" alone); the merged type reads the figures.
grep -qF 'Calls (times)</th>' "$work/out/data/hours/index.html" || fail "the merged unit is missing"
grep -qF '1 January 2024' "$work/out/stories/a/index.html" || fail "the !!str date is not read"

cat >"$site/content/stories/b.md" <<'MD'
---
title: B
date: 2024-01-02
year: !year 2024
---
B
MD
set +e
"$FIREFLY" build --site "$site" --out "$work/out2" --quiet 2>"$work/err.txt"
code=$?
set -e
[ "$code" = 1 ] || fail "an unknown tag: exit code $code"
cat >"$work/expected.txt" <<'TXT'
content/stories/b.md:4:7: error: the tag !year is not one Firefly reads: the value would be dropped or misread
    year: !year 2024
          ^
    = help: remove the tag; to keep the value as text, write it in quotes
TXT
head -4 "$work/err.txt" | diff -u "$work/expected.txt" - || fail "the unknown tag's error differs"

sed -i 's/^year: !year 2024$/logo: !!binary R0lGODlh/' "$site/content/stories/b.md"
set +e
"$FIREFLY" build --site "$site" --out "$work/out2" --quiet 2>"$work/err.txt"
code=$?
set -e
[ "$code" = 1 ] || fail "!!binary: exit code $code"
cat >"$work/expected.txt" <<'TXT'
content/stories/b.md:4:7: error: Firefly does not read binary data (!!binary) from YAML
    logo: !!binary R0lGODlh
          ^
    = help: put the file in the site's static/ folder and write its path here
TXT
head -4 "$work/err.txt" | diff -u "$work/expected.txt" - || fail "the !!binary error differs"

# A merge key whose value is not a map: said where the value is.
rm "$site/content/stories/b.md"
sed -i 's/^      place: {<<: \*text, label: {en: Place}}$/      place: {<<: Tainan}/' "$site/site.yaml"
set +e
"$FIREFLY" build --site "$site" --out "$work/out2" --quiet 2>"$work/err.txt"
code=$?
set -e
[ "$code" != 0 ] || fail "a merge key of text: exit code 0"
cat >"$work/expected.txt" <<'TXT'
site.yaml:9:19: error: the merge key '<<' takes a map or a list of maps, not text
          place: {<<: Tainan}
                      ^
    = help: write an alias of a map (<<: *base) or a list of them (<<: [*base, *more])
TXT
head -4 "$work/err.txt" | diff -u "$work/expected.txt" - || fail "the merge key's error differs"

# Every tag and merge key error of a file, each at its line (before: only the first, and
# the next one shown only once it was fixed).
sed -i 's/^      place: {<<: Tainan}$/      place: {<<: *text, label: {en: Place}}/' "$site/site.yaml"
cat >"$site/content/stories/c.md" <<'MD'
---
title: C
date: 2024-01-03
year: !year 2024
shared: &shared Tainan
extra: {<<: *shared}
logo: !!binary R0lGODlh
---
C
MD
set +e
"$FIREFLY" build --site "$site" --out "$work/out2" --quiet 2>"$work/err.txt"
code=$?
set -e
[ "$code" = 1 ] || fail "three errors in one front matter: exit code $code"
cat >"$work/expected.txt" <<'TXT'
content/stories/c.md:4:7: error: the tag !year is not one Firefly reads: the value would be dropped or misread
    year: !year 2024
          ^
    = help: remove the tag; to keep the value as text, write it in quotes
content/stories/c.md:6:13: error: the merge key '<<' takes a map or a list of maps, not text
    extra: {<<: *shared}
                ^
    = help: write an alias of a map (<<: *base) or a list of them (<<: [*base, *more])
content/stories/c.md:7:7: error: Firefly does not read binary data (!!binary) from YAML
    logo: !!binary R0lGODlh
          ^
    = help: put the file in the site's static/ folder and write its path here
TXT
# (the errors alone: the entries read one by one also warn of the unknown field 'shared')
awk '/^[^ ].*: (error|warning): /{keep = / error: /} keep' "$work/err.txt" |
  diff -u "$work/expected.txt" - || fail "the errors of one file differ"
echo "yaml_merges_and_tags: ok"
