#!/usr/bin/env bash
# A dataset of 60 columns, its chart drawing every one of them: one error at 'y' that
# counts them. 5,000 columns of 800 rows so took 170 s and 3 GB to fail at the template's
# output limit, blaming the theme.
{
  printf 'year'
  for i in $(seq 60); do printf ',c%d' "$i"; done
  printf '\n2021'
  for i in $(seq 60); do printf ',%d' "$i"; done
  printf '\n'
} >"$1/data/wide.csv"
{
  printf 'title: {en: Wide}\nchart:\n  x: year\n  y: [c1'
  for i in $(seq 2 60); do printf ', c%d' "$i"; done
  printf ']\ncolumns:\n  - {name: year, type: integer}\n'
  for i in $(seq 60); do printf '  - {name: c%d, type: integer}\n' "$i"; done
} >"$1/data/wide.yaml"
