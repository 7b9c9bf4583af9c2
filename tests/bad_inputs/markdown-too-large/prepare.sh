#!/usr/bin/env bash
# A page over the size limit (64 KB here) is refused before it is parsed.
{ printf -- "---\ntitle: Big\n---\n"; head -c 100000 /dev/zero | tr "\\0" "a"; } >"$1/content/big.md"
