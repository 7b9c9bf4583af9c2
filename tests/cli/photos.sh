#!/usr/bin/env bash
# Photos: phone photos made here (libvips, exiftool) with a GPS position, a camera serial
# number and an EXIF orientation are published as resized WebP and JPEG files without any
# metadata, upright, offered through <picture> (compared with photos/*.html), taken from
# the cache on a rebuild, safe with two builds at once, and named by `check` for their GPS.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# shellcheck source=lib/photo_site.bash
source "$(dirname "$0")/lib/photo_site.bash"
command -v vips >/dev/null && command -v exiftool >/dev/null ||
  fail "needs vips and exiftool (scripts/install-deps --test)"

site=$work/site
photo_site "$site"
cat >"$site/content/stories/class.md" <<'MD'
---
title: The sewing class
date: 2026-03-02
images:
  - {src: /images/class.jpg, alt: Two volunteers at a sewing machine, caption: The class on Monday}
---
The class met on Monday.

![The bureau's logo on a banner](/images/banner.png)

![A diagram](/images/diagram.svg)
MD

# A 4032 x 3024 phone photo, taken with the phone turned (orientation 6: shown 3024 x 4032).
vips perlin "$work/p.v" 4032 3024 --cell-size 256 --seed 7
vips linear "$work/p.v" "$work/r.v" 120 100
vips bandjoin "$work/r.v $work/p.v $work/r.v" "$work/c.v"
vips cast "$work/c.v" "$site/static/images/class.jpg[Q=90]" uchar
exiftool -q -overwrite_original -n -Orientation=6 -GPSLatitude=22.99 -GPSLatitudeRef=N \
  -GPSLongitude=120.21 -GPSLongitudeRef=E -SerialNumber=SN12345 -Artist="A. Volunteer" \
  -XMP:Creator="A. Volunteer" -IPTC:By-line="A. Volunteer" "$site/static/images/class.jpg"
# A 1000 x 500 PNG with transparency (published as WebP and PNG, not JPEG).
vips black "$work/a.v" 1000 500 --bands 4
vips linear "$work/a.v" "$site/static/images/banner.png" "1 1 1 1" "200 80 40 128" --uchar
exiftool -q -overwrite_original -XMP:Creator="A. Volunteer" "$site/static/images/banner.png"
printf '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>\n' \
  >"$site/static/images/diagram.svg"
exiftool -q -n -Orientation -GPSLatitude "$site/static/images/class.jpg" | grep -q 22.99 ||
  fail "the test photo has no GPS position"

# 1. The first build encodes every file.
"$FIREFLY" build --site "$site" --out "$work/public" >"$work/b1.out" 2>&1 || { cat "$work/b1.out"; fail "build"; }
grep -q "2 photos (.* encoded, 0 from the cache)" "$work/b1.out" || { cat "$work/b1.out"; fail "summary"; }
pub=$work/public
ls "$pub"/images/class-480-*.webp "$pub"/images/class-1600-*.jpg "$pub"/images/class-og-*.jpg \
  "$pub"/images/class-card800-*.webp "$pub"/images/banner-1000-*.png >/dev/null ||
  fail "variants missing: $(ls "$pub/images")"
[ ! -e "$pub"/images/banner-480-*.jpg ] || fail "a transparent image got a JPEG"
cmp -s "$site/static/images/diagram.svg" "$pub/images/diagram.svg" || fail "the SVG changed"

# 2. No published image carries EXIF, XMP, IPTC or GPS; the originals are stripped too.
for f in "$pub"/images/*.jpg "$pub"/images/*.webp "$pub"/images/*.png; do
  meta=$(exiftool -q -q -s -EXIF:all -XMP:all -IPTC:all -GPS:all "$f")
  [ -z "$meta" ] || fail "$(basename "$f") carries metadata: $meta"
done
[ "$(vipsheader -f width "$pub/images/class.jpg")" = 1600 ] || fail "original not resized"

# 3. Orientation: the photo is upright (taller than wide) in every width.
[ "$(vipsheader -f width "$pub"/images/class-800-*.webp)" = 800 ] || fail "800 width"
[ "$(vipsheader -f height "$pub"/images/class-800-*.webp)" = 1067 ] || fail "not turned upright"
[ "$(vipsheader -f height "$pub"/images/class-og-*.jpg)" = 630 ] || fail "og:image not 1200x630"

# 4. Markup (compared with the expected files, the content hash in names masked).
pictures() { grep -o '<picture[^§]*</picture>\|<meta property="og:image[^>]*>' "$1" |
  sed -E 's/-[0-9a-f]{8}\.(webp|jpg|png|avif)/-HASH.\1/g'; }
for page in stories/class stories; do
  name=$(echo "$page" | tr / -)
  pictures "$pub/$page/index.html" >"$work/$name.html"
  if [ -n "${UPDATE_GOLDEN:-}" ]; then cp "$work/$name.html" "$here/photos/$name.html"; fi
  diff -u "$here/photos/$name.html" "$work/$name.html" || fail "markup of /$page/ differs"
done
grep -q '<img src="/images/diagram.svg" alt="A diagram"' "$pub/stories/class/index.html" ||
  fail "the SVG is not shown as it is"

# 5. A rebuild encodes nothing and publishes the same bytes.
"$FIREFLY" build --site "$site" --out "$work/public2" >"$work/b2.out" 2>&1
grep -q "2 photos (0 files encoded, [1-9][0-9]* from the cache)" "$work/b2.out" ||
  { cat "$work/b2.out"; fail "the rebuild encoded again"; }
diff -r "$pub" "$work/public2" >/dev/null || fail "the rebuild differs"
#    Published files are links to the cache entries (same folder system here), not copies.
[ "$(stat -c %h "$work"/public2/images/class-800-*.webp)" -ge 2 ] || fail "copied, not linked"
#    A rebuild leaves published photo files that are still links to the cache where they
#    are; one deleted from the output, one replaced there and a file added by hand are put
#    right.
rm "$work"/public2/images/class-480-*.webp
for f in "$work"/public2/images/class-800-*.webp; do rm "$f" && echo wrong >"$f"; done
echo extra >"$work/public2/images/extra.txt"
"$FIREFLY" build --site "$site" --out "$work/public2" --quiet
diff -r "$pub" "$work/public2" >/dev/null || fail "a damaged output was not put right"
#    The index knows each original by size, modification and change times and inode, so
#    an unchanged photo is not read again. Another file in its place with the same size and
#    modification time (another inode) is noticed.
photo=$site/static/images/class.jpg
cp -p "$photo" "$work/saved.jpg"
cp -p "$photo" "$work/changed.jpg"
at=$(grep -obUa 'A\. Volunteer' "$photo" | head -1 | cut -d: -f1)
printf B | dd of="$work/changed.jpg" bs=1 seek="$at" conv=notrunc status=none
touch -r "$work/saved.jpg" "$work/changed.jpg"
mv "$work/changed.jpg" "$photo"
sleep 2.1  # past the time within which the index does not trust a file's times
"$FIREFLY" build --site "$site" --out "$work/public2" >"$work/b3.out" 2>&1
grep -q "2 photos ([1-9][0-9]* files encoded" "$work/b3.out" || { cat "$work/b3.out"; fail "missed"; }
grep -q "$photo	" "$site/.firefly-cache/photos/index.tsv" || fail "the photo is not in the index"
#    The original's bytes back in place, its size, modification time and inode kept (as
#    `cp -p` over it does): the change time tells, it is read again and every file comes
#    from the cache.
dd if="$work/saved.jpg" of="$photo" conv=notrunc status=none
touch -r "$work/saved.jpg" "$photo"
"$FIREFLY" build --site "$site" --out "$work/public2" >"$work/b3.out" 2>&1
grep -q "2 photos (0 files encoded" "$work/b3.out" || { cat "$work/b3.out"; fail "encoded again"; }
diff -r "$pub" "$work/public2" >/dev/null || fail "a photo changed in place was not read again"
#    The index records what each cache folder held; a folder left alone is not listed
#    again. An entry deleted from the cache by hand changes its folder: noticed, made again
#    and published as a link to the new entry; one replaced there by hand is linked anew.
touch -d '1 hour ago' "$site"/.firefly-cache/photos/*/
"$FIREFLY" build --site "$site" --out "$work/public2" --quiet
grep -q "^folder	" "$site/.firefly-cache/photos/index.tsv" || fail "no folder in the cache index"
entry=$(find "$site/.firefly-cache/photos" -samefile "$(ls "$work"/public2/images/class-1200-*.webp)")
[ -n "$entry" ] || fail "the published file is no link to a cache entry"
rm "$entry"
"$FIREFLY" build --site "$site" --out "$work/public2" >"$work/b4.out" 2>&1
grep -q "2 photos (1 file encoded" "$work/b4.out" || { cat "$work/b4.out"; fail "a deleted entry was not made again"; }
[ -e "$entry" ] || fail "the deleted entry is not back"
[ "$(stat -c %i "$entry")" = "$(stat -c %i "$work"/public2/images/class-1200-*.webp)" ] ||
  fail "the output is not linked to the new entry"
#    (made alone, from a decode at its own width, its bytes may differ a little)
[ "$(vipsheader -f width "$entry")" = 1200 ] || fail "the entry made again is not 1200 wide"
diff -r -x 'class-1200-*.webp' "$pub" "$work/public2" >/dev/null ||
  fail "the rebuild after deleting an entry differs"
touch -d '1 hour ago' "$site"/.firefly-cache/photos/*/
"$FIREFLY" build --site "$site" --out "$work/public2" --quiet
cp "$entry" "$work/entry" && rm "$entry" && mv "$work/entry" "$entry"
"$FIREFLY" build --site "$site" --out "$work/public2" >"$work/b4.out" 2>&1
grep -q "2 photos (0 files encoded" "$work/b4.out" || { cat "$work/b4.out"; fail "encoded again"; }
[ "$(stat -c %i "$entry")" = "$(stat -c %i "$work"/public2/images/class-1200-*.webp)" ] ||
  fail "the output is not linked to the replaced entry"

# 6. Two builds at once with an empty cache both succeed with the same output.
rm -rf "$site/.firefly-cache"
"$FIREFLY" build --site "$site" --out "$work/c1" --quiet & a=$!
"$FIREFLY" build --site "$site" --out "$work/c2" --quiet & b=$!
wait $a && wait $b || fail "concurrent builds"
diff -r "$work/c1" "$work/c2" >/dev/null || fail "concurrent builds differ"
diff -r "$pub" "$work/c1" >/dev/null || fail "concurrent build differs from the first"
! ls -a "$site"/.firefly-cache/photos/*/ | grep -q '^\.tmp' || fail "temporary files left"

# 7. Entries no build used for an hour are pruned; used ones stay.
#    A build that stores nothing looks for them at most once an hour.
stale=$site/.firefly-cache/photos/00/00stale.webp
mkdir -p "$(dirname "$stale")" && echo old >"$stale" && touch -d '2 hours ago' "$stale"
"$FIREFLY" build --site "$site" --out "$work/public3" --quiet
[ -e "$stale" ] || fail "pruned again within the hour"
touch -d '2 hours ago' "$site/.firefly-cache/photos/pruned"
"$FIREFLY" build --site "$site" --out "$work/public3" --quiet
[ ! -e "$stale" ] || fail "an unused cache entry was not pruned"
diff -r "$pub" "$work/public3" >/dev/null || fail "output after pruning differs"

# 8. check names the photo that carried a GPS position.
"$FIREFLY" check --site "$site" >"$work/check.out" 2>&1 || true
grep -q "static/images/class.jpg: warning: this photo carries the GPS position" "$work/check.out" ||
  { cat "$work/check.out"; fail "no GPS warning"; }
! grep -q "banner.png: warning: this photo carries" "$work/check.out" || fail "false GPS warning"
echo "photos: ok"
