#!/usr/bin/env bash
# A content file named in full-width mode (the browser editor names a new page after its
# title as typed, ２０２４年志工, and cannot rename it) is published at the half-width address,
# /stories/2024年志工/, which a link typed half-width finds; beside a file of that name
# already, it is a clash that names both. A folder named so is read the same way.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$FIREFLY" init "$work/site" >/dev/null
site="$work/site"
printf -- '---\ntitle: ２０２４年志工\ndate: 2024-01-05\ntopic: safety\n---\n志工的故事。\n' \
  >"$site/content/stories/２０２４年志工.zh-TW.md"
printf -- '---\ntitle: 連結\ndate: 2024-01-06\ntopic: safety\n---\n請看[志工](/stories/2024年志工/)。\n' \
  >"$site/content/stories/link.zh-TW.md"
"$FIREFLY" build --site "$site" --out "$work/out" --quiet 2>"$work/err.txt" ||
  { cat "$work/err.txt"; fail "the build failed"; }
[ -f "$work/out/stories/2024年志工/index.html" ] || fail "no page at /stories/2024年志工/"
[ ! -e "$work/out/stories/２０２４年志工" ] && [ ! -e "$work/out/stories/２０２４年志工/" ] ||
  fail "a page at the full-width address"
grep -q '２０２４年志工' "$work/out/stories/2024年志工/index.html" || fail "the title as written"
grep -q 'href="/stories/2024%E5%B9%B4%E5%BF%97%E5%B7%A5/"' "$work/out/stories/link/index.html" ||
  fail "the link"
"$FIREFLY" check --site "$site" --strict >/dev/null 2>"$work/check.txt" ||
  { cat "$work/check.txt"; fail "check --strict"; }

# A folder named in full-width mode: its pages at the half-width address too.
mkdir -p "$site/content/ｎｅｗｓ２"
printf -- '---\ntitle: 消息\n---\n最新消息。\n' >"$site/content/ｎｅｗｓ２/_index.zh-TW.md"
printf -- '---\ntitle: 開課\n---\n開課了。\n' >"$site/content/ｎｅｗｓ２/class.zh-TW.md"
"$FIREFLY" build --site "$site" --out "$work/out" --quiet 2>"$work/err.txt" ||
  { cat "$work/err.txt"; fail "the build with a full-width folder failed"; }
[ -f "$work/out/news2/class/index.html" ] && [ -f "$work/out/news2/index.html" ] ||
  { ls "$work/out"; fail "no pages at /news2/"; }
[ ! -e "$work/out/ｎｅｗｓ２" ] || fail "pages at the full-width folder's address"
rm -r "$site/content/ｎｅｗｓ２"

# ａｂ.md beside ab.md: one address, two pages.
cp "$site/content/stories/first-story.zh-TW.md" "$site/content/stories/ab.zh-TW.md"
cp "$site/content/stories/first-story.zh-TW.md" "$site/content/stories/ａｂ.zh-TW.md"
code=0
"$FIREFLY" build --site "$site" --out "$work/out" --quiet 2>"$work/err.txt" || code=$?
[ "$code" = 1 ] || { cat "$work/err.txt"; fail "exit $code with ab and ａｂ, expected 1"; }
grep -q "content/stories/ａｂ.zh-TW.md: error: this page is a second 'zh-TW' version of the page in content/stories/ab.zh-TW.md" "$work/err.txt" ||
  { cat "$work/err.txt"; fail "the clash message"; }
echo ok
