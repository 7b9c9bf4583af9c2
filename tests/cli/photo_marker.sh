#!/usr/bin/env bash
# Raw HTML (markdown.unsafe_html) written like the marker the build puts where a photo goes
# (<img src="firefly-photo:N" ...), naming a photo the page does not show, crashed the
# build (photo 7 of 1 read out of bounds). It is published as written, the photo as a
# <picture>.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
site=$work/site
mkdir -p "$site/content" "$site/static/images"
cp tests/cli/photo_marker/site.yaml "$site/"
cp tests/cli/photo_marker/a.md "$site/content/"
vips black "$site/static/images/square.jpg" 64 48
"$FIREFLY" build --site "$site" --out "$work/out" --quiet
html="$work/out/a/index.html"
[ "$(grep -c '<picture' "$html")" = 1 ] || { echo "the photo is not one <picture>"; exit 1; }
for n in 7 x '' 18446744073709551616; do
  grep -qF "<img src=\"firefly-photo:$n\"" "$html" || { echo "firefly-photo:$n is not as written"; exit 1; }
done
echo "photo marker: ok"
