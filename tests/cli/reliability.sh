#!/usr/bin/env bash
# Usage errors and report formats: --base-url must be an absolute http(s) address (exit 2),
# `new` refuses an over-long name with exit 2 (not a crash), its length in bytes, and shows
# the control characters of a name it refuses, and `check --format github`
# escapes ':' and ',' in file names as GitHub's workflow commands require.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r tests/sites/multilingual/site "$work/site"

expect() {  # expect CODE LINE -- command...
  local code=$1 line=$2
  shift 3
  set +e
  "$@" >"$work/out.txt" 2>"$work/err.txt"
  local got=$?
  set -e
  [ "$got" = "$code" ] || { echo "exit $got, expected $code: $*"; cat "$work/err.txt"; exit 1; }
  grep -qxF -- "$line" "$work/err.txt" || { echo "for: $*"; cat "$work/err.txt"; exit 1; }
}

expect 2 "firefly: error: --base-url must be an absolute http:// or https:// address" -- \
  "$FIREFLY" build --site "$work/site" --out "$work/o" --base-url 'javascript:alert(1)//'
expect 2 "firefly: error: --base-url must be an absolute http:// or https:// address" -- \
  "$FIREFLY" build --site "$work/site" --out "$work/o" --base-url /portal/
expect 2 'firefly: error: --base-url may not contain spaces, quotes, control characters or any of < > \ ` { } | ^' -- \
  "$FIREFLY" build --site "$work/site" --out "$work/o" --base-url 'https://x.org/"><b>/'
[ ! -e "$work/o" ] || { echo "a refused build created its output folder"; exit 1; }
# Schemes and host names are case-insensitive: accepted, and written in lower case.
"$FIREFLY" build --site "$work/site" --out "$work/o" --quiet --base-url 'HTTPS://Portal.Example.ORG/Sub/'
grep -qF 'href="https://portal.example.org/Sub/' "$work/o/index.html" ||
  { echo "--base-url HTTPS:// was not normalized"; exit 1; }
sed -i 's|^base_url: .*|base_url: HTTP://Labor.Example.gov.tw/|' "$work/site/site.yaml"
"$FIREFLY" build --site "$work/site" --out "$work/o" --quiet
grep -qF 'href="http://labor.example.gov.tw/' "$work/o/index.html" ||
  { echo "base_url HTTP:// was not normalized"; exit 1; }
rm -rf "$work/o"

long=$(printf 'a%.0s' $(seq 300))
expect 2 "firefly: error: the name is 300 bytes long; a page's file name (and web address) may have at most 100 bytes" -- \
  "$FIREFLY" new stories "$long" --site "$work/site"
# Counted as file systems count, in bytes: 40 Chinese characters are 120 (it said "120
# characters long" of a name of 40).
expect 2 "firefly: error: the name is 120 bytes long (40 characters of more than one byte); a page's file name (and web address) may have at most 100 bytes" -- \
  "$FIREFLY" new stories "$(printf '志%.0s' $(seq 40))" --site "$work/site"
# A name or collection typed with an escape sequence is shown, not obeyed by the terminal.
expect 2 "firefly: error: 'a<U+001B>[31mb' cannot be a file name; use lower-case letters, digits and '-', like 'a-31mb'" -- \
  "$FIREFLY" new stories $'a\e[31mb' --site "$work/site"
expect 2 "firefly: error: there is no collection 'st<U+001B>[2Jories' in site.yaml" -- \
  "$FIREFLY" new $'st\e[2Jories' x --site "$work/site"

printf -- '---\ntitle: Odd name\ndate: 2023-01-01\nprogram: learning\n---\nText.\n' \
  >"$work/site/content/stories/a,b:c.md"
set +e
"$FIREFLY" check --site "$work/site" --format github >"$work/gh.txt" 2>&1
set -e
grep -qxF "::error file=content/stories/a%2Cb%3Ac.md::the file name 'a,b:c' cannot be part of a web address (use letters, digits and '-')" "$work/gh.txt" ||
  { cat "$work/gh.txt"; exit 1; }
# A photo cache that is a link to another place: refused, and nothing there is deleted.
rm -f "$work/site/content/stories/a,b:c.md"
mkdir -p "$work/elsewhere/ab" && echo keep >"$work/elsewhere/ab/old.txt" && touch -d '2 days ago' "$work/elsewhere/ab/old.txt"
rm -rf "$work/site/.firefly-cache" && ln -s "$work/elsewhere" "$work/site/.firefly-cache"
set +e
"$FIREFLY" build --site "$work/site" --out "$work/cache-out" --quiet 2>"$work/cache.txt"; code=$?
set -e
[ "$code" = 1 ] && grep -qF ".firefly-cache: error: this is a symbolic link" "$work/cache.txt" &&
  [ -f "$work/elsewhere/ab/old.txt" ] || { echo "exit $code"; cat "$work/cache.txt"; exit 1; }
rm "$work/site/.firefly-cache"
echo "reliability: ok"
