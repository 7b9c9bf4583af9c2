#!/usr/bin/env bash
# In a site's own git repository, `updated` comes from the last commit that changed the
# page's file after the one that created it (never before the page's date), and dataset
# pages list the commits that changed their data.
set -euo pipefail
# shellcheck source=git_fixture.bash
source "$(dirname "$0")/lib/git_fixture.bash"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r tests/sites/multilingual/site "$work/site"
cd "$work/site"
# A dataset layout that shows the change history.
printf '%s\n' '{{<baseof}}{{$main}}' \
  '{{#dataset.history}}<span class="commit">{{message}}</span>{{/dataset.history}}' \
  '{{/main}}{{/baseof}}' >themes/mini/layouts/dataset.mustache
git_fixture
commit_at "2021-03-04T10:00:00+08:00" "First version of the site"
printf '\nOne more line.\n' >>content/stories/story-2.en.md
printf '2024,1600,\n' >>data/counts.csv
commit_at "2023-07-08T09:00:00+08:00" "Add the 2024 count"
# A revision dated before the page's own date (content written ahead, or a wrong clock):
# never shown as its update.
printf '\nA fix.\n' >>content/stories/story-1.en.md
commit_at "2021-05-01T09:00:00+08:00" "Fix story 1"
"$FIREFLY" build --site . --out "$work/out" --quiet
# The site sets no timezone: the commit of 09:00 in Taipei is given in UTC.
grep -q 'updated <time datetime="2023-07-08T01:00:00Z">8 July 2023</time>' \
  "$work/out/en/stories/story-2/index.html"
# A page only the first commit touched was created then, not updated: no "updated" date.
if grep -q 'updated <time' "$work/out/en/stories/story-3/index.html"; then
  echo "the commit that created story-3 is shown as its update"; exit 1
fi
if grep -q 'updated <time' "$work/out/en/stories/story-1/index.html"; then
  echo "story-1 shows an update from before its date"; exit 1
fi
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
