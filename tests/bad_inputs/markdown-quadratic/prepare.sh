#!/usr/bin/env bash
# Markdown that cmark-gfm 0.29 reads in quadratic time (22 s to over a minute each) is
# refused before it is parsed, naming the line and column where the limit is passed.
c="$1/content"
rep() { for _ in $(seq "$2"); do printf '%s' "$1"; done; }
{ printf -- '---\ntitle: Images\n---\nIntro.\n'; rep '![[]()' 60000; echo; } >"$c/images.md"
{ printf -- '---\ntitle: Www\n---\n'; rep 'www.x_' 15000; echo; } >"$c/www.md"
{ printf -- '---\ntitle: Html\n---\na'; rep '<?' 200000; echo; } >"$c/html.md"
{
  printf -- '---\ntitle: Table\n---\n'
  printf '|'; rep 'a|' 5000; echo
  printf '|'; rep '-|' 5000; echo
} >"$c/table.md"
