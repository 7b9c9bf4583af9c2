#!/usr/bin/env bash
# An 8 KB page that embeds a table of 1,000 rows 300 times: over the 32 MB of HTML a page's
# tables and charts may make, an error at the embed that passes it, in about a second (it
# took 66 s and 3.1 GB at 3,000 tables, to fail at the template's limit blaming the theme).
mkdir -p "$1/content"
{ echo year,n,note; for i in $(seq 1000 1999); do echo "$i,$i,note number $i with some words in it to be longer"; done; } > "$1/data/rows.csv"
{ printf -- '---\ntitle: Tables\n---\n'; for i in $(seq 300); do printf '```table\ndataset: rows\n```\n\n'; done; } > "$1/content/tables.md"
