#!/usr/bin/env bash
# When an original changes in git after its translation, `check` warns naming both files
# and dates, and the translated page shows a notice linking the original; a
# `translated_from:` date or commit in the translation clears both. A dataset's texts,
# kept side by side in its metadata, are compared value by value through the metadata
# file's history, on one line ({zh-TW: ..., en: ...}) or on several, and the dataset's page
# in a stale language shows the same notice.
set -euo pipefail
# shellcheck source=git_fixture.bash
source "$(dirname "$0")/lib/git_fixture.bash"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
site="$work/site"
mkdir -p "$site/content"
cat >"$site/site.yaml" <<'YAML'
title: {zh-TW: 測試, en: Test, vi: Thử}
base_url: https://example.org/
languages:
  - {code: zh-TW, html_lang: zh-Hant-TW, name: 中文}
  - {code: en, html_lang: en, name: English}
  - {code: vi, html_lang: vi, name: Tiếng Việt}
YAML
printf -- '---\ntitle: 說明\n---\n\n勞工局提供協助。\n' >"$site/content/help.zh-TW.md"
printf -- '---\ntitle: Help\n---\n\nThe bureau can help.\n' >"$site/content/help.en.md"
printf -- '---\ntitle: Trợ giúp\n---\n\nCục có thể giúp.\n' >"$site/content/help.vi.md"
# A dataset whose description is written in each language on lines of its own.
mkdir -p "$site/data"
printf 'year,people\n2021,10\n' >"$site/data/counts.csv"
cat >"$site/data/counts.yaml" <<'YAML'
title: {zh-TW: 人數, en: People, vi: Số người}
description:
  zh-TW: >-
    每年參與的人數。
  en: >-
    People taking part each year.
  vi: >-
    Số người tham gia mỗi năm.
source: 勞工局
frequency: yearly
columns:
  - {name: year, type: integer, title: {zh-TW: 年度, en: Year, vi: Năm}}
  - {name: people, type: integer, title: {zh-TW: 人數, en: People, vi: Số người}}
YAML
cd "$site"
git_fixture
commit_at "2024-03-01T10:00:00+08:00" "Help page in three languages"
"$FIREFLY" check --site . >"$work/check0.txt" 2>&1
if grep -q 'changed on' "$work/check0.txt"; then
  echo "a fresh translation was called stale:"; cat "$work/check0.txt"; exit 1
fi

# The original changes; the English is updated the same day, the Vietnamese is not.
printf '\n勞資爭議可以申請調解。\n' >>content/help.zh-TW.md
commit_at "2024-03-05T09:30:00+08:00" "Help: mediation"
printf '\nYou can apply for mediation.\n' >>content/help.en.md
commit_at "2024-03-05T16:00:00+08:00" "Help in English: mediation"
"$FIREFLY" check --site . >"$work/check1.txt" 2>&1 || true
head=$(git log -1 --format=%h -- content/help.zh-TW.md)
expected="content/help.vi.md:1:1: warning: the original content/help.zh-TW.md changed on 2024-03-05 (commit $head), after this translation last changed on 2024-03-01; the translation may be out of date"
grep -qF "$expected" "$work/check1.txt" || { echo "expected: $expected"; cat "$work/check1.txt"; exit 1; }
grep -qF "add \`translated_from: 2024-03-05\` (or \`translated_from: $head\`)" "$work/check1.txt"
if grep -q 'help.en.md.*changed on' "$work/check1.txt"; then
  echo "the updated English was called stale"; exit 1
fi
"$FIREFLY" build --site . --out "$work/out" --quiet 2>/dev/null
notice='<div class="notice stale" role="note">'
grep -qF "$notice" "$work/out/vi/help/index.html"
grep -qF 'Bản dịch này có thể chưa được cập nhật' "$work/out/vi/help/index.html"
grep -qF '<a href="/help/" hreflang="zh-Hant-TW">Xem bản gốc (<span lang="zh-Hant-TW">中文</span>)</a>' \
  "$work/out/vi/help/index.html"
if grep -qF "$notice" "$work/out/en/help/index.html"; then echo "notice on the updated English"; exit 1; fi

# A translated_from date before the change keeps the warning; the change's date clears it.
sed -i 's/^title: Trợ giúp$/title: Trợ giúp\ntranslated_from: 2024-03-01/' content/help.vi.md
"$FIREFLY" check --site . >"$work/check1b.txt" 2>&1
grep -qF "after this translation follows the original of 2024-03-01" "$work/check1b.txt"
sed -i 's/^translated_from: .*/translated_from: 2024-03-05/' content/help.vi.md
"$FIREFLY" check --site . >"$work/check2.txt" 2>&1
if grep -q 'changed on' "$work/check2.txt"; then cat "$work/check2.txt"; exit 1; fi
"$FIREFLY" build --site . --out "$work/out" --quiet 2>/dev/null
if grep -qF "$notice" "$work/out/vi/help/index.html"; then echo "notice after translated_from"; exit 1; fi

