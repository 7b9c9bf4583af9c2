#!/usr/bin/env bash
# Cells that a spreadsheet would run as formulas are neutralised in the Excel CSV only.
out=$1
grep -q "'=HYPERLINK" "$out/data/notes.excel.csv" && grep -q "'+1 call" "$out/data/notes.excel.csv" &&
  grep -q "'@SUM" "$out/data/notes.excel.csv" && grep -q '^2021,"=HYPERLINK' "$out/data/notes.csv"
