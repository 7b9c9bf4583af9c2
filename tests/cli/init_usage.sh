#!/usr/bin/env bash
# `firefly init -x` and `firefly init` without a folder: exit 2 with the usage line, as
# `firefly new` says it, and for `-x` that it was read as an option (not only "dir is
# required"). Nothing is created.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
expect() {  # expect EXPECTED_STDERR ARGS...: exit 2 and exactly that on stderr
  local want="$1" code=0
  shift
  "$FIREFLY" "$@" </dev/null >"$work/out.txt" 2>"$work/err.txt" || code=$?
  [ "$code" = 2 ] || { cat "$work/err.txt"; echo "firefly $*: exit $code, expected 2"; exit 1; }
  diff -u <(printf '%s\n' "$want") "$work/err.txt" || { echo "firefly $*: wrong message"; exit 1; }
}
usage='usage: firefly init <folder> [--lang CODE], e.g. firefly init portal --lang en'
expect "dir is required
Run with --help for more information.
'-x' was read as an option, and \`firefly init\` has none by that name; for a folder of that name, write './-x'
$usage" init -x
expect "dir is required
Run with --help for more information.
$usage" init
# A known option's value is no folder: only the usage line then.
expect "dir is required
Run with --help for more information.
$usage" init --lang en
[ -z "$(ls -A "$work" | grep -v -e out.txt -e err.txt)" ] || { ls -A "$work"; echo "a folder was created"; exit 1; }
echo ok
