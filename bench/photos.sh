#!/usr/bin/env bash
# Photo benchmark: Firefly's photo step against Hugo's image processing on the same phone
# photos, in the same run. Prints one line per measurement (wall seconds, peak RSS); the
# figures in BENCHMARKS.md ("Photos") come from it. On a shared machine compare the CPU
# seconds: wall time depends on what else runs.
#
#   bench/photos.sh [N]   N photos of 4032 x 3024 with an EXIF GPS position (default 200)
#
# Firefly: a cold build (empty cache: 4 widths in WebP and JPEG, 2 card crops, the social
# card, the stripped original), a warm rebuild (every file from the cache) and the same
# site without photos. Hugo: `.Resize` of every photo to the same 4 widths in WebP.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/photo_site.sh
source bench/photo_site.sh
FIREFLY=${FIREFLY:-$PWD/build/firefly}
N=${1:-200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

site=site
photo_site $site "$N"
measure() {  # label command...: wall seconds, CPU seconds (user + system), peak RSS
  /usr/bin/time -f "%e %U %S %M" -o t.txt "${@:2}" >/dev/null 2>&1
  read -r secs user sys kb <t.txt
  printf '%-36s %8.2f s %8.2f s CPU %8d KB\n' "$1" "$secs" "$(awk "BEGIN {print $user + $sys}")" "$kb"
}
measure "firefly, cold cache" "$FIREFLY" build --site $site --out out1 --jobs 2
measure "firefly, warm cache" "$FIREFLY" build --site $site --out out2 --jobs 2
diff -r out1 out2 >/dev/null || { echo "FAIL: the warm rebuild differs"; exit 1; }
plain_site $site plain
measure "firefly, no photos" "$FIREFLY" build --site plain --out out3 --jobs 2
# A warm rebuild against the build without photos, alternating (a busy machine drifts):
# each rebuilds into the output of the one before.
for k in 1 2 3 4 5; do
  measure "firefly, warm rebuild $k" "$FIREFLY" build --site $site --out out2 --jobs 2
  measure "firefly, no photos, rebuild $k" "$FIREFLY" build --site plain --out out3 --jobs 2
done
echo "bytes of one photo's files: $(cd out1/images && ls -l p1-*.webp p1-*.jpg | awk '{printf "%s=%d ", $9, $5}')"

if command -v hugo >/dev/null; then
  mkdir -p h/assets/images h/content/stories h/layouts/_default
  cp $site/static/images/*.jpg h/assets/images/
  printf 'baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n[imaging]\nquality = 75\n' >h/config.toml
  for i in $(seq 1 "$N"); do printf -- '---\ntitle: Story %s\nimg: images/p%s.jpg\n---\nText.\n' "$i" "$i" >h/content/stories/s$i.md; done
  echo '{{ .Title }}' >h/layouts/_default/list.html
  cat >h/layouts/_default/single.html <<'HTML'
{{ with resources.Get .Params.img }}{{ $a := .Resize "480x webp" }}{{ $b := .Resize "800x webp" }}{{ $c := .Resize "1200x webp" }}{{ $d := .Resize "1600x webp" }}<img srcset="{{ $a.RelPermalink }} 480w, {{ $b.RelPermalink }} 800w, {{ $c.RelPermalink }} 1200w, {{ $d.RelPermalink }} 1600w">{{ end }}
HTML
  measure "hugo .Resize (4 WebP widths)" hugo --source h --destination "$work/hout" --cacheDir "$work/hcache"
fi
