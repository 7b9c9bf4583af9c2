#!/usr/bin/env bash
# A 106 KB page whose front matter repeats a 100,000-letter value 2,000 times by alias
# (2,000 values, well under the limit on values): 200 MB of text, a 968 MB page. Aliases
# may repeat at most 1,000,000 bytes or 10 times the YAML's size: refused at the 11th.
mkdir -p "$1/content"
{
  printf -- '---\ntitle: F\nx: &p {name: "'
  head -c 100000 /dev/zero | tr '\0' n
  printf '"}\npeople: [*p'
  for _ in $(seq 1 1999); do printf ',*p'; done
  printf ']\n---\nb\n'
} >"$1/content/fat.md"
