#!/usr/bin/env bash
# Parts of addresses longer than a file name may be (255 bytes), and addresses that collide
# with files Firefly makes, are errors naming the source file (and line) that asked for them.
long=$(printf 'a%.0s' $(seq 300))
printf -- '---\ntitle: Long url\nurl: /%s/\n---\nx\n' "$long" >"$1/content/long-url.md"
mkdir -p "$1/content/s"
printf -- '---\ntitle: Long tag\ntags: [%s]\n---\nx\n' "$long" >"$1/content/s/long-tag.md"
