#!/usr/bin/env bash
# serve and photos: a page showing a photo that is not in the cache is answered at once,
# naming the photo's files, which are made in the background and then served; a changed
# photo is made again under its new names. The files served are those `build` publishes.
set -euo pipefail
work=$(mktemp -d)
# The server is waited for before its folder is removed: it may still be writing a photo's
# files into the cache (rm -rf then found the folder not empty, and the test failed).
trap 'kill "${server_pid:-}" 2>/dev/null && wait "${server_pid:-}" 2>/dev/null; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; [ -f "$work/server.log" ] && cat "$work/server.log"; exit 1; }
command -v vips >/dev/null || fail "needs vips (scripts/install-deps --test)"
# shellcheck source=serve_start.bash
source "$(dirname "$0")/lib/serve_start.bash"

site=$work/site
mkdir -p "$site/content/stories" "$site/static/images"
printf 'title: Photo serve test\nbase_url: https://example.org/\nlanguages:\n  - {code: en, html_lang: en, name: English}\ncollections:\n  stories: {sort: date desc}\n' >"$site/site.yaml"
printf -- '---\ntitle: Home\n---\nWelcome.\n' >"$site/content/_index.md"
printf -- '---\ntitle: Stories\n---\n' >"$site/content/stories/_index.md"
printf -- '---\ntitle: The class\ndate: 2026-03-02\nimages:\n  - {src: /images/class.jpg, alt: Two volunteers}\n---\nText.\n' \
  >"$site/content/stories/class.md"
vips perlin "$work/p.v" 2000 1500 --cell-size 128 --seed 3
vips cast "$work/p.v" "$site/static/images/class.jpg[Q=90]" uchar --shift
# `photo_url N`: the Nth WebP file the story page names.
photo_url() { curl -s "$base/stories/class/" | grep -o '/images/class-[a-z0-9]*-[0-9a-f]*\.webp' | sed -n "${1}p"; }
wait_for() { # URL: waits up to 60 s for a 200
  for _ in $(seq 1 600); do [ "$(status "$base$1")" = 200 ] && return 0; sleep 0.1; done
  fail "$1 was not served within 60 s"
}

start_server "$site"
[ "$(status "$base/stories/class/")" = 200 ] || fail "the story page is not shown"
first=$(photo_url 1)
echo "right after the page: $first answers $(status "$base$first")"
[ -n "$first" ] || fail "the page names no photo file"
wait_for "$first"
curl -s "$base$first" >"$work/served.webp"
"$FIREFLY" build --site "$site" --out "$work/public" --quiet
cmp -s "$work/served.webp" "$work/public$first" || fail "served bytes differ from the build's"

# A changed photo: new names, made in the background again.
vips cast "$work/p.v" "$work/new.jpg[Q=70]" uchar
mv "$work/new.jpg" "$site/static/images/class.jpg"
for _ in $(seq 1 100); do
  second=$(photo_url 1)
  [ -n "$second" ] && [ "$second" != "$first" ] && break
  sleep 0.1
done
[ "$second" != "$first" ] || fail "the changed photo kept its names"
wait_for "$second"
echo "serve_photos: ok"
