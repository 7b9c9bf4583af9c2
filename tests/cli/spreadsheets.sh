#!/usr/bin/env bash
# A dataset's XLSX, ODS and Excel CSV, opened by LibreOffice (headless) and saved back as
# CSV, hold the canonical CSV's values: numbers, dates, booleans, empty cells, Chinese text,
# commas, quotes, line breaks, leading spaces, a leading '=', and text that a spreadsheet
# would take for a number or a date (a code 001, a phone number, 1/2), which the Excel CSV
# must keep as text; the header row is the column titles with units in the site's language,
# and the about sheet holds the title, the citations and the data dictionary.
set -euo pipefail
if ! command -v soffice >/dev/null; then
  if [ -n "${CI:-}${FIREFLY_REQUIRE_SOFFICE:-}" ]; then  # CI installs it: never skip there
    echo "soffice is missing: scripts/install-deps --test installs it"
    exit 1
  fi
  echo "skipped: soffice (Debian libreoffice-calc-nogui) is not installed"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$FIREFLY" build --site tests/e2e/spreadsheets/site --out "$work/out" --quiet
mkdir -p "$work/in"
cp "$work/out/data/mixed.xlsx" "$work/in/mixed-xlsx.xlsx"
cp "$work/out/data/mixed.ods" "$work/in/mixed-ods.ods"
cp "$work/out/data/mixed.excel.csv" "$work/in/mixed-excel.csv"
# A private profile, so that a LibreOffice already running for someone else is not used.
office=(soffice "-env:UserInstallation=file://$work/profile" --headless --norestore)
# CSV out: comma, double quote, UTF-8 (76), every sheet (-1) as <file>-<sheet>.csv.
to_csv='csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1'
timeout 120 "${office[@]}" --convert-to "$to_csv" --outdir "$work/sheets" \
  "$work/in/mixed-xlsx.xlsx" "$work/in/mixed-ods.ods" >"$work/soffice.log" 2>&1 ||
  { cat "$work/soffice.log"; exit 1; }
# The Excel CSV read as UTF-8 (what a reader picks in the import dialog).
timeout 120 "${office[@]}" --infilter='Text - txt - csv (StarCalc):44,34,76,1' \
  --convert-to "$to_csv" --outdir "$work/excel" "$work/in/mixed-excel.csv" >>"$work/soffice.log" 2>&1 ||
  { cat "$work/soffice.log"; exit 1; }
python3 tests/e2e/spreadsheet_roundtrip.py "$work/out" "$work/sheets" "$work/excel" mixed
