#!/usr/bin/env bash
# A FIFO among a site's layouts or glossaries is an error naming it, never a hang or a
# silently missing file (git keeps no FIFO, so they are made here).
mkdir -p "$1/layouts" "$1/i18n"
mkfifo "$1/layouts/page.mustache" "$1/i18n/glossary.vi.yaml"
