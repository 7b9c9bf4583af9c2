#!/usr/bin/env bash
# `firefly check` in its three formats, `firefly new`, `firefly version`, usage errors.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r tests/sites_invalid/broken-link/site "$work/site"

set +e
"$FIREFLY" check --site "$work/site" --format github >"$work/gh.txt" 2>&1; code=$?
set -e
[ "$code" = 1 ] || { echo "check exit code $code"; exit 1; }
expected='::error file=content/stories/roses.md,line=6,col=5::the link /stories/repair-team/ points to nothing this site publishes (did you mean /stories/repair-teams/?)'
grep -qxF "$expected" "$work/gh.txt" || { cat "$work/gh.txt"; exit 1; }

set +e
"$FIREFLY" check --site "$work/site" --format json >"$work/check.json" 2>/dev/null
set -e
/usr/bin/python3 - "$work/check.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
assert report["ok"] is False, report
assert report["errors"][0]["file"] == "content/stories/roses.md"
assert report["errors"][0]["line"] == 6 and report["errors"][0]["column"] == 5
PY

# new: scaffolds from the schema, refuses to overwrite.
cp -r tests/sites/multilingual/site "$work/ml"
"$FIREFLY" new stories nantou-roses --lang en --site "$work/ml" >/dev/null
f="$work/ml/content/stories/nantou-roses.en.md"
grep -q '^date: ' "$f" && grep -qx 'program:' "$f" && grep -q '^# required: ' "$f"
# An enum's values with the words pages show for them, in the page's language (else the
# default language's).
grep -qxF '# optional: one of jobs (Jobs), safety (安全)' "$f" || { cat "$f"; exit 1; }
set +e
"$FIREFLY" new stories nantou-roses --lang en --site "$work/ml" 2>"$work/err.txt"; code=$?
set -e
[ "$code" = 1 ] && grep -q 'already exists' "$work/err.txt"
# A page cut short (a full disk; here a limit on a file's size) is not left behind: the
# next `new` said it already exists, and the build failed on its half front matter.
set +e
# (The message goes through a pipe: the limit would stop it too on its way to a file.)
(trap '' XFSZ; ulimit -f 0; "$FIREFLY" new stories cut-short --lang en --site "$work/ml" 2>&1 >/dev/null) |
  cat >"$work/err.txt"
code=${PIPESTATUS[0]}
set -e
[ "$code" = 1 ] && [ ! -e "$work/ml/content/stories/cut-short.en.md" ] &&
  grep -qxF "firefly: error: cannot write $work/ml/content/stories/cut-short.en.md: File too large" "$work/err.txt" ||
  { echo "new onto a full disk: exit $code"; cat "$work/err.txt"; exit 1; }
# A link that leads nowhere is there too: nothing is written where it points.
ln -s "$work/outside.md" "$work/ml/content/stories/dangling.en.md"
set +e
"$FIREFLY" new stories dangling --lang en --site "$work/ml" 2>"$work/err.txt"; code=$?
set -e
[ "$code" = 1 ] && grep -q 'already exists' "$work/err.txt" && [ ! -e "$work/outside.md" ]
rm "$work/ml/content/stories/dangling.en.md"
# A collection's folder that is a link out of the site: nothing is written there.
cp -r tests/sites/multilingual/site "$work/linked"
mv "$work/linked/content/stories" "$work/elsewhere"
ln -s "$work/elsewhere" "$work/linked/content/stories"
ls -A "$work/elsewhere" >"$work/elsewhere.before"
set +e
"$FIREFLY" new stories x --lang en --site "$work/linked" 2>"$work/err.txt"; code=$?
set -e
[ "$code" = 1 ] && grep -qxF "firefly: error: content/stories is a symbolic link to a place outside the site; the page was not written there" "$work/err.txt" &&
  ls -A "$work/elsewhere" | diff "$work/elsewhere.before" - || { echo "exit $code"; cat "$work/err.txt"; exit 1; }
set +e
"$FIREFLY" new storys x --site "$work/ml" 2>"$work/err.txt"; code=$?
set -e
[ "$code" = 2 ] && grep -q "did you mean 'stories'" "$work/err.txt"
# '_' is refused as the message says ('_index' would be the section's own page).
for slug in _index my_story; do
  set +e
  "$FIREFLY" new stories "$slug" --lang en --site "$work/ml" 2>"$work/err.txt"; code=$?
  set -e
  [ "$code" = 2 ] && [ ! -e "$work/ml/content/stories/$slug.en.md" ] ||
    { echo "new accepted '$slug' (exit $code)"; exit 1; }
