# Shared by the photo tests (sourced, not run): photo_site SITE [LINE...] makes the small
# English site they build: site.yaml (with each LINE added, e.g. 'photos: {avif: true}'),
# a home page, a stories section and an empty static/images/ for the photos.
photo_site() {
  local site=$1
  shift
  mkdir -p "$site/content/stories" "$site/static/images"
  {
    cat <<'YAML'
title: Photo test
base_url: https://example.org/
languages:
  - {code: en, html_lang: en, name: English}
collections:
  stories: {sort: date desc}
YAML
    local line
    for line in "$@"; do printf '%s\n' "$line"; done
  } >"$site/site.yaml"
  printf -- '---\ntitle: Home\n---\nWelcome.\n' >"$site/content/_index.md"
  printf -- '---\ntitle: Stories\n---\n' >"$site/content/stories/_index.md"
}
