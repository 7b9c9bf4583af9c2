#!/usr/bin/env bash
# The footer's licence links to the licence's text for every licence Firefly knows the
# address of, as the dataset pages do: a site under CC-BY-4.0 had its footer name the
# licence without a link (only OGDL-Taiwan-1.0 was linked). The name is a box of its own
# (.license-name), kept whole rather than broken at its hyphens on a phone.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$FIREFLY" init "$work/site" --lang en >/dev/null
sed -i 's/^data_license: .*/data_license: CC-BY-4.0/' "$work/site/site.yaml"
"$FIREFLY" build --site "$work/site" --out "$work/public" --quiet
grep -q '<p class="license">Licence: <a class="license-name" href="https://creativecommons.org/licenses/by/4.0/">CC-BY-4.0</a></p>' \
  "$work/public/index.html" || fail "the footer does not link CC-BY-4.0 to its text"
echo "footer_licence: ok"
