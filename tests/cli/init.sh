#!/usr/bin/env bash
# `firefly init`: in every language the new site builds and checks clean (no warnings)
# as created; a non-empty folder is refused with exit 2 and left as it was.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for lang in zh-TW en vi id th fil ja ko; do
  "$FIREFLY" init "$work/$lang" --lang "$lang" </dev/null >"$work/init.out"
  grep -q "created a new site" "$work/init.out"
  "$FIREFLY" check --site "$work/$lang" --strict >"$work/check.out" 2>&1 ||
    { cat "$work/check.out"; echo "init --lang $lang: check failed"; exit 1; }
  "$FIREFLY" build --site "$work/$lang" --quiet ||
    { echo "init --lang $lang: build failed"; exit 1; }
  [ -f "$work/$lang/public/index.html" ] && [ -f "$work/$lang/public/stories/first-story/index.html" ]
  [ -f "$work/$lang/public/data/haircut-sessions.csv" ]
  # The sample story shows its own fields: the topic by its label and words, the photo once.
  story="$work/$lang/public/stories/first-story/index.html"
  label=$(sed -n 's/^topic_label: //p' "skeleton/strings/$lang.yaml")
  words=$(sed -n 's/^topic_employment: //p' "skeleton/strings/$lang.yaml")
  grep -qF "<dt>$label" "$story" && grep -qF "<dd>$words</dd>" "$story" ||
    { echo "init --lang $lang: the story's topic is not shown as '$label: $words'"; exit 1; }
  [ "$(grep -c 'src="/images/firefly.svg"' "$story")" = 1 ] ||
    { echo "init --lang $lang: the story's photo is not shown once"; exit 1; }
  # The browser editor's page, configured for the site's language.
  [ -f "$work/$lang/public/admin/index.html" ] &&
    grep -q "\"default_locale\": \"$lang\"" "$work/$lang/public/admin/config.yml" ||
    { echo "init --lang $lang: no /admin/ for the site's language"; exit 1; }
  grep -q "lang=\"$(sed -n 's/.*html_lang: \([^,]*\),.*/\1/p' "$work/$lang/site.yaml")\"" \
    "$work/$lang/public/index.html"
done
# tl (Tagalog): a site in tl with the Filipino words, which the theme's fil strings complete.
"$FIREFLY" init "$work/tl" --lang tl </dev/null >/dev/null
grep -q "code: tl, html_lang: fil" "$work/tl/site.yaml"
"$FIREFLY" check --site "$work/tl" --strict >"$work/check.out" 2>&1 ||
  { cat "$work/check.out"; echo "init --lang tl: check failed"; exit 1; }
"$FIREFLY" build --site "$work/tl" --quiet
grep -qF '>Lumaktaw sa pangunahing nilalaman</a>' "$work/tl/public/index.html" ||
  { echo "init --lang tl: the home page does not show the theme's Filipino words"; exit 1; }
# Without --lang and without a terminal: the default language.
"$FIREFLY" init "$work/default" </dev/null >/dev/null
grep -q "code: zh-TW" "$work/default/site.yaml"
# A folder with anything in it is refused.
mkdir "$work/busy" && echo keep >"$work/busy/notes.txt"
set +e
"$FIREFLY" init "$work/busy" --lang en 2>"$work/err"
code=$?
set -e
[ "$code" = 2 ] || { echo "non-empty folder: exit $code, expected 2"; exit 1; }
grep -q "is not an empty folder" "$work/err"
[ "$(ls -A "$work/busy")" = notes.txt ]
# A file that cannot be written (a full disk; here a limit on a file's size) leaves nothing
# behind, and says why: a half site was left, and init again refused it as not empty.
for target in half half-empty; do
  [ "$target" = half-empty ] && mkdir "$work/half-empty"
  set +e
  (trap '' XFSZ; ulimit -f 4; "$FIREFLY" init "$work/$target" --lang en </dev/null >/dev/null 2>"$work/err")
  code=$?
  set -e
  grep -qxF "firefly init: cannot write $work/$target/.github/workflows/publish.yml: File too large" "$work/err" &&
    [ "$code" = 1 ] || { echo "init onto a full disk: exit $code"; cat "$work/err"; exit 1; }
  if [ "$target" = half ]; then [ ! -e "$work/half" ]; else [ -z "$(ls -A "$work/half-empty")" ]; fi ||
    { echo "init left $(find "$work/$target")"; exit 1; }
done
"$FIREFLY" init "$work/half" --lang en </dev/null >/dev/null
# The `cd` it prints works as typed for a name with a space or a quote in it: `cd my site`
# went to a folder named "my".
"$FIREFLY" init "$work/bureau's site" --lang en </dev/null >"$work/init.out"
cd_line=$(sed -n 's/^next: \(cd .*\) && firefly serve .*/\1/p' "$work/init.out")
(eval "$cd_line" && [ -f site.yaml ] && [ "$PWD" = "$work/bureau's site" ]) ||
  { echo "the printed command does not reach the site: $cd_line"; exit 1; }
# An unknown language is a usage error.
set +e
"$FIREFLY" init "$work/fr" --lang fr 2>/dev/null
code=$?
set -e
[ "$code" = 2 ] || { echo "unknown language: exit $code, expected 2"; exit 1; }
echo "init: ok"
