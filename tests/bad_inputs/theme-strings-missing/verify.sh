#!/usr/bin/env bash
# No label is left empty: the ms (Malay) pages show the theme's English (the skip link, the search
# field's label); the site's i18n/id.yaml changes one string and keeps the theme's others.
out=$1
grep -q '<a class="skip-link" href="#main">Skip to main content</a>' "$out/index.html" || exit 1
! grep -q '<label for="search-q"></label>' "$out/index.html" || exit 1
grep -q '<label for="search-q">Cari di portal ini</label>' "$out/id/index.html" || exit 1
grep -q '<a class="skip-link" href="#main">Langsung ke konten utama</a>' "$out/id/index.html"
