#!/usr/bin/env bash
# What staff write once, in the default language, and every language's pages show: the site's
# title and publisher, a taxonomy's title, a dataset's place and units. On a Vietnamese page
# their Chinese is marked as Chinese; a Vietnamese page listed under a section whose title
# falls back to Chinese is not (a template's section must not lend an entry its section's
# `lang`). And what they write in Markdown without knowing HTML: a heading that skips
# levels, a task list.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$FIREFLY" init "$work/site" >/dev/null
cd "$work/site"
sed -i 's/^  - {code: zh-TW, html_lang: zh-Hant-TW, name: "中文", calendar: roc}$/&\n  - {code: vi, html_lang: vi, name: "Tiếng Việt"}/' site.yaml
sed -i 's/^collections:$/taxonomies:\n  tags: {title: 標籤}\n&/' site.yaml
sed -i 's/^    paginate: 20$/&\n    taxonomies: [tags]/' site.yaml
grep -q 'code: vi' site.yaml && grep -q 'tags: {title: 標籤}' site.yaml && grep -q 'taxonomies: \[tags\]' site.yaml
cat >content/stories/visit.zh-TW.md <<'MD'
---
title: 家訪
date: 2024-03-01
tags: [elderly]
---
#### 準備

- [ ] 聯絡工會
- [x] 借場地

## 結果

##### 心得

團隊走訪了長者。
MD
cat >content/stories/visit.vi.md <<'MD'
---
title: Thăm nhà
date: 2024-03-01
tags: [elderly]
---
#### Chuẩn bị

- [ ] Liên hệ công đoàn
- [x] Mượn hội trường

## Kết quả

##### Cảm nghĩ

Nhóm đã thăm người cao tuổi.
MD
"$FIREFLY" build --site . --out "$work/out" --quiet 2>/dev/null

fail() { echo "$1"; exit 1; }
has() { grep -qF -- "$2" "$1" || fail "$1 lacks: $2"; }
lacks() { ! grep -qF -- "$2" "$1" || fail "$1 has: $2"; }
vi=$work/out/vi
has "$vi/index.html" '<span><span lang="zh-Hant-TW">勞工局</span> <span lang="zh-Hant-TW">施政成果</span></span></a>'
has "$vi/index.html" '<span class="publisher"><span lang="zh-Hant-TW">勞工局</span></span>'
has "$vi/sitemap/index.html" '<li><a href="/vi/stories/visit/">Thăm nhà</a></li>'
has "$vi/sitemap/index.html" '<h2><a href="/vi/" lang="zh-Hant-TW">'
has "$vi/stories/visit/index.html" '<span class="label" id="terms-tags"><span lang="zh-Hant-TW">標籤</span>'
has "$vi/stories/visit/index.html" '<ul class="terms" aria-labelledby="terms-tags">'
has "$vi/data/haircut-sessions/index.html" '<dd lang="zh-Hant-TW">臺南市</dd>'
has "$vi/data/haircut-sessions/index.html" '<td data-label="Đơn vị" lang="zh-Hant-TW">人次</td>'
# Headings: the first (####) is the level below the page's h1; ##### after ## is an h3.
page=$work/out/stories/visit/index.html
has "$page" '<h2 id="準備">準備</h2>'
has "$page" '<h3 id="心得">心得</h3>'
lacks "$page" '<h4'
lacks "$page" '<h5'
has "$page" '<li id="task-1"><input aria-labelledby="task-1" type="checkbox" disabled="" /> 聯絡工會</li>'
has "$page" '<li id="task-2"><input aria-labelledby="task-2" type="checkbox" checked="" disabled="" /> 借場地</li>'
echo "ok: written once, marked on every language's pages; headings and task lists"
