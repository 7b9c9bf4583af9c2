#!/usr/bin/env bash
# Files of static/ that are not published through a page: a JPEG named .jfif, and one
# named .gif, are known as photos by their content (the first published without its GPS
# position, the second an error that names the extension to give it); a GIF keeps its
# frames but loses its comment, its XMP (with a GPS position) and what follows its end; a
# PNG named .ico or .ICO is an icon, published as it is.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# shellcheck source=lib/photo_site.bash
source "$(dirname "$0")/lib/photo_site.bash"
command -v vips >/dev/null && command -v exiftool >/dev/null ||
  fail "needs vips and exiftool (scripts/install-deps --test)"
bin=${FIREFLY:?}

site=$work/site
photo_site "$site"
vips black "$work/p.v" 640 480 --bands 3
vips linear "$work/p.v" "$site/static/images/visit.jpg[Q=80]" 1 90
exiftool -q -overwrite_original -n -GPSLatitude=22.99 -GPSLatitudeRef=N \
  -GPSLongitude=120.21 -GPSLongitudeRef=E "$site/static/images/visit.jpg"
mv "$site/static/images/visit.jpg" "$site/static/images/visit.jfif"

# A two-frame animated GIF (1 x 1), written from its blocks, then given a comment and an
# XMP position by exiftool, and a note after its end.
{
  printf 'GIF89a\001\000\001\000\200\000\000\000\000\000\377\377\377'
  printf '\041\377\013NETSCAPE2.0\003\001\000\000\000'
  for _ in 1 2; do
    printf '\041\371\004\000\012\000\000\000'
    printf '\054\000\000\000\000\001\000\001\000\000\002\002\104\001\000'
  done
  printf ';'
} >"$site/static/images/wave.gif"
exiftool -q -overwrite_original -Comment="Mrs Lin's home" -XMP:GPSLatitude=22.99 \
  -XMP:GPSLongitude=120.21 "$site/static/images/wave.gif"
printf 'Lane 5, No. 12' >>"$site/static/images/wave.gif"
exiftool -Comment -XMP:GPSLatitude "$site/static/images/wave.gif" | grep -q "Mrs Lin" ||
  fail "the GIF was not given a comment"

# Icons: a PNG named .ico (which browsers accept), however the extension is written.
vips black "$work/icon.png" 16 16
cp "$work/icon.png" "$site/static/favicon.ico"
cp "$work/icon.png" "$site/static/touch.ICO"

"$bin" build --site "$site" --out "$work/out" >"$work/build.log" 2>&1 ||
  { cat "$work/build.log"; fail "the build failed"; }
out=$work/out/images
[ -s "$out/visit.jfif" ] || fail "visit.jfif was not published"
[ "$(exiftool -q -q -GPSLatitude "$out/visit.jfif")" = "" ] ||
  fail "visit.jfif kept its GPS position"
cmp -s "$work/icon.png" "$work/out/favicon.ico" || fail "favicon.ico was not published as it is"
cmp -s "$work/icon.png" "$work/out/touch.ICO" || fail "touch.ICO was not published as it is"
[ -s "$out/wave.gif" ] || fail "wave.gif was not published"
for hidden in "Mrs Lin" "GPS" "XMP" "Lane 5"; do
  ! grep -aq "$hidden" "$out/wave.gif" || fail "wave.gif still holds '$hidden'"
done
[ "$(grep -ac NETSCAPE2.0 "$out/wave.gif")" = 1 ] || fail "wave.gif lost its loop count"
[ "$(exiftool -q -q -FrameCount -s3 "$out/wave.gif")" = 2 ] || fail "wave.gif lost a frame"

# A JPEG saved as .gif: browsers show it, with its position; the build says what to do.
cp "$site/static/images/visit.jfif" "$site/static/images/map.gif"
if "$bin" build --site "$site" --out "$work/out2" >"$work/bad.log" 2>&1; then
  fail "a JPEG named .gif was published"
fi
grep -qF "static/images/map.gif: error: the image /images/map.gif is named .gif but its content is jpeg" \
  "$work/bad.log" || { cat "$work/bad.log"; fail "no error for the JPEG named .gif"; }
grep -qF "help: rename the file to end in .jpg" "$work/bad.log" ||
  { cat "$work/bad.log"; fail "no hint for the JPEG named .gif"; }
[ ! -e "$work/out2" ] || fail "a failed build wrote its output folder"
echo "ok"
