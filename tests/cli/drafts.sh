#!/usr/bin/env bash
# Drafts and pages whose publish_at is still to come: left out of a normal build, shown
# with a banner (and kept out of search engines) with --drafts, as `serve` shows them.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

mkdir "$work/site"
cp -r site.yaml content data static "$work/site/"
story() {  # story <file> <extra front matter line>
  cat >"$work/site/content/stories/$1" <<MD
---
title: Banner test $1
date: 2026-01-05
program: contribution
$2
---
A story that is not public yet.
MD
}
story draft-story.en.md "draft: true"
story scheduled-story.en.md "publish_at: 2099-03-01"

"$FIREFLY" build --site "$work/site" --out "$work/public" --quiet
for p in draft-story scheduled-story; do
  [ ! -e "$work/public/en/stories/$p/index.html" ] || fail "$p was published without --drafts"
  ! grep -q "$p" "$work/public/sitemap.xml" || fail "$p is in sitemap.xml without --drafts"
done

"$FIREFLY" build --site "$work/site" --out "$work/preview" --drafts --quiet
draft="$work/preview/en/stories/draft-story/index.html"
scheduled="$work/preview/en/stories/scheduled-story/index.html"
grep -q '<p class="notice draft" role="note">This is a draft and has not been published.</p>' "$draft" ||
  fail "no draft banner"
grep -q '<meta name="robots" content="noindex">' "$draft" || fail "a draft is not noindex"
grep -q '<p class="notice scheduled" role="note">Not public yet: this page will be published on <time datetime="2099-03-01">' "$scheduled" ||
  fail "no scheduled banner"
grep -q '<meta name="robots" content="noindex">' "$scheduled" || fail "a scheduled page is not noindex"
! grep -q 'class="notice scheduled"' "$draft" || fail "a draft without publish_at says scheduled"
# The untranslated zh-TW fallback carries the banner too, in Chinese.
grep -q '尚未公開：本頁預定發布日期為 <time datetime="2099-03-01">' "$work/preview/stories/scheduled-story/index.html" ||
  fail "no scheduled banner on the zh-TW fallback"
echo "drafts: ok"
