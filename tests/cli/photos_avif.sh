#!/usr/bin/env bash
# photos.avif: with `photos: {avif: true}` every photo size is also published in AVIF,
# without metadata, and offered first in <picture>. Skipped only when this system's
# libvips cannot write AVIF (no libheif AV1 encoder).
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# shellcheck source=lib/photo_site.bash
source "$(dirname "$0")/lib/photo_site.bash"
command -v vips >/dev/null && command -v exiftool >/dev/null ||
  fail "needs vips and exiftool (scripts/install-deps --test)"
vips black "$work/t.v" 16 16 --bands 3
if ! vips heifsave "$work/t.v" "$work/t.avif" --compression av1 >/dev/null 2>&1; then
  echo "photos_avif: skipped (this libvips cannot write AVIF)"
  exit 0
fi

site=$work/site
photo_site "$site" 'photos: {avif: true}'
printf -- '---\ntitle: The class\ndate: 2026-03-02\nimages:\n  - {src: /images/class.jpg, alt: Two volunteers}\n---\nText.\n' \
  >"$site/content/stories/class.md"
vips perlin "$work/p.v" 1000 750 --cell-size 128 --seed 7
vips linear "$work/p.v" "$work/r.v" 120 100
vips bandjoin "$work/r.v $work/p.v $work/r.v" "$work/c.v"
vips cast "$work/c.v" "$site/static/images/class.jpg[Q=90]" uchar
exiftool -q -overwrite_original -n -GPSLatitude=22.99 -GPSLatitudeRef=N -GPSLongitude=120.21 \
  -GPSLongitudeRef=E -Artist="A. Volunteer" "$site/static/images/class.jpg"

"$FIREFLY" build --site "$site" --out "$work/public" >"$work/b.out" 2>&1 || { cat "$work/b.out"; fail "build"; }
! grep -q "cannot write AVIF" "$work/b.out" || fail "AVIF reported missing"
pub=$work/public
for w in 480 800 1000 card480 card800; do
  f=$(ls "$pub"/images/class-$w-*.avif 2>/dev/null) || fail "no $w AVIF: $(ls "$pub/images")"
  [ "$(vipsheader -f height "$f" 2>/dev/null)" -gt 0 ] || fail "$f is not readable"
  meta=$(exiftool -q -q -s -EXIF:all -XMP:all -IPTC:all -GPS:all "$f")
  [ -z "$meta" ] || fail "$(basename "$f") carries metadata: $meta"
done
[ "$(vipsheader -f width "$pub"/images/class-800-*.avif 2>/dev/null)" = 800 ] || fail "800 width"
[ ! -e "$pub"/images/class-og-*.avif ] || fail "the social card is AVIF (crawlers read JPEG)"
page=$pub/stories/class/index.html
grep -q '<picture><source type="image/avif" srcset="/images/class-480-[0-9a-f]*\.avif 480w, ' "$page" ||
  fail "AVIF not offered first: $(grep -o '<picture>.*</picture>' "$page")"
grep -q '<source type="image/webp"' "$page" || fail "WebP not offered"

# Without the key: no AVIF.
sed -i '/^photos:/d' "$site/site.yaml"
"$FIREFLY" build --site "$site" --out "$work/public2" >/dev/null 2>&1 || fail "build without avif"
! ls "$work"/public2/images/*.avif >/dev/null 2>&1 || fail "AVIF without photos.avif"
# A change of what is planned changes a warm rebuild's output folder: into the folder of
# the build with AVIF, from the same cache (its recorded photo set is the one with AVIF).
"$FIREFLY" build --site "$site" --out "$pub" >/dev/null 2>&1 || fail "rebuild without avif"
! ls "$pub"/images/*.avif >/dev/null 2>&1 || fail "AVIF left in the output folder"
! grep -q '<source type="image/avif"' "$page" || fail "AVIF still offered"
printf 'photos: {avif: true}\n' >>"$site/site.yaml"
"$FIREFLY" build --site "$site" --out "$pub" >"$work/b.out" 2>&1 || fail "rebuild with avif"
grep -q "0 files encoded" "$work/b.out" || { cat "$work/b.out"; fail "AVIF encoded again"; }
ls "$pub"/images/class-800-*.avif >/dev/null 2>&1 || fail "AVIF not published again"
grep -q '<source type="image/avif"' "$page" || fail "AVIF not offered again"
sed -i '/^photos:/d' "$site/site.yaml"

# An unknown key under photos is a configuration error.
printf 'photos: {avfi: true}\n' >>"$site/site.yaml"
code=0
"$FIREFLY" build --site "$site" --out "$work/public3" >"$work/b3.out" 2>&1 || code=$?
[ "$code" = 2 ] || { cat "$work/b3.out"; fail "exit $code for an unknown photos key"; }
grep -q "unknown key 'avfi' in photos" "$work/b3.out" || { cat "$work/b3.out"; fail "message"; }
echo "photos_avif: ok"
