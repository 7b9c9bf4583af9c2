#!/usr/bin/env bash
# In a site's own git repository, `updated` comes from the last commit that changed the
# page's file, and dataset pages list the commits that changed their data.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r tests/sites/multilingual/site "$work/site"
cd "$work/site"
# A dataset layout that shows the change history.
printf '%s\n' '{{<baseof}}{{$main}}' \
  '{{#dataset.history}}<span class="commit">{{message}}</span>{{/dataset.history}}' \
  '{{/main}}{{/baseof}}' >themes/mini/layouts/dataset.mustache
git init -q
git config user.email staff@example.org
git config user.name Staff
git add -A
GIT_AUTHOR_DATE="2021-03-04T10:00:00+08:00" GIT_COMMITTER_DATE="2021-03-04T10:00:00+08:00" \
  git commit -qm "First version of the site"
printf '\nOne more line.\n' >>content/stories/story-2.en.md
printf '2024,1600,\n' >>data/counts.csv
git add -A
GIT_AUTHOR_DATE="2023-07-08T09:00:00+08:00" GIT_COMMITTER_DATE="2023-07-08T09:00:00+08:00" \
  git commit -qm "Add the 2024 count"
"$FIREFLY" build --site . --out "$work/out" --quiet
grep -q 'updated <time datetime="2023-07-08T09:00:00+08:00">8 July 2023</time>' \
  "$work/out/en/stories/story-2/index.html"
grep -q 'updated <time datetime="2021-03-04T10:00:00+08:00">4 March 2021</time>' \
  "$work/out/en/stories/story-3/index.html"
grep -q "<span class=\"commit\">Add the 2024 count</span>" "$work/out/data/counts/index.html"
# A full clone says nothing; a shallow clone (CI's default checkout) is warned about.
"$FIREFLY" check --site . >"$work/full.txt" 2>&1 || true
if grep -q "shallow" "$work/full.txt"; then echo "a full clone was called shallow"; exit 1; fi
git clone -q --depth 1 "file://$work/site" "$work/shallow"
"$FIREFLY" check --site "$work/shallow" >"$work/shallow.txt" 2>&1 || true
grep -q "warning: this site is a shallow git clone" "$work/shallow.txt" ||
  { cat "$work/shallow.txt"; echo "no warning about the shallow clone"; exit 1; }
grep -q "git fetch --unshallow" "$work/shallow.txt"
echo "git dates: ok"