# A commit works too, and a commit nobody knows is named as such.
sed -i "s/^translated_from: .*/translated_from: $head/" content/help.vi.md
"$FIREFLY" check --site . >"$work/check3.txt" 2>&1
if grep -q 'changed on' "$work/check3.txt"; then cat "$work/check3.txt"; exit 1; fi
sed -i 's/^translated_from: .*/translated_from: not-a-commit/' content/help.vi.md
"$FIREFLY" check --site . >"$work/check4.txt" 2>&1
grep -qF "content/help.vi.md:3:18: warning: translated_from 'not-a-commit' is neither a date nor a commit of this site's git history" "$work/check4.txt"
# The dataset's Chinese description changes; its English follows the next day, the
# Vietnamese does not.
sed -i 's/每年參與的人數。/每年參與活動的人數（人次）。/' data/counts.yaml
commit_at "2024-03-06T09:00:00+08:00" "Dataset: person-times"
zh_commit=$(git rev-parse --short=7 HEAD)
sed -i 's/People taking part each year./Person-times of taking part each year./' data/counts.yaml
commit_at "2024-03-07T09:00:00+08:00" "Dataset in English: person-times"
"$FIREFLY" check --site . >"$work/check5.txt" 2>&1
expected="data/counts.yaml:7:3: warning: the original zh-TW text (line 3) changed on 2024-03-06 (commit $zh_commit), after this vi translation last changed on 2024-03-01; the translation may be out of date"
grep -qF "$expected" "$work/check5.txt" || { echo "expected: $expected"; cat "$work/check5.txt"; exit 1; }
if grep -q 'counts.yaml:5:.*changed on' "$work/check5.txt"; then
  echo "the updated English description was called stale"; cat "$work/check5.txt"; exit 1
fi
sed -i 's/Số người tham gia mỗi năm./Số lượt người tham gia mỗi năm./' data/counts.yaml
commit_at "2024-03-08T09:00:00+08:00" "Dataset in Vietnamese: person-times"
"$FIREFLY" check --site . >"$work/check6.txt" 2>&1
if grep -q 'counts.yaml.*changed on' "$work/check6.txt"; then cat "$work/check6.txt"; exit 1; fi

# Texts on one line: the Chinese column title changes, the English follows in the same
# commit as a reordering of the line, the Vietnamese not at all.
sed -i 's/title: {zh-TW: 人數, en: People, vi: Số người}}/title: {zh-TW: 參與人次, en: People, vi: Số người}}/' data/counts.yaml
commit_at "2024-03-09T09:00:00+08:00" "Dataset: the column is person-times"
col_commit=$(git rev-parse --short=7 HEAD)
"$FIREFLY" check --site . >"$work/check7.txt" 2>&1
for lang in en vi; do
  grep -qF "warning: the original zh-TW text (line 13) changed on 2024-03-09 (commit $col_commit), after this $lang translation last changed on 2024-03-01" \
    "$work/check7.txt" || { echo "no warning for the $lang column title"; cat "$work/check7.txt"; exit 1; }
done
sed -i 's/title: {zh-TW: 參與人次, en: People, vi: Số người}}/title: {vi: Số người, en: Person-times, zh-TW: 參與人次}}/' data/counts.yaml
commit_at "2024-03-10T09:00:00+08:00" "Dataset in English: the column is person-times"
"$FIREFLY" check --site . >"$work/check8.txt" 2>&1
vi_col=$(grep -o 'data/counts.yaml:13:[0-9]*: warning: [^;]* vi translation' "$work/check8.txt" || true)
[ -n "$vi_col" ] || { echo "no warning for the vi column title"; cat "$work/check8.txt"; exit 1; }
if grep -q 'en translation' "$work/check8.txt"; then
  echo "the updated English column title was called stale"; cat "$work/check8.txt"; exit 1
fi
"$FIREFLY" build --site . --out "$work/out" --quiet 2>/dev/null
grep -qF "$notice" "$work/out/vi/data/counts/index.html" || { echo "no notice on the vi dataset page"; exit 1; }
grep -qF '<a href="/data/counts/" hreflang="zh-Hant-TW">Xem bản gốc (<span lang="zh-Hant-TW">中文</span>)</a>' \
  "$work/out/vi/data/counts/index.html"
