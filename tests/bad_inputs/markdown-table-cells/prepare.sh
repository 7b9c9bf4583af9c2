#!/usr/bin/env bash
# A page of more table cells than cmark-gfm can hold in reasonable memory (about 1 KB a
# cell: 2 MB of `|a|b|` rows took 790 MB to build) is refused before it is parsed, at the
# row where the page passes 100,000 cells. Two tables of 3 columns: the second passes it.
{
  printf -- '---\ntitle: Tables\n---\nFirst table.\n\n| year | place | people |\n| --- | --- | ---: |\n'
  awk 'BEGIN { for (i = 1; i <= 30000; i++) printf "| %d | Tainan | %d |\n", 2000 + i % 20, i }'
  printf '\nSecond table.\n\n| year | place | people |\n|---|---|---|\n'
  awk 'BEGIN { for (i = 1; i <= 5000; i++) printf "| %d | Tainan | %d |\n", 2000 + i % 20, i }'
} >"$1/content/tables.md"
