#!/usr/bin/env bash
# A comment is left out of the page (never shown, not even in its source), and an empty
# heading is no <h2>; the rows without their dashes are shown as the text they are.
out=$1
page="$out/visit/index.html"
! grep -q 'note to colleagues' "$page" || exit 1
! grep -q '<h2 id="section"></h2>' "$page" || exit 1
grep -q '| Year | People |' "$page"
# The heading without its space is text, as the warning says.
grep -q '###Who came' "$page"
# The extra cell is not on the page, as the warning says.
! grep -q 'since 2019' "$page"
# The link without its ) is text; the one whose ) is on the next line is a link.
grep -q 'See \[the workshop\](/visit/' "$page" && grep -q '<a href="/visit/">the team</a>' "$page"
