#!/usr/bin/env bash
# A dataset's period is the years (dates) its rows give figures for: a row written ahead
# for the year to come with every figure empty, or one left empty before the first, is
# published in the downloads as written but extends the period nowhere: not the page, its
# schema.org JSON-LD, the DCAT catalogue, the metadata file, the spreadsheets' about sheet,
# nor the chart's range.
set -euo pipefail
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
site="$work/site"
mkdir -p "$site/content" "$site/data"
cat >"$site/site.yaml" <<'YAML'
title: {vi: Số liệu, en: Figures}
base_url: https://example.org/
languages:
  - {code: vi, html_lang: vi, name: Tiếng Việt}
  - {code: en, html_lang: en, name: English}
YAML
printf -- '---\ntitle: Trang chủ\n---\nSố liệu.\n' >"$site/content/_index.md"
cat >"$site/data/jobs.yaml" <<'YAML'
title: {vi: Việc làm, en: Jobs}
chart: {x: year, y: [jobs], kind: line}
columns:
  - {name: year, type: integer, title: {vi: Năm, en: Year}}
  - {name: district, type: string}
  - {name: jobs, type: integer}
  - {name: change, type: number, unit: percent}
YAML
csv='year,district,jobs,change
2018,A,,
2019,A,40,
2020,A,,-2.5
2021,A,36,7
2022,A,,
'
printf '%s' "$csv" >"$site/data/jobs.csv"
fail() { echo "dataset_period: $1"; exit 1; }
"$FIREFLY" build --site "$site" --out "$work/out" --quiet 2>"$work/build.err" || { cat "$work/build.err"; fail "build failed"; }
out="$work/out"
[ "$(cat "$out/data/jobs.csv")" = "$(printf '%s' "$csv")" ] || fail "the CSV download is not the rows as written"
grep -q '"year": 2022' "$out/data/jobs.json" || fail "the JSON download left out the row of 2022"
grep -q '<dt>Thời kỳ của dữ liệu</dt><dd>2019–2021</dd>' "$out/data/jobs/index.html" ||
  fail "the page's period is not 2019–2021: $(grep -o '<dt>Thời kỳ[^/]*/dt><dd>[^<]*' "$out/data/jobs/index.html")"
grep -q '<dt>Period covered</dt><dd>2019–2021</dd>' "$out/en/data/jobs/index.html" ||
  fail "the English page's period is not 2019–2021"
grep -q '"temporalCoverage":"2019/2021"' "$out/data/jobs/index.html" || fail "the page's JSON-LD period is not 2019/2021"
grep -q '"temporal": "2019/2021"' "$out/data/jobs.metadata.json" || fail "the metadata file's period is not 2019/2021"
python3 - "$out/data/catalog.jsonld" <<'PY' || fail "the catalogue's period is not 2019-01-01 to 2021-12-31"
import json, sys
item = next(d for d in json.load(open(sys.argv[1]))["dcat:dataset"] if d["dct:identifier"] == "jobs")
t = item["dct:temporal"]
assert (t["dcat:startDate"]["@value"], t["dcat:endDate"]["@value"]) == ("2019-01-01", "2021-12-31"), t
PY
python3 - "$out/data/jobs.xlsx" <<'PY' || fail "the workbook's about sheet does not give the period 2019/2021"
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
text = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xml"))
assert ">2019/2021<" in text and "2018/2022" not in text
PY
chart=$(ls "$out/data/jobs/charts/"*.csv)
[ "$(cat "$chart")" = "$(printf 'year,jobs\n2019,40\n2020,\n2021,36')" ] || { cat "$chart"; fail "the chart's range is not 2019 to 2021"; }
echo "dataset_period: ok"