if grep -qF "$notice" "$work/out/en/data/counts/index.html"; then echo "notice on the en dataset page"; exit 1; fi
if grep -qF "$notice" "$work/out/data/counts/index.html"; then echo "notice on the original"; exit 1; fi
# A translation edited but not committed yet is not called stale; committed, it is current.
sed -i 's/vi: Số người, en/vi: Số lượt người, en/' data/counts.yaml
"$FIREFLY" check --site . >"$work/check9.txt" 2>&1
if grep -q 'counts.yaml.*changed on' "$work/check9.txt"; then cat "$work/check9.txt"; exit 1; fi
commit_at "2024-03-11T09:00:00+08:00" "Dataset in Vietnamese: the column is person-times"
"$FIREFLY" check --site . >"$work/check10.txt" 2>&1
if grep -q 'counts.yaml.*changed on' "$work/check10.txt"; then cat "$work/check10.txt"; exit 1; fi
"$FIREFLY" build --site . --out "$work/out" --quiet 2>/dev/null
if grep -qF "$notice" "$work/out/vi/data/counts/index.html"; then echo "notice after the update"; exit 1; fi

# A dataset's translated_from: a date before the original's change keeps the warning (and
# says so), the change's date or its commit clears it; a value that is neither is named.
sed -i 's/zh-TW: 參與人次}}/zh-TW: 參與人次（每年）}}/' data/counts.yaml
commit_at "2024-03-12T09:00:00+08:00" "Dataset: the column is person-times per year"
c12=$(git rev-parse --short=7 HEAD)
printf 'translated_from: {vi: 2024-03-11, en: 2024-03-12}\n' >>data/counts.yaml
"$FIREFLY" check --site . >"$work/check11.txt" 2>&1
expected="data/counts.yaml:13:43: warning: the original zh-TW text (line 13) changed on 2024-03-12 (commit $c12), later than the original the vi translations follow (translated_from: 2024-03-11); the translation may be out of date"
grep -qF "$expected" "$work/check11.txt" || { echo "expected: $expected"; cat "$work/check11.txt"; exit 1; }
grep -qF 'add `translated_from: {vi: 2024-03-12}` to the metadata' "$work/check11.txt"
if grep -q 'en translation' "$work/check11.txt"; then
  echo "the English was called stale despite translated_from"; cat "$work/check11.txt"; exit 1
fi
sed -i "s/^translated_from: .*/translated_from: {vi: $c12, en: 2024-03-12}/" data/counts.yaml
"$FIREFLY" check --site . >"$work/check12.txt" 2>&1
if grep -q 'counts.yaml.*changed on' "$work/check12.txt"; then cat "$work/check12.txt"; exit 1; fi
"$FIREFLY" build --site . --out "$work/out" --quiet 2>/dev/null
if grep -qF "$notice" "$work/out/vi/data/counts/index.html"; then echo "notice after translated_from"; exit 1; fi
sed -i "s/^translated_from: .*/translated_from: {vi: nope, th: 2024-03-12}/" data/counts.yaml
"$FIREFLY" check --site . >"$work/check13.txt" 2>&1
grep -qF "data/counts.yaml:14:23: warning: translated_from 'nope' is neither a date nor a commit of this site's git history" "$work/check13.txt" ||
  { cat "$work/check13.txt"; exit 1; }
grep -qF "data/counts.yaml:14:33: warning: translated_from names 'th', which is not a translation's language" "$work/check13.txt" ||
  { cat "$work/check13.txt"; exit 1; }

# A rename is no change: the original renamed alone (help.zh-TW.md to help.md) leaves its
# translation up to date; moved with its translations after it changed, it still makes the
# English stale (each was new on the day of the move).
git checkout -q -- data/counts.yaml
git mv content/help.zh-TW.md content/help.md
commit_at "2024-03-13T09:00:00+08:00" "Help: the original without its language"
"$FIREFLY" check --site . >"$work/check14.txt" 2>&1
if grep -q 'help.en.md.*changed on' "$work/check14.txt"; then
  echo "renaming the original made its translation stale"; cat "$work/check14.txt"; exit 1
fi
printf '\n可以線上申請。\n' >>content/help.md
commit_at "2024-03-14T09:00:00+08:00" "Help: online"
c14=$(git rev-parse --short=7 HEAD)
for f in help.md help.en.md help.vi.md; do git mv "content/$f" "content/assist${f#help}"; done
commit_at "2024-03-15T09:00:00+08:00" "Help is assistance"
"$FIREFLY" check --site . >"$work/check15.txt" 2>&1
expected="content/assist.en.md:1:1: warning: the original content/assist.md changed on 2024-03-14 (commit $c14), after this translation last changed on 2024-03-05; the translation may be out of date"
grep -qF "$expected" "$work/check15.txt" || { echo "expected: $expected"; cat "$work/check15.txt"; exit 1; }
echo "stale translations: ok"
