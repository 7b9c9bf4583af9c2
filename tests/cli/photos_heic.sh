#!/usr/bin/env bash
# A phone's HEIC original: decoded through libvips's HEIF add-on, which Firefly loads only
# when a HEIC, HEIF or AVIF file turns up (libvips starts without its add-ons), and
# published as WebP and JPEG sizes without its metadata; the original is not published.
# Skipped only when this system's libheif cannot write HEIC (no HEVC encoder) to make one.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# shellcheck source=lib/photo_site.bash
source "$(dirname "$0")/lib/photo_site.bash"
command -v vips >/dev/null && command -v exiftool >/dev/null ||
  fail "needs vips and exiftool (scripts/install-deps --test)"

site=$work/site
mkdir -p "$site/static/images"
vips perlin "$work/p.v" 1000 750 --cell-size 128 --seed 7
vips linear "$work/p.v" "$work/r.v" 120 100
vips bandjoin "$work/r.v $work/p.v $work/r.v" "$work/c.v"
vips cast "$work/c.v" "$work/phone.jpg[Q=90]" uchar
exiftool -q -overwrite_original -n -GPSLatitude=22.99 -GPSLatitudeRef=N -GPSLongitude=120.21 \
  -GPSLongitudeRef=E -Artist="A. Volunteer" "$work/phone.jpg"
# libvips copies the EXIF block into the HEIC it writes, as a phone does.
if ! vips heifsave "$work/phone.jpg" "$site/static/images/home.heic" --compression hevc \
  >"$work/enc.out" 2>&1; then
  echo "photos_heic: skipped (this libheif cannot write HEIC: $(head -c 200 "$work/enc.out"))"
  exit 0
fi
[ "$(vipsheader -f width "$site/static/images/home.heic")" = 1000 ] || fail "the HEIC made is not 1000 wide"
exiftool -q -q -s -GPS:all "$site/static/images/home.heic" | grep -q GPSLatitude ||
  fail "the HEIC made carries no GPS position to remove"

photo_site "$site"
printf -- '---\ntitle: The repaired home\ndate: 2026-03-02\nimages:\n  - {src: /images/home.heic, alt: The new roof}\n---\nText.\n' \
  >"$site/content/stories/home.md"

"$FIREFLY" build --site "$site" --out "$work/public" >"$work/b.out" 2>&1 || { cat "$work/b.out"; fail "build"; }
pub=$work/public
for w in 480 800 1000; do
  for ext in webp jpg; do
    f=$(ls "$pub"/images/home-$w-*.$ext 2>/dev/null) || fail "no $w $ext: $(ls "$pub/images")"
    [ "$(vipsheader -f width "$f")" = "$w" ] || fail "$(basename "$f") is not $w wide"
    [ "$(vipsheader -f height "$f")" = "$((w * 3 / 4))" ] || fail "$(basename "$f") height"
    meta=$(exiftool -q -q -s -EXIF:all -XMP:all -IPTC:all -GPS:all "$f")
    [ -z "$meta" ] || fail "$(basename "$f") carries metadata: $meta"
  done
done
# The pixels survived the trip: the 480 WebP is close to the original made 480 wide.
vips thumbnail "$work/phone.jpg" "$work/ref.v" 480
vips webpload "$(ls "$pub"/images/home-480-*.webp)" "$work/got.v"
diff=$(vips subtract "$work/got.v" "$work/ref.v" "$work/d.v" && vips abs "$work/d.v" "$work/a.v" && vips avg "$work/a.v")
awk "BEGIN {exit !($diff < 8)}" || fail "the 480 WebP differs from the photo by $diff on average"
[ ! -e "$pub/images/home.heic" ] || fail "the HEIC original is published"
ls "$pub"/images/home-og-*.jpg >/dev/null 2>&1 || fail "no social card"
grep -q '<source type="image/webp" srcset="/images/home-480-[0-9a-f]*\.webp 480w, ' \
  "$pub/stories/home/index.html" || fail "no <picture> for the HEIC photo"

# check names the photo that carried a position.
"$FIREFLY" check --site "$site" >"$work/c.out" 2>&1 || { cat "$work/c.out"; fail "check"; }
grep -q "static/images/home.heic.*GPS position" "$work/c.out" || { cat "$work/c.out"; fail "no GPS warning"; }
echo "photos_heic: ok"
