#!/usr/bin/env bash
# `timezone:` in site.yaml decides the day of every date: git commit dates are converted to
# it whatever the committer's own offset, feeds write date-only pages as midnight there,
# and publish_at waits for the day there.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r tests/sites/multilingual/site "$work/site"
cd "$work/site"
printf '%s\n' '{{<baseof}}{{$main}}' \
  '<p class="updated">{{dataset.updated.iso}}</p><p class="issued">{{dataset.issued.iso}}</p>' \
  '{{#dataset.history}}<p class="change">{{date.iso}} {{message}}</p>{{/dataset.history}}' \
  '{{/main}}{{/baseof}}' >themes/mini/layouts/dataset.mustache
git init -q
git config user.email staff@example.org
git config user.name Staff
git add -A
# 23:30 UTC on 3 March 2021, committed in New York: 3 March there, 4 March in Taipei and
# (00:30, winter time) in Berlin.
GIT_AUTHOR_DATE="2021-03-03T18:30:00-05:00" GIT_COMMITTER_DATE="2021-03-03T18:30:00-05:00" \
  git commit -qm "First version"
# 20:00 UTC on 1 January 2024, committed in Tokyo (2 January there): 2 January in Taipei,
# still 1 January in Berlin.
printf '\nOne more line.\n' >>content/stories/story-2.en.md
printf '\n多一行。\n' >>content/stories/story-2.zh-TW.md
printf '2024,1600,\n' >>data/counts.csv
git add -A
GIT_AUTHOR_DATE="2024-01-02T05:00:00+09:00" GIT_COMMITTER_DATE="2024-01-02T05:00:00+09:00" \
  git commit -qm "Add the 2024 count"

fail() { echo "$1"; exit 1; }
has() {  # has FILE TEXT: FILE contains TEXT exactly
  grep -qF -- "$2" "$1" || { grep -n -e updated -e published -e lastmod -e change "$1" | head -20
    fail "$1 lacks: $2"; }
}
build_in() {  # build_in ZONE OUT
  sed -i '/^timezone:/d' site.yaml
  echo "timezone: $1" >>site.yaml
  "$FIREFLY" build --site . --out "$2" --quiet
}

build_in Asia/Taipei "$work/taipei"
o="$work/taipei"
has "$o/en/stories/story-2/index.html" \
  '<time datetime="2023-02-12">12 February 2023</time> updated <time datetime="2024-01-02T04:00:00+08:00">2 January 2024</time>'
has "$o/stories/story-2/index.html" 'updated <time datetime="2024-01-02T04:00:00+08:00">民國113年1月2日</time>'
has "$o/en/feed.xml" '<updated>2024-01-02T04:00:00+08:00</updated>'
has "$o/en/feed.xml" '<published>2023-02-12T00:00:00+08:00</published>'
has "$o/en/feed.xml" '<published>2023-03-13T00:00:00+08:00</published>'
has "$o/en/feed.xml" '<updated>2023-03-13T00:00:00+08:00</updated>'
has "$o/en/stories/feed.xml" '<updated>2024-01-02T04:00:00+08:00</updated>'
has "$o/sitemap.xml" '<lastmod>2024-01-02T04:00:00+08:00</lastmod>'
has "$o/data/counts/index.html" '<p class="updated">2024-01-02</p><p class="issued">2021-03-04</p>'
has "$o/data/counts/index.html" '<p class="change">2024-01-02 Add the 2024 count</p>'
has "$o/data/counts/index.html" '<p class="change">2021-03-04 First version</p>'

build_in Europe/Berlin "$work/berlin"
o="$work/berlin"
has "$o/en/stories/story-2/index.html" \
  'updated <time datetime="2024-01-01T21:00:00+01:00">1 January 2024</time>'
has "$o/en/feed.xml" '<updated>2024-01-01T21:00:00+01:00</updated>'
# Midnight in Berlin is +01:00 in February and +02:00 after the clocks change in March.
has "$o/en/feed.xml" '<published>2023-02-12T00:00:00+01:00</published>'
has "$o/en/feed.xml" '<published>2023-03-13T00:00:00+01:00</published>'
has "$o/sitemap.xml" '<lastmod>2024-01-01T21:00:00+01:00</lastmod>'
has "$o/data/counts/index.html" '<p class="updated">2024-01-01</p><p class="issued">2021-03-04</p>'
has "$o/data/counts/index.html" '<p class="change">2024-01-01 Add the 2024 count</p>'

# publish_at: the same day is already here in Kiritimati (UTC+14) and always still to come
# in Pago Pago (UTC-11), 25 hours behind.
day=$(TZ=Pacific/Kiritimati date +%F)
for lang in zh-TW en; do
  printf -- '---\ntitle: Embargoed\ndate: 2023-03-14\nprogram: learning\npublish_at: %s\n---\nNews.\n' \
    "$day" >content/stories/embargoed.$lang.md
done
build_in Pacific/Pago_Pago "$work/pago"
build_in Pacific/Kiritimati "$work/kiritimati"
if [ "$(TZ=Pacific/Kiritimati date +%F)" = "$day" ]; then  # not across midnight there
  [ ! -e "$work/pago/en/stories/embargoed/index.html" ] ||
    fail "publish_at $day published in Pago Pago, where that day has not come"
  [ -f "$work/kiritimati/en/stories/embargoed/index.html" ] ||
    fail "publish_at $day held back in Kiritimati, where it is that day"
fi

# An unknown zone is a configuration error, with a suggestion.
sed -i '/^timezone:/d' site.yaml
echo "timezone: Europe/Berln" >>site.yaml
set +e
"$FIREFLY" build --site . --out "$work/bad" >"$work/bad.txt" 2>&1
code=$?
set -e
[ "$code" = 2 ] || { cat "$work/bad.txt"; fail "unknown zone: exit $code, not 2"; }
has "$work/bad.txt" "error: timezone 'Europe/Berln' is not a known time zone"
has "$work/bad.txt" "= help: did you mean 'Europe/Berlin'?"
[ ! -e "$work/bad" ] || fail "an unknown zone still wrote output"
echo "time zone: ok"