done
grep -qF "'my_story' cannot be a file name; use lower-case letters, digits and '-', like 'my-story'" "$work/err.txt"
# A name typed in full-width mode (ａｂｃ, published at /ａｂｃ/, looks like abc and is
# another address): refused, naming the character and the name meant.
set +e
"$FIREFLY" new stories ａｂｃ-２ --lang en --site "$work/ml" 2>"$work/err.txt"; code=$?
set -e
[ "$code" = 2 ] && [ ! -e "$work/ml/content/stories/ａｂｃ-２.en.md" ] &&
  grep -qxF "firefly: error: 'ａｂｃ-２' has the full-width character 'ａ'; a file name is written with half-width letters and digits, like 'abc-2'" "$work/err.txt" ||
  { echo "new and 'ａｂｃ-２' (exit $code)"; cat "$work/err.txt"; exit 1; }
# A name Windows keeps for a device: a repository with content/stories/con.md cannot be
# checked out on a Windows computer.
for slug in con aux nul com1 lpt9; do
  set +e
  "$FIREFLY" new stories "$slug" --lang en --site "$work/ml" 2>"$work/err.txt"; code=$?
  set -e
  [ "$code" = 2 ] && [ ! -e "$work/ml/content/stories/$slug.en.md" ] ||
    { echo "new accepted '$slug' (exit $code)"; exit 1; }
done
grep -qxF "firefly: error: 'lpt9' is a name Windows keeps for a device: the page could not be checked out on a Windows computer, nor published on a Windows server" "$work/err.txt"
"$FIREFLY" new stories console --lang en --site "$work/ml" >/dev/null
# A language written as its country ('vn'), or one letter off, is named: 'vn' is as near
# to 'en' as to 'vi', and it was only said to be missing from site.yaml.
set +e
"$FIREFLY" new stories x --lang vn --site "$work/ml" 2>"$work/err.txt"; code=$?
set -e
[ "$code" = 2 ] && grep -q "the language 'vn' is not in site.yaml (did you mean 'vi'?)" "$work/err.txt"
set +e
"$FIREFLY" new stories x --lang zh-tw --site "$work/ml" 2>"$work/err.txt"; code=$?
set -e
[ "$code" = 2 ] && grep -q "(did you mean 'zh-TW'?)" "$work/err.txt"
# Another language's own code is not a misspelt one of the site's: 'th' on a site without
# Thai was answered "did you mean 'en'?", which would publish a Thai page as English.
set +e
"$FIREFLY" new stories x --lang ja --site "$work/ml" 2>"$work/err.txt"; code=$?
set -e
[ "$code" = 2 ] && ! grep -q "did you mean" "$work/err.txt" &&
  grep -q "the language 'ja' is not in site.yaml (its languages are " "$work/err.txt" &&
  grep -q "add {code: ja} to languages: in site.yaml first" "$work/err.txt" ||
  { echo "new --lang ja: $(cat "$work/err.txt")"; exit 1; }

"$FIREFLY" version | grep -q '^firefly [0-9]'
set +e
"$FIREFLY" build --no-such-flag >/dev/null 2>&1; code=$?
set -e
[ "$code" = 2 ] || { echo "usage error exit code $code"; exit 1; }
# An empty value (an unset variable) is a usage error that says so: `build --out= --quiet`
# published into a folder named --quiet, `--site ""` read the current folder.
empty_value() {
  local line=$1
  shift
  set +e
  (cd "$work" && "$FIREFLY" "$@" >/dev/null 2>"$work/err.txt")
  local code=$?
  set -e
  [ "$code" = 2 ] && head -1 "$work/err.txt" | grep -qxF -e "$line" ||
    { echo "exit $code for: $*"; cat "$work/err.txt"; exit 1; }
  [ ! -e "$work/--quiet" ] || { echo "built into $work/--quiet"; exit 1; }
}
empty_value "firefly: error: --out= has no value after '=' (an empty variable?)" build --site "$work/ml" --out= --quiet
empty_value "firefly: error: --site= has no value after '=' (an empty variable?)" check --site= --strict
empty_value "firefly: error: --out is empty (an empty variable?)" build --site "$work/ml" --out "" --quiet
empty_value "firefly: error: --site is empty (an empty variable?)" build --site "" --quiet
empty_value "firefly: error: --lang is empty (an empty variable?)" new stories x --site "$work/ml" --lang ""
grep -qxF "    = help: leave out --lang for its default, or write its value" "$work/err.txt"
# An option of another command says which; `new` without its words shows them.
set +e
"$FIREFLY" build --format json --site "$work/ml" >/dev/null 2>"$work/err.txt"; code=$?
set -e
[ "$code" = 2 ] && grep -qxF -e '--format is an option of `firefly check`, not of `firefly build`' "$work/err.txt" ||
  { cat "$work/err.txt"; exit 1; }
set +e
"$FIREFLY" new stories --site "$work/ml" >/dev/null 2>"$work/err.txt"; code=$?
set -e
[ "$code" = 2 ] &&
  grep -qxF 'usage: firefly new <collection> <file name>, e.g. firefly new stories nantou-roses' "$work/err.txt" ||
  { cat "$work/err.txt"; exit 1; }
echo "check and new: ok"
