#!/usr/bin/env bash
# `firefly new stories -a`: the name is read as an option; the error says so, and that no
# page's file name starts with '-', not only that a name is required.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
code=0
"$FIREFLY" new stories -a 2>"$work/err.txt" || code=$?
[ "$code" = 2 ] || { cat "$work/err.txt"; echo "exit $code, expected 2"; exit 1; }
grep -qxF "'-a' was read as an option, and \`firefly new\` has none by that name; a page's file name cannot start with '-' (write 'a')" \
  "$work/err.txt" || { cat "$work/err.txt"; echo "wrong message"; exit 1; }
# A known option's value is no name: only the usage line then.
code=0
"$FIREFLY" new stories --lang -x 2>"$work/err.txt" || code=$?
[ "$code" = 2 ] || { cat "$work/err.txt"; echo "exit $code, expected 2"; exit 1; }
if grep -q "was read as an option" "$work/err.txt"; then
  cat "$work/err.txt"; echo "an option's value was taken for the name"; exit 1
fi
# After `--` it is the name, and refused as one.
mkdir -p "$work/site/content/stories"
printf 'title: T\nlanguages: [{code: en}]\ncollections:\n  stories: {}\n' >"$work/site/site.yaml"
code=0
"$FIREFLY" new stories --site "$work/site" -- -a 2>"$work/err.txt" || code=$?
[ "$code" = 2 ] || { cat "$work/err.txt"; echo "exit $code, expected 2"; exit 1; }
grep -qxF "firefly: error: '-a' cannot be a file name; use lower-case letters, digits and '-', like 'a'" \
  "$work/err.txt" || { cat "$work/err.txt"; echo "wrong message after --"; exit 1; }
echo ok
