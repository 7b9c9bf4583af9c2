#!/usr/bin/env python3
"""Compares what LibreOffice read from a dataset's published XLSX, ODS and Excel CSV
(converted back to CSV by soffice) with the canonical CSV, cell by cell.

Usage: spreadsheet_roundtrip.py OUT SHEETS EXCEL NAME
  OUT     the built site (OUT/data/NAME.csv and NAME.metadata.json are the reference)
  SHEETS  soffice's CSVs of NAME-xlsx.xlsx and NAME-ods.ods, one per sheet
          (NAME-xlsx-<sheet>.csv)
  EXCEL   soffice's CSV of NAME-excel.csv (the Excel CSV read as UTF-8)
Prints each difference and exits 1 when there is one.
"""
import csv
import io
import json
import math
import sys
from pathlib import Path

DATA_SHEET, ABOUT_SHEET = "資料", "說明"  # the sheet names in the site's default language
LANG = "zh-TW"


def read_csv(path):
    text = Path(path).read_text(encoding="utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    return list(csv.reader(io.StringIO(text, newline="")))


def same(kind, want, got):
    """True when soffice's text `got` holds the canonical cell `want` of a `kind` column."""
    if want == "" or got == "":
        return want == got
    if kind in ("integer", "number"):
        try:
            return math.isclose(float(want), float(got), rel_tol=1e-12)
        except ValueError:
            return False
    if kind == "boolean":
        return want.lower() == got.lower()
    return want.replace("\r\n", "\n").replace("\r", "\n") == got


def compare_rows(where, columns, want_rows, got_rows, problems, excel=False):
    if len(got_rows) != len(want_rows):
        problems.append(f"{where}: {len(got_rows)} data rows, the CSV has {len(want_rows)}")
    for i, (want, got) in enumerate(zip(want_rows, got_rows), 2):
        got = got + [""] * (len(want) - len(got))
        for col, w, g in zip(columns, want, got):
            forms = [w]
            if excel and w[:1] in ("=", "+", "-", "@") and col["type"] == "string":
                forms = ["'" + w]  # the Excel CSV's formula guard, read as text
            words = (col.get("values") or {}).get(w)
            if words and not excel:
                forms = [words[LANG]]  # a spreadsheet shows a code's words, the CSVs the code
            if not any(same(col["type"], f, g) for f in forms):
                problems.append(f"{where}: row {i} column {col['name']}: {g!r}, expected {w!r}")


def main():
    if len(sys.argv) != 5:
        print(__doc__)
        return 2
    out, sheets, excel, name = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
    meta = json.loads((out / "data" / f"{name}.metadata.json").read_text(encoding="utf-8"))
    columns = meta["columns"]
    canonical = read_csv(out / "data" / f"{name}.csv")
    header, rows = canonical[0], canonical[1:]
    problems = []
    if header != [c["name"] for c in columns]:
        problems.append(f"the CSV header {header} is not the metadata's columns")
    headings = []
    for c in columns:
        title = c["title"].get(LANG, c["name"])
        unit = (c.get("unit") or {}).get(LANG, "")
        headings.append(f"{title} ({unit})" if unit else title)
    checked = 0
    for fmt in ("xlsx", "ods"):
        data = sheets / f"{name}-{fmt}-{DATA_SHEET}.csv"
        about = sheets / f"{name}-{fmt}-{ABOUT_SHEET}.csv"
        if not data.is_file() or not about.is_file():
            found = sorted(p.name for p in sheets.glob(f"{name}-{fmt}*"))
            problems.append(f"{fmt}: no sheets {DATA_SHEET} and {ABOUT_SHEET} (found {found})")
            continue
        got = read_csv(data)
        if got[0] != headings:
            problems.append(f"{fmt}: header {got[0]}, expected {headings}")
        compare_rows(fmt, columns, rows, got[1:], problems)
        about_rows = read_csv(about)
        values = {r[1] for r in about_rows if len(r) > 1}
        for what, text in (("title", meta["title"][LANG]), ("citation", meta["citation"][LANG]),
                           ("English citation", meta["citation"]["en"])):
            if text not in values:
                problems.append(f"{fmt}: the about sheet lacks the {what} {text!r}")
        for c, h in zip(columns, headings):
            if not any(r[:2] == [c["name"], h] for r in about_rows):
                problems.append(f"{fmt}: the about sheet's dictionary lacks {c['name']} = {h}")
            for code, words in (c.get("values") or {}).items():
                if not any(r[:3] == [c["name"], code, words[LANG]] for r in about_rows):
                    problems.append(f"{fmt}: the about sheet lacks code {code} of {c['name']}")
        checked += len(rows) * len(columns)
    found = sorted(excel.glob(f"{name}-excel*.csv"))  # <file>-<sheet>.csv
    excel_csv = found[0] if len(found) == 1 else None
    if excel_csv is None:
        problems.append(f"no conversion of {name}.excel.csv")
    else:
        got = read_csv(excel_csv)
        if got[0] != header:
            problems.append(f"excel csv: header {got[0]}, expected {header}")
        compare_rows("excel csv", columns, rows, got[1:], problems, excel=True)
        checked += len(rows) * len(columns)
    for p in problems:
        print(p)
    if problems:
        return 1
    print(f"{checked} cells of {name} read back by LibreOffice from XLSX, ODS and the Excel CSV")
    return 0


if __name__ == "__main__":
    sys.exit(main())
