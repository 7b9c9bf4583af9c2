#!/usr/bin/env bash
# A field of a collection's schema without `label:`, and a dataset's column without
# `title:`, are headed by their names (volunteer_hours) on every language's pages: a warning
# at the field or column says so, the same from `build`, `check` and `new`.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
site="$work/site"
mkdir -p "$site/content/stories" "$site/data"
fail() { echo "untitled_fields: $1"; exit 1; }
cat >"$site/site.yaml" <<'YAML'
title: Test
base_url: https://example.org/
languages:
  - {code: en, html_lang: en, name: English}
  - {code: vi, html_lang: vi, name: Tiếng Việt}
collections:
  stories:
    fields:
      date: {type: date}
      place: {type: string, label: {en: Place, vi: Nơi}}
      volunteer_hours: {type: integer}
YAML
printf -- '---\ntitle: Home\n---\nHello\n' >"$site/content/_index.md"
printf -- '---\ntitle: Trang chủ\n---\nXin chào\n' >"$site/content/_index.vi.md"
cat >"$site/data/hours.yaml" <<'YAML'
title: {en: Hours, vi: Giờ}
description: {en: Hours given by the volunteers of the repair team each year, vi: Số giờ tình nguyện của đội sửa chữa mỗi năm}
keywords: [volunteers]
spatial: {en: Tainan City, vi: Thành phố Đài Nam}
modified: 2024-01-01
columns:
  - {name: year, type: integer, title: {en: Year, vi: Năm}}
  - {name: volunteer_hours, type: integer}
YAML
printf 'year,volunteer_hours\n2023,5\n' >"$site/data/hours.csv"
cat >"$work/expected.txt" <<'TXT'
data/hours.yaml:8:5: warning: column 'volunteer_hours' has no title: the pages of every language show its name (volunteer_hours) as its heading
      - {name: volunteer_hours, type: integer}
        ^
    = help: add a title in each of the site's languages, e.g. title: {en: Volunteer hours}
site.yaml:11:7: warning: field 'volunteer_hours' of collection 'stories' has no label: the pages of every language show its name (volunteer_hours) as its title
          volunteer_hours: {type: integer}
          ^
    = help: add a label in each of the site's languages: volunteer_hours: {type: integer, label: {en: Volunteer hours}}
TXT
"$FIREFLY" check --site "$site" >"$work/check.txt" 2>&1 || { cat "$work/check.txt"; fail "check failed"; }
grep -v '^check ' "$work/check.txt" | diff -u "$work/expected.txt" - || fail "check's warnings differ"
"$FIREFLY" build --site "$site" --out "$work/out" --quiet 2>"$work/build.txt" || fail "build failed"
diff -u "$work/expected.txt" "$work/build.txt" || fail "build's warnings differ"
# new: the field's warning (site.yaml's), before the page it writes.
"$FIREFLY" new stories repair-day --lang en --site "$site" >/dev/null 2>"$work/new.txt" || fail "new failed"
tail -4 "$work/expected.txt" | diff -u - "$work/new.txt" || fail "new's warning differs"
ls "$site/content/stories/repair-day"*.md >/dev/null 2>&1 || fail "new wrote no page"
echo "untitled_fields: ok"
