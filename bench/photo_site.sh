# shellcheck shell=bash
# The photo benchmarks' site, sourced by bench/photos.sh and bench/photos_warm.sh (needs
# `vips` and `exiftool`, from Debian's libvips-tools and libimage-exiftool-perl).
#
#   photo_site DIR N      DIR: a site of N stories, each with a 4032 x 3024 phone photo
#                         (JPEG Q=90 with an EXIF GPS position) in its front matter
#   plain_site SITE DIR   DIR: SITE's stories without their photos (no static/images, no
#                         `images:` lines, no photo cache)

photo_site() {
  local site=$1 n=$2 tmp
  tmp=$(mktemp -d)
  mkdir -p "$site/content/stories" "$site/static/images"
  printf 'title: Photo bench\nbase_url: https://example.org/\nlanguages:\n  - {code: en, html_lang: en, name: English}\ncollections:\n  stories: {sort: date desc}\n' >"$site/site.yaml"
  printf -- '---\ntitle: Home\n---\nWelcome.\n' >"$site/content/_index.md"
  printf -- '---\ntitle: Stories\n---\n' >"$site/content/stories/_index.md"
  # A photo-like picture: smooth shapes with sensor noise, saved as a phone would (Q=90).
  (
    cd "$tmp" || exit 1
    vips perlin p.v 4032 3024 --cell-size 256 --seed 7
    vips linear p.v r.v 120 100
    vips bandjoin "r.v p.v r.v" c.v
    vips gaussnoise n.v 4032 3024 --sigma 20
    vips add c.v n.v d.v
    vips cast d.v base.jpg[Q=90] uchar
  )
  local i
  for i in $(seq 1 "$n"); do
    # Each photo differs (its description), so each is a new cache entry.
    exiftool -q -n -o "$site/static/images/p$i.jpg" -GPSLatitude=22.99 -GPSLatitudeRef=N \
      -GPSLongitude=120.21 -GPSLongitudeRef=E -ImageDescription="photo $i" "$tmp/base.jpg"
    printf -- '---\ntitle: Story %s\ndate: 2026-03-%02d\nimages:\n  - {src: /images/p%s.jpg, alt: Photo %s}\n---\nText.\n' \
      "$i" $((i % 28 + 1)) "$i" "$i" >"$site/content/stories/s$i.md"
  done
  rm -rf "$tmp"
}

plain_site() {
  cp -r "$1" "$2"
  rm -rf "$2/.firefly-cache" "$2"/static/images/*
  sed -i '/^images:/,/src:/d' "$2"/content/stories/*.md
}
