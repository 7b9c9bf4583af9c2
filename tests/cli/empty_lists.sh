#!/usr/bin/env bash
# A collection with no page yet (a new site whose example story was deleted): its list
# page, the home page and the site map say "Nothing here yet" and write no empty <ul>,
# which a screen reader announces as a list of 0 items (and Alfa fails, sia-r68).
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$FIREFLY" init "$work/site" --lang en >/dev/null
rm "$work/site/content/stories/first-story.en.md"
"$FIREFLY" build --site "$work/site" --out "$work/public" --quiet
for page in index.html stories/index.html sitemap/index.html; do
  f="$work/public/$page"
  [ -f "$f" ] || fail "$page was not published"
  python3 - "$f" <<'PY' || fail "$page has an empty list"
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
sys.exit(1 if re.search(r"<ul[^>]*>\s*</ul>", html) else 0)
PY
done
grep -q '<p>Nothing here yet.</p>' "$work/public/stories/index.html" ||
  fail "the empty stories list does not say so"

# A story made by `firefly new` keeps the taxonomies' empty lists (`tags: []`): its page
# lists no terms, not an empty <ul> under "Tags:".
printf 'taxonomies:\n  tags: {title: Tags}\n' >>"$work/site/site.yaml"
"$FIREFLY" new stories blank --site "$work/site" >/dev/null
grep -q '^tags: \[\]' "$work/site/content/stories/blank.md" || fail "new wrote no empty tags list"
sed -i 's/^title: ""/title: "Only a title"/; s/^summary: ""//' "$work/site/content/stories/blank.md"
"$FIREFLY" build --site "$work/site" --out "$work/public" --quiet
f="$work/public/stories/blank/index.html"
[ -f "$f" ] || fail "the story with only a title was not published"
python3 - "$f" <<'PY' || fail "stories/blank has an empty list"
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
sys.exit(1 if re.search(r"<ul[^>]*>\s*</ul>", html) else 0)
PY
! grep -q 'terms-tags' "$f" || fail "stories/blank shows a Tags label without terms"
echo "empty_lists: ok"
