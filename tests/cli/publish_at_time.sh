#!/usr/bin/env bash
# publish_at with a time of day is an instant, compared with now: a time without an offset
# is the wall clock of the site's zone (Asia/Taipei here, UTC+8 all year), a time with Z or
# an offset is that instant, a date alone is midnight in the zone. Times are set hours
# around now so that the text "YYYY-MM-DDTHH:MM" and today's date would often disagree.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

site="$work/site"
mkdir -p "$site/content"
printf '%s\n' 'title: Test' 'base_url: https://example.org/' 'timezone: Asia/Taipei' \
  'languages:' '  - {code: en, html_lang: en, name: English}' >"$site/site.yaml"
page() {  # page NAME PUBLISH_AT
  printf -- '---\ntitle: %s\npublish_at: "%s"\n---\nNews.\n' "$1" "$2" >"$site/content/$1.md"
}
taipei() { TZ=Asia/Taipei date -d "$1" "$2"; }
utc() { TZ=UTC date -d "$1" "$2"; }
# Published: the moment has come.
page taipei-wall-past "$(taipei '-2 hours' +%FT%H:%M)"
page utc-clock-as-taipei "$(utc '+3 hours' +%FT%H:%M)"  # Taipei's 3 h from UTC now: 5 h ago
page z-past "$(utc '-1 hour' +%FT%H:%M:%SZ)"
page offset-past "$(TZ=America/Bogota date -d '-1 hour' +%FT%H:%M)-05:00"
page today-taipei "$(taipei 'now' +%F)"
# Held back: still to come.
page taipei-wall-future "$(taipei '+2 hours' '+%F %H:%M')"
page z-future "$(utc '+3 hours' +%FT%H:%M:%SZ)"  # read as Taipei's clock it would be past
page offset-future "$(TZ=Asia/Kolkata date -d '+1 hour' +%FT%H:%M)+05:30"
page tomorrow-taipei "$(taipei 'tomorrow' +%F)"
page far-future "2099-12-31T23:59+14:00"

"$FIREFLY" build --site "$site" --out "$work/public" --quiet
for p in taipei-wall-past utc-clock-as-taipei z-past offset-past today-taipei; do
  [ -f "$work/public/$p/index.html" ] || fail "$p ($(grep publish_at "$site/content/$p.md")) was held back"
done
for p in taipei-wall-future z-future offset-future tomorrow-taipei far-future; do
  [ ! -e "$work/public/$p/index.html" ] ||
    fail "$p ($(grep publish_at "$site/content/$p.md")) was published before its time"
  ! grep -q "/$p/" "$work/public/sitemap.xml" || fail "$p is in sitemap.xml"
done

# With --drafts the pages still to come are shown with the moment they go public, in the
# site's zone.
"$FIREFLY" build --site "$site" --out "$work/preview" --drafts --quiet
grep -q '<p class="notice scheduled" role="note">.*<time datetime="2099-12-31T17:59:00+08:00">31 December 2099</time>' \
  "$work/preview/far-future/index.html" || fail "no scheduled notice with the time of far-future"
! grep -q 'class="notice scheduled"' "$work/preview/z-past/index.html" ||
  fail "z-past, already public, says scheduled"

# A time that is not one is an error at its line, as for any date.
page bad "2026-12-02T25:00"
set +e
"$FIREFLY" build --site "$site" --out "$work/bad" >"$work/bad.txt" 2>&1
code=$?
set -e
[ "$code" = 1 ] || { cat "$work/bad.txt"; fail "a bad time: exit $code, not 1"; }
grep -qF "content/bad.md:3:13: error: 'publish_at' must be a date written as YYYY-MM-DD, not '2026-12-02T25:00'" "$work/bad.txt" ||
  { cat "$work/bad.txt"; fail "a bad time: no error at its line"; }
echo "publish_at time: ok"
