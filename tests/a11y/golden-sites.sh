#!/usr/bin/env bash
# The golden sites' content (tests/sites/*/site) built with the default theme instead of
# their small test theme, then put through the same checks as the sample portal: the Nu
# HTML Checker, and checks.mjs with axe-core, Alfa and our own checks. They exercise inputs the
# portal does not (every chart kind, plain-string metadata, sections without an _index,
# tags without display names). scripts/run-tests runs it (`make test`).
#
# Usage: [FULL=1] tests/a11y/golden-sites.sh FIREFLY [NAME...]   (default: every golden site)
# Exits 0 when every site passes every checker, 1 otherwise.
set -uo pipefail
cd "$(dirname "$0")/../.."
FIREFLY=${1:?usage: golden-sites.sh FIREFLY [NAME...]}
shift
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
names=("$@")
[ ${#names[@]} = 0 ] && for d in tests/sites/*/; do names+=("$(basename "$d")"); done
# As on the portal in `make test`: Alfa's six slowest rules and the whole layout matrix on
# the first page of each kind and language (tests/a11y/README.md); FULL=1 for every page.
sampling="--sample-heavy --sample-layouts"
[ "${FULL:-0}" = 1 ] && sampling=""
status=0
for name in "${names[@]}"; do
  site="$TMP/$name-site"
  out="$TMP/$name"
  cp -r "tests/sites/$name/site" "$site"
  if grep -q '^theme:' "$site/site.yaml"; then sed -i 's/^theme:.*/theme: default/' "$site/site.yaml"; fi
  # The golden sites' own warnings (untranslated texts, missing metadata) are theirs to
  # have; only a failed build is shown.
  if ! "$FIREFLY" build --site "$site" --out "$out" --quiet 2>"$TMP/build.log"; then
    cat "$TMP/build.log"; echo "FAIL $name: the build failed"; status=1; continue
  fi
  for check in "bash tests/a11y/vnu.sh" "node tests/a11y/checks.mjs --axe $sampling"; do
    if $check "$out" >"$TMP/log" 2>&1; then echo "ok   $name: $(tail -1 "$TMP/log")"
    else grep -v '^ok' "$TMP/log" | tail -80; echo "FAIL $name: $check"; status=1; fi
  done
done
exit $status
