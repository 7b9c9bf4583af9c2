#!/usr/bin/env bash
# Language codes with a region or a script (vi-VN, zh-Hant-TW, zh-HK, en-GB) find the
# theme's words of their language by BCP 47 fallback, with no "theme has no strings"
# warning, and so do the words of a dataset's `unit: percent` on pages and charts; they
# keep the code the site wrote as the pages' lang, hreflang and the feed's xml:lang. Texts
# staff write under a short code (vi:, en:, zh-TW:) are those languages' own.
# Simplified Chinese (zh-CN) never gets the Traditional words: it is warned of and shows
# the default language's. `firefly new --lang vi` on a site in vi-VN names vi-VN.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$FIREFLY" init "$work/site" --lang vi-VN </dev/null >/dev/null
site=$work/site
grep -q '^  - {code: vi-VN, html_lang: vi-VN, name: "Tiếng Việt"}$' "$site/site.yaml" ||
  { grep -n code: "$site/site.yaml"; echo "init --lang vi-VN: not the code written"; exit 1; }
sed -i 's/^  - {code: vi-VN, html_lang: vi-VN, name: "Tiếng Việt"}$/&\n  - {code: zh-Hant-TW, name: 中文}\n  - {code: zh-HK, name: 香港中文}\n  - {code: en-GB, name: English}/' \
  "$site/site.yaml"
grep -q "code: en-GB" "$site/site.yaml"
# A rate with `unit: percent` (figures of tainan-active-ageing-application: 2021, 33 classes,
# 86.97% employed after training): each language shows its own words for the unit.
cat >"$site/data/caregiver-classes.csv" <<'CSV'
year,classes,employment_rate
2021,33,86.97
CSV
cat >"$site/data/caregiver-classes.yaml" <<YAML
title: {vi-VN: Lớp chăm sóc, zh-Hant-TW: 照顧服務員專班, zh-HK: 照顧服務員專班, en-GB: Caregiver classes}
description:
  vi-VN: Số lớp đào tạo nhân viên chăm sóc và tỷ lệ có việc làm sau đào tạo, theo năm.
  zh-Hant-TW: 失業者職訓照顧服務員專班的開班數與訓後就業率，依年度列出，資料來自臺南市政府勞工局。
  zh-HK: 失業者職訓照顧服務員專班的開班數與訓後就業率，依年度列出，資料來自臺南市政府勞工局。
  en-GB: Caregiver training classes for the unemployed and the share employed after training, by year.
source: {vi-VN: Cục Lao động Đài Nam, zh-Hant-TW: 臺南市政府勞工局, zh-HK: 臺南市政府勞工局, en-GB: Tainan City Labor Affairs Bureau}
modified: $(date -u +%F)
keywords: [caregiver]
spatial: {vi-VN: Đài Nam, zh-Hant-TW: 臺南市, zh-HK: 臺南市, en-GB: Tainan City}
chart: {x: year, y: employment_rate, kind: bar}
columns:
  - {name: year, type: integer, title: {vi-VN: Năm, zh-Hant-TW: 年度, zh-HK: 年度, en-GB: Year}}
  - {name: classes, type: integer, title: {vi-VN: Số lớp, zh-Hant-TW: 班數, zh-HK: 班數, en-GB: Classes}}
  - {name: employment_rate, type: number, unit: percent, title: {vi-VN: Tỷ lệ có việc làm, zh-Hant-TW: 訓後就業率, zh-HK: 訓後就業率, en-GB: Employment rate}}
YAML
# The same figures with their texts written under the languages' short codes, as staff
# write them: vi for vi-VN, en for en-GB, zh-TW for zh-Hant-TW and zh-HK.
cp "$site/data/caregiver-classes.csv" "$site/data/caregiver-short-codes.csv"
cat >"$site/data/caregiver-short-codes.yaml" <<YAML
title: {vi: Các lớp chăm sóc viên, zh-TW: 照顧服務員訓練班, en: Classes for caregivers}
description:
  vi: Số lớp đào tạo nhân viên chăm sóc và tỷ lệ có việc làm sau đào tạo, theo từng năm.
  zh-TW: 失業者職訓照顧服務員專班的開班數與訓後就業率，依年度列出，資料來自臺南市政府勞工局。
  en: Caregiver training classes for the unemployed and the share employed after training, each year.
source: {vi: Cục Lao động Đài Nam, zh-TW: 臺南市政府勞工局, en: Tainan City Labor Affairs Bureau}
modified: $(date -u +%F)
keywords: [caregiver]
spatial: {vi: Đài Nam, zh-TW: 臺南市, en: Tainan City}
columns:
  - {name: year, type: integer, title: {vi: Năm, zh-TW: 年度, en: Year}}
  - {name: classes, type: integer, title: {vi: Số lớp, zh-TW: 班數, en: Classes}}
  - {name: employment_rate, type: number, unit: percent, title: {vi: Tỷ lệ có việc làm, zh-TW: 訓後就業率, en: Employment rate}}
