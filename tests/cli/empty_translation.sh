#!/usr/bin/env bash
# A translation file with neither title nor text (what Decap and Sveltia CMS write for
# every language of a new story) is the same as a missing translation: not published, no
# warning, so `check --strict` passes; `check` lists it among the pages not translated.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/site/content/stories"
cat >"$work/site/site.yaml" <<'YAML'
title: {zh-TW: 測試, vi: Thử nghiệm}
base_url: https://example.org/
languages:
  - {code: zh-TW, html_lang: zh-Hant-TW, name: 中文}
  - {code: vi, html_lang: vi, name: Tiếng Việt}
missing_translation: fallback
collections:
  stories:
    fields:
      date: {type: date, required: true}
YAML
printf -- '---\ntitle: 首頁\n---\n歡迎。\n' >"$work/site/content/_index.zh-TW.md"
printf -- '---\ntitle: Trang chủ\n---\nChào mừng.\n' >"$work/site/content/_index.vi.md"
printf -- '---\ntitle: 玫瑰\ndate: 2021-03-01\n---\n志工收到玫瑰。\n' >"$work/site/content/stories/story-1.zh-TW.md"
"$FIREFLY" check --site "$work/site" --strict >"$work/out.txt" 2>&1 || { cat "$work/out.txt"; exit 1; }
# The CMS copies the date into every language's file.
printf -- '---\ndate: 2021-03-01\n---\n' >"$work/site/content/stories/story-1.vi.md"

"$FIREFLY" check --site "$work/site" --strict >"$work/out.txt" 2>"$work/err.txt" ||
  { cat "$work/out.txt" "$work/err.txt"; echo "check --strict failed"; exit 1; }
[ ! -s "$work/err.txt" ] || { cat "$work/err.txt"; echo "check printed a diagnostic"; exit 1; }
line='vi: content/stories/story-1.zh-TW.md is not translated (content/stories/story-1.vi.md is empty)'
grep -qxF "$line" "$work/out.txt" || { cat "$work/out.txt"; echo "missing: $line"; exit 1; }
# Listed once, not also as a plain untranslated page.
[ "$(grep -c 'story-1.zh-TW.md is not translated' "$work/out.txt")" = 1 ] ||
  { cat "$work/out.txt"; exit 1; }
grep -q '; 0 warnings$' "$work/out.txt" || { cat "$work/out.txt"; exit 1; }

"$FIREFLY" check --site "$work/site" --format json >"$work/check.json"
/usr/bin/python3 - "$work/check.json" "$line" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
assert report["ok"] is True and report["warnings"] == [], report
assert sys.argv[2] in report["translations"], report["translations"]
PY

# It is not published: the Vietnamese address shows the original with its notice.
"$FIREFLY" build --site "$work/site" --out "$work/out" --quiet
grep -q 'lang="zh-Hant-TW"' "$work/out/vi/stories/story-1/index.html"

# With `missing_translation: omit` nothing is published in Vietnamese, and the file is
# still listed.
sed -i 's/^missing_translation: fallback/missing_translation: omit/' "$work/site/site.yaml"
"$FIREFLY" check --site "$work/site" --strict >"$work/out.txt" 2>"$work/err.txt" ||
  { cat "$work/out.txt" "$work/err.txt"; exit 1; }
grep -qxF "$line" "$work/out.txt" || { cat "$work/out.txt"; echo "omit: missing: $line"; exit 1; }
echo ok
