#!/usr/bin/env bash
# A dataset's dates, change history and past versions come from the commits that changed
# its rows: a git fixture with set dates (the import, a metadata-only change, a translation,
# a row change, a later translation) is built, and its dates, history entries (rows added,
# changed, removed, in the page's language) and version files are asserted exactly; then in
# a shallow clone and outside git, where no date may be guessed.
set -euo pipefail
# shellcheck source=git_fixture.bash
source "$(dirname "$0")/lib/git_fixture.bash"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
site="$work/site"
mkdir -p "$site/data" "$site/content"
cat >"$site/site.yaml" <<'YAML'
title: {zh-TW: 測試入口網, en: Test Portal}
base_url: https://example.org/
timezone: Asia/Taipei
languages:
  - {code: zh-TW, html_lang: zh-Hant-TW, name: 中文, calendar: roc}
  - {code: en, html_lang: en, name: English}
publisher: {name: {zh-TW: 臺南市政府勞工局, en: Tainan Labor Affairs Bureau}, email: a@example.org}
YAML
cat >"$site/content/_index.md" <<'MD'
---
title: 首頁
---
MD
cat >"$site/data/counts.csv" <<'CSV'
year,people
2021,1200
2022,1350
2023,1500
CSV
cat >"$site/data/counts.yaml" <<'YAML'
title: {zh-TW: 參與人數}
description: {zh-TW: 每年參加勞工局課程的人數，依勞工局年度成果報告整理。}
source: {agency: {zh-TW: 臺南市政府勞工局}, title: {zh-TW: 年度成果報告}}
frequency: yearly
keywords: [課程]
themes: [SOCI]
spatial: {zh-TW: 臺南市}
key: year
columns:
  - {name: year, type: integer, title: {zh-TW: 年度}}
  - {name: people, type: integer, unit: {zh-TW: 人}, title: {zh-TW: 人數}}
YAML
cd "$site"
git_fixture
commit_at "2021-03-04T10:00:00+08:00" "匯入參與人數"
sed -i 's/依勞工局年度成果報告整理。/依勞工局年度成果報告整理，含各年度的總人數。/' data/counts.yaml
commit_at "2022-05-06T10:00:00+08:00" "補充說明"
sed -i 's/title: {zh-TW: 參與人數}/title: {zh-TW: 參與人數, en: Participants}/' data/counts.yaml
commit_at "2023-01-02T10:00:00+08:00" "Translate the title"
printf 'year,people\n2021,1200\n2022,1360\n2023,1500\n2024,1600\n' >data/counts.csv
commit_at "2024-07-08T09:30:00+08:00" "更正111年人數並新增113年"
row_commit=$(git rev-parse HEAD)
first_commit=$(git rev-list --max-parents=0 HEAD)
sed -i 's/description: {zh-TW: \(.*\)}/description: {zh-TW: \1, en: "People who took part in the bureau'"'"'s courses each year, from its yearly results report."}/' data/counts.yaml
commit_at "2025-02-03T10:00:00+08:00" "Translate the description"
cd - >/dev/null

"$FIREFLY" build --site "$site" --out "$work/out" --quiet
python3 - "$work/out" "$row_commit" "$first_commit" <<'PY'
import json, sys, pathlib
out, row, first = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3]
meta = json.loads((out / "data/counts.metadata.json").read_text())
assert meta["modified"] == "2024-07-08", meta["modified"]
assert meta["issued"] == "2021-03-04", meta["issued"]
assert meta["version"] == "2024-07-08", meta["version"]
h = meta["history"]
assert [e["commit"] for e in h] == [row, first], h
assert (h[0]["rows_added"], h[0]["rows_changed"], h[0]["rows_removed"], h[0]["first"]) == (1, 1, 0, False), h[0]
assert (h[1]["rows_added"], h[1]["first"]) == (3, True), h[1]
assert h[0]["date"] == "2024-07-08T09:30:00+08:00", h[0]["date"]
assert h[0]["file"]["name"] == f"2024-07-08-{row[:7]}.csv", h[0]["file"]
assert h[1]["file"]["name"] == f"2021-03-04-{first[:7]}.csv", h[1]["file"]
assert meta["citation"]["zh-TW"].startswith("臺南市政府勞工局（2024）"), meta["citation"]
cat = json.loads((out / "data/catalog.jsonld").read_text())
ds = cat["dcat:dataset"][0]
assert ds["dct:modified"]["@value"] == "2024-07-08" and ds["dct:issued"]["@value"] == "2021-03-04"
print("metadata: ok")
PY
# The published versions are the files as those commits left them.
v_new="$work/out/data/counts/versions/2024-07-08-${row_commit:0:7}.csv"
v_old="$work/out/data/counts/versions/2021-03-04-${first_commit:0:7}.csv"
cmp "$v_new" <(git -C "$site" show "$row_commit:data/counts.csv")
cmp "$v_old" <(git -C "$site" show "$first_commit:data/counts.csv")
[ "$(ls "$work/out/data/counts/versions" | wc -l)" = 2 ]
# The history in each language: what changed in the rows, with a link to that version.
zh="$work/out/data/counts/index.html"
en="$work/out/en/data/counts/index.html"
grep -q '<time datetime="2024-07-08">民國113年7月8日</time>：新增 1 列、修改 1 列' "$zh"
grep -q '<time datetime="2021-03-04">民國110年3月4日</time>：首次發布，共 3 列' "$zh"
grep -q "href=\"/data/counts/versions/2024-07-08-${row_commit:0:7}.csv\"" "$zh"
grep -q '<time datetime="2024-07-08">8 July 2024</time>: 1 row added, 1 row changed' "$en"
grep -q 'first published with 3 rows' "$en"
# The commit message is a folded secondary detail, tagged with the language staff write
# commit messages in (the default language here), on every language's page; the summary of
# the row changes is what the reader reads.
note='<details class="commit-note"><summary>承辦人員的異動說明</summary><p lang="zh-Hant-TW">更正111年人數並新增113年</p></details>'
grep -qF "$note" "$zh"
grep -qF '<summary>Staff note on this change</summary><p lang="zh-Hant-TW">更正111年人數並新增113年</p>' "$en"
grep -q '"message": "更正111年人數並新增113年"' "$work/out/data/counts.metadata.json"