YAML
"$FIREFLY" build --site "$site" >"$work/build.out" 2>&1 ||
  { cat "$work/build.out"; echo "the vi-VN site did not build"; exit 1; }
if grep -q "warning" "$work/build.out"; then
  cat "$work/build.out"; echo "the site in vi-VN, zh-Hant-TW, zh-HK and en-GB built with warnings"; exit 1
fi
out=$site/public
expect() {  # expect FILE TEXT: FILE has TEXT
  grep -qF -- "$2" "$1" || { echo "${1#"$out"/}: no '$2'"; exit 1; }
}
expect "$out/index.html" '<html lang="vi-VN"'
expect "$out/index.html" '>Chuyển đến nội dung chính</a>'
expect "$out/index.html" 'hreflang="zh-Hant-TW"'
expect "$out/feed.xml" 'xml:lang="vi-VN"'
expect "$out/zh-Hant-TW/index.html" '<html lang="zh-Hant-TW"'
expect "$out/zh-Hant-TW/index.html" '>跳到主要內容</a>'
expect "$out/zh-HK/index.html" '<html lang="zh-HK"'
expect "$out/zh-HK/index.html" '>跳到主要內容</a>'
expect "$out/en-GB/index.html" '<html lang="en-GB"'
expect "$out/en-GB/index.html" '>Skip to main content</a>'
story=$out/stories/first-story/index.html
grep -qE '<time datetime="[0-9-]+">[0-9]{1,2} tháng [0-9]{1,2}, [0-9]{4}</time>' "$story" ||
  { grep -o '<time[^<]*</time>' "$story" | head -3; echo "the story's date is not in Vietnamese"; exit 1; }
expect "$out/data/haircut-sessions/index.html" '1.584'  # thousands grouped as vi writes them
# unit: percent in each site language's own words, never the English word where it is not
# English: the Vietnamese %, the Traditional Chinese %, the English word on en-GB.
expect "$out/data/caregiver-classes/index.html" 'Tỷ lệ có việc làm (%)'
expect "$out/zh-Hant-TW/data/caregiver-classes/index.html" '訓後就業率 (%)'
expect "$out/zh-HK/data/caregiver-classes/index.html" '訓後就業率 (%)'
expect "$out/en-GB/data/caregiver-classes/index.html" 'Employment rate (percent)'
for page in "$out/data/caregiver-classes/index.html" "$out/zh-Hant-TW/data/caregiver-classes/index.html"; do
  ! grep -qF 'percent' "$page" || { grep -n 'percent' "$page" | head -3; echo "${page#"$out"/}: the English word for the unit"; exit 1; }
done
grep -qF '(%)' "$out"/data/caregiver-classes/charts/bar-year-employment_rate.vi-VN.svg ||
  { echo "the chart's SVG in vi-VN has no (%)"; exit 1; }
# Texts written under a language's short code are that language's: no fallback, no mark.
expect "$out/data/caregiver-short-codes/index.html" '<h1>Các lớp chăm sóc viên</h1>'
expect "$out/zh-Hant-TW/data/caregiver-short-codes/index.html" '<h1>照顧服務員訓練班</h1>'
expect "$out/zh-HK/data/caregiver-short-codes/index.html" '<h1>照顧服務員訓練班</h1>'
expect "$out/en-GB/data/caregiver-short-codes/index.html" '<h1>Classes for caregivers</h1>'
expect "$out/en-GB/data/caregiver-short-codes/index.html" 'Employment rate (percent)'
# Simplified Chinese: a warning, and the default language's words, never the Traditional ones.
sed -i 's/^  - {code: en-GB, name: English}$/&\n  - {code: zh-CN, name: 简体中文}/' "$site/site.yaml"
"$FIREFLY" build --site "$site" >"$work/build.out" 2>&1 ||
  { cat "$work/build.out"; echo "the site with zh-CN did not build"; exit 1; }
grep -qF "the theme has no strings in zh-CN (简体中文): its pages show the theme's words (menus, buttons, labels, notices) in Tiếng Việt" "$work/build.out" ||
  { cat "$work/build.out"; echo "zh-CN: no warning of the missing strings"; exit 1; }
expect "$out/zh-CN/index.html" '<html lang="zh-CN"'
expect "$out/zh-CN/index.html" '>Chuyển đến nội dung chính</a>'
! grep -qF '跳到主要內容' "$out/zh-CN/index.html" ||
  { echo "zh-CN shows the Traditional Chinese words"; exit 1; }
# new: the language written without its region names the site's code.
set +e
"$FIREFLY" new stories x --lang vi --site "$site" 2>"$work/err.txt"; code=$?
set -e
[ "$code" = 2 ] && grep -qF "the language 'vi' is not in site.yaml (did you mean 'vi-VN'?)" "$work/err.txt" ||
  { cat "$work/err.txt"; echo "new --lang vi: exit $code, vi-VN not named"; exit 1; }
echo "language_regions: ok"
