#!/usr/bin/env bash
# A key starting with x- at the top of site.yaml, of front matter and of a dataset's
# metadata is a place for a block shared through an anchor (`x-defaults: &d {...}`, then
# `<<: *d`), as in Docker Compose: not an error, not a warning, and in no published file.
# A misspelt known key beside it is still an error.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
site="$work/site"
mkdir -p "$site/content/stories" "$site/data"
fail() { echo "yaml_extension_keys: $1"; exit 1; }
cat >"$site/site.yaml" <<'YAML'
x-english: &english {code: en, html_lang: en, name: English}
x-field: &field {type: string, label: {en: Where}}
x-remark: NOT-PUBLISHED-1
title: Test
base_url: https://example.org/
languages:
  - {<<: *english}
collections:
  stories:
    fields:
      place: {<<: *field}
YAML
cat >"$site/content/_index.md" <<'MD'
---
title: Home
---
Hello
MD
cat >"$site/content/stories/a.md" <<'MD'
---
x-title: &title Repair teams
x-remark: NOT-PUBLISHED-2
title: *title
date: 2024-01-01
place: Tainan
---
Hello
MD
cat >"$site/data/hours.yaml" <<'YAML'
x-count: &count {type: integer, unit: {en: times}}
x-remark: NOT-PUBLISHED-3
title: {en: Hours}
columns:
  - {name: year, type: integer, title: {en: Year}}
  - {<<: *count, name: visits, title: {en: Visits}}
  - {<<: *count, name: calls, title: {en: Calls}}
YAML
printf 'year,visits,calls\n2023,5,6\n' >"$site/data/hours.csv"
"$FIREFLY" build --site "$site" --out "$work/out" --quiet 2>"$work/err.txt" ||
  { cat "$work/err.txt"; fail "the site with x- keys does not build"; }
# (the dataset's metadata is short: warnings of what it could say, none of its keys)
! grep -E ': (error|warning): ' "$work/err.txt" | grep -vE "dataset 'hours' (does not say|has no)|description of dataset" ||
  fail "diagnostics: $(cat "$work/err.txt")"
grep -qF 'Calls (times)</th>' "$work/out/data/hours/index.html" || fail "the merged unit is missing"
grep -qF '<h1>Repair teams</h1>' "$work/out/stories/a/index.html" || fail "the aliased title is missing"
! grep -rlF 'NOT-PUBLISHED' "$work/out" || fail "an x- key's value is published"
"$FIREFLY" check --site "$site" >"$work/check.txt" 2>&1 || { cat "$work/check.txt"; fail "check fails"; }
! grep -E ': (error|warning): ' "$work/check.txt" | grep -vE "dataset 'hours' (does not say|has no)|description of dataset" ||
  fail "check: $(cat "$work/check.txt")"

# A misspelt known key is still an error (in front matter, one that would publish a draft).
printf 'timezon: Asia/Taipei\n' >>"$site/site.yaml"
set +e
"$FIREFLY" build --site "$site" --out "$work/out2" --quiet 2>"$work/err.txt"
code=$?
set -e
[ "$code" = 2 ] || fail "a misspelt key in site.yaml: exit code $code"
cat >"$work/expected.txt" <<'TXT'
site.yaml:12:1: error: unknown key 'timezon' in site.yaml
    timezon: Asia/Taipei
    ^
    = help: did you mean 'timezone'?
build failed: 1 error, 0 warnings; the previous output was left as it was
TXT
diff -u "$work/expected.txt" "$work/err.txt" || fail "the misspelt key's error in site.yaml differs"
sed -i '/^timezon:/d' "$site/site.yaml"
sed -i 's/^date: 2024-01-01$/drafts: true/' "$site/content/stories/a.md"
printf 'licence: CC-BY-4.0\n' >>"$site/data/hours.yaml"
set +e
"$FIREFLY" build --site "$site" --out "$work/out2" --quiet 2>"$work/err.txt"
code=$?
set -e
[ "$code" = 1 ] || fail "misspelt keys in front matter and metadata: exit code $code"
cat >"$work/expected.txt" <<'TXT'
content/stories/a.md:5:1: error: unknown front-matter field 'drafts': this page would be published now, whatever it says
    drafts: true
    ^
    = help: did you mean 'draft'?
data/hours.yaml:8:1: error: unknown key 'licence' in dataset metadata
    licence: CC-BY-4.0
    ^
    = help: did you mean 'license'?
build failed: 2 errors, 0 warnings; the previous output was left as it was
TXT
awk '/^[^ ].*: (error|warning): /{keep = / error: /} keep' "$work/err.txt" |
  diff -u "$work/expected.txt" - || fail "the misspelt keys' errors differ"
echo "yaml_extension_keys: ok"
