#!/usr/bin/env bash
# A CSV whose header has 20,000 columns, only the first declared: one short error that
# counts the undeclared columns, not one error (and one copy of the header) per column.
{
  printf 'year'
  for i in $(seq 19999); do printf ',c%d' "$i"; done
  printf '\n2021'
  for i in $(seq 19999); do printf ',1'; done
  printf '\n'
} > "$1/data/wide.csv"