# A shallow clone and a copy outside git: no date is guessed, no version published, and
# `check` says why.
git clone -q --depth 1 "file://$site" "$work/shallow"
cp -r "$site" "$work/nogit" && rm -rf "$work/nogit/.git"
for copy in shallow nogit; do
  "$FIREFLY" build --site "$work/$copy" --out "$work/out-$copy" --quiet 2>/dev/null
  python3 - "$work/out-$copy" <<'PY'
import json, sys, pathlib
meta = json.loads((pathlib.Path(sys.argv[1]) / "data/counts.metadata.json").read_text())
assert "modified" not in meta and "issued" not in meta and meta["history"] == [], meta
PY
  [ ! -e "$work/out-$copy/data/counts/versions" ]
  "$FIREFLY" check --site "$work/$copy" >"$work/check-$copy.txt" 2>&1 || true
  grep -q "data/counts.yaml.*warning: .*no date" "$work/check-$copy.txt" ||
    { cat "$work/check-$copy.txt"; echo "$copy: no warning about the missing date"; exit 1; }
done
# A date the metadata declares is used everywhere, even in a shallow clone.
sed -i '1i modified: 2024-07-01\nissued: 2021-01-01' "$work/shallow/data/counts.yaml"
"$FIREFLY" build --site "$work/shallow" --out "$work/out-declared" --quiet 2>/dev/null
grep -q '"modified": "2024-07-01"' "$work/out-declared/data/counts.metadata.json"
grep -q '"issued": "2021-01-01"' "$work/out-declared/data/counts.metadata.json"
# A column added (with its title) and one removed: the history names them and says no row
# changed, where it said that every row changed.
cd "$site"
printf 'year,people,courses\n2021,1200,10\n2022,1360,12\n2023,1500,15\n2024,1600,16\n' >data/counts.csv
sed -i 's/^  - {name: people, .*/&\n  - {name: courses, type: integer, title: {zh-TW: 課程數, en: Courses}}/' data/counts.yaml
commit_at "2025-03-04T10:00:00+08:00" "新增課程數"
cd - >/dev/null
"$FIREFLY" build --site "$site" --out "$work/out" --quiet
grep -q '<time datetime="2025-03-04">民國114年3月4日</time>：新增欄位「課程數」' "$zh" ||
  { grep -o '<time datetime="2025-03-04">[^<]*</time>[^<]*' "$zh"; echo "no column in the history"; exit 1; }
grep -q '<time datetime="2025-03-04">4 March 2025</time>: column “Courses” added<' "$en"
python3 - "$work/out" <<'PY'
import json, sys, pathlib
meta = json.loads((pathlib.Path(sys.argv[1]) / "data/counts.metadata.json").read_text())
h = meta["history"][0]
assert (h["rows_added"], h["rows_changed"], h["rows_removed"]) == (0, 0, 0), h
assert h["columns_added"] == ["courses"] and "columns_removed" not in h, h
assert meta["modified"] == "2025-03-04", meta["modified"]
PY
# A message with a noncharacter (U+FFFE), which `git commit` stores as three Latin-1
# letters: shown once, as U+FFFD, on the page and in the metadata.
cd "$site"
printf 'year,people,courses\n2021,1200,10\n2022,1360,12\n2023,1500,15\n2024,1610,16\n' >data/counts.csv
commit_at "2025-04-05T10:00:00+08:00" "$(printf '更正\xef\xbf\xbe113年')" 2>/dev/null
cd - >/dev/null
"$FIREFLY" build --site "$site" --out "$work/out" --quiet
grep -qF '<p lang="zh-Hant-TW">更正�113年</p>' "$zh" ||
  { grep -o 'commit-note.\{0,160\}' "$zh" | head -1; echo "the message is not shown once"; exit 1; }
python3 - "$work/out" <<'PY'
import json, sys, pathlib
meta = json.loads((pathlib.Path(sys.argv[1]) / "data/counts.metadata.json").read_text())
assert meta["history"][0]["message"] == "更正\ufffd113年", meta["history"][0]["message"]
PY
echo "dataset history: ok"
