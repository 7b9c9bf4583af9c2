#!/usr/bin/env bash
# On a site whose default language is written in Latin letters (Vietnamese here), what staff
# write once (the site's title and publisher, a dataset's title, description, place, source,
# column titles and units, a menu entry's title) is Vietnamese: the pages of English, Thai
# and Chinese mark it lang="vi" so that a screen reader does not read it with an English
# voice, and so do the feeds (xml:lang), the standalone charts and the open-data catalogue
# (@language). An acronym written once (FAQ) is in no language and is not marked; the
# Vietnamese pages mark nothing.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$FIREFLY" init "$work/site" --lang vi </dev/null >/dev/null
cd "$work/site"
sed -i 's/^  - {code: vi, html_lang: vi, name: "Tiếng Việt"}$/&\n  - {code: en, html_lang: en, name: English}\n  - {code: th, html_lang: th, name: ไทย}\n  - {code: zh-TW, html_lang: zh-Hant-TW, name: 中文}/' site.yaml
sed -i 's|main: \[{page: /stories/}, {page: /data/}, {page: /about/}\]|main: [{page: /stories/}, {page: /data/, title: Dữ liệu mở}, {page: /about/, title: FAQ}]|' site.yaml
grep -q 'code: zh-TW' site.yaml && grep -q 'title: FAQ' site.yaml
# A story in Vietnamese only, naming a Chinese trainer and a Vietnamese union: the English
# page shows it untranslated, the trainer's name in Chinese and the union's in Vietnamese.
cat >content/stories/trainer.vi.md <<'MD'
---
title: Lớp may
date: 2024-03-01
people:
  - {name: 郭浩然, union: Công đoàn thợ may}
---
Lớp may của công đoàn.
MD
"$FIREFLY" build --site . --out "$work/out" --quiet 2>/dev/null

fail() { echo "$1"; exit 1; }
has() { grep -qF -- "$2" "$1" || fail "$1 lacks: $2"; }
lacks() { ! grep -qF -- "$2" "$1" || fail "$1 has: $2"; }
out=$work/out
title='Bộ dữ liệu mẫu: cắt tóc miễn phí của Đội Làm việc thiện'
for lang in en th zh-TW; do
  has "$out/$lang/index.html" '<span lang="vi">Cục Lao động — Kết quả hoạt động</span></a>'
  has "$out/$lang/index.html" '<span class="publisher" lang="vi">Cục Lao động</span>'
  has "$out/$lang/index.html" "<li><a href=\"/$lang/data/\" lang=\"vi\">Dữ liệu mở</a>"
  has "$out/$lang/data/haircut-sessions/index.html" "<h1 lang=\"vi\">$title</h1>"
  has "$out/$lang/data/haircut-sessions/index.html" '<p class="lead" lang="vi">Dữ liệu mẫu:'
  has "$out/$lang/data/haircut-sessions/index.html" '<dd lang="vi">Thành phố Đài Nam</dd>'
  has "$out/$lang/data/haircut-sessions/index.html" '<dd><span lang="vi">Cục Lao động thành phố Đài Nam</span></dd>'
  has "$out/$lang/data/haircut-sessions/index.html" '<th scope="row"><span lang="vi">Số buổi</span><br><code>sessions</code></th>'
  has "$out/$lang/data/haircut-sessions/index.html" 'lang="vi">buổi</td>'
  has "$out/$lang/data/index.html" "<a href=\"/$lang/data/haircut-sessions/\" lang=\"vi\">$title</a>"
  has "$out/$lang/feed.xml" '<title xml:lang="vi">Cục Lao động — Kết quả hoạt động</title>'
  has "$out/$lang/feed.xml" '<author xml:lang="vi"><name>Cục Lao động</name></author>'
  has "$out/data/haircut-sessions/charts/bar-year-people_served.$lang.svg" "<title id=\"chart-title\" xml:lang=\"vi\">$title</title>"
done
has "$out/en/stories/trainer/index.html" '<span class="person-name" lang="zh-Hant-TW">郭浩然</span>'
has "$out/en/stories/trainer/index.html" '<span lang="vi">Công đoàn thợ may</span>'
has "$out/stories/trainer/index.html" '<span class="person-name" lang="zh-Hant-TW">郭浩然</span>'
# An acronym is no language's; the default language's own pages mark none of it.
has "$out/en/index.html" '<li><a href="/en/about/">FAQ</a>'
lacks "$out/index.html" 'lang="vi">Cục Lao động'
has "$out/index.html" "<li><a href=\"/data/\">Dữ liệu mở</a>"
has "$out/data/haircut-sessions/index.html" "<h1>$title</h1>"
has "$out/feed.xml" '<title>Cục Lao động — Kết quả hoạt động</title>'
has "$out/data/haircut-sessions/charts/bar-year-people_served.vi.svg" "<title id=\"chart-title\">$title</title>"
# The catalogue: the dataset's title, and the site's publisher, are Vietnamese.
tr -d ' \n' <"$out/data/catalog.jsonld" >"$work/catalog"
has "$work/catalog" "\"dct:title\":[{\"@language\":\"vi\",\"@value\":\"${title// /}\"}]"
has "$work/catalog" '"foaf:name":[{"@language":"vi","@value":"CụcLaođộng"}]'
echo "ok: written once on a site in Vietnamese, marked Vietnamese on the other languages' pages"
