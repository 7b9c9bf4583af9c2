#!/usr/bin/env bash
# With the default limit (2048 KB), a 2.2 MB page of ordinary paragraphs is refused before
# it is parsed.
{
  printf -- "---\ntitle: Big\n---\n"
  awk 'BEGIN { for (i = 1; i <= 34000; i++) printf "Paragraph %d of a very long page, written to pass the limit.\n\n", i }'
} >"$1/content/big.md"
