#!/usr/bin/env bash
# No file of the project refers to a path outside it (a clone must work with nothing
# beside it); and the check itself catches each kind of such reference.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
check=$root/scripts/check-outside-paths.py
python3 "$check" "$root"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/p/docs" "$work/p/tests"
echo 'ok: [design](../README.md) and https://example.org/work/x' >"$work/p/docs/fine.md"
echo '# top' >"$work/p/README.md"
python3 "$check" "$work/p" >/dev/null || { echo "a clean project was reported"; exit 1; }
expect() {  # expect <file> <text> <message part>
  printf '%s\n' "$2" >"$work/p/$1"
  if out=$(python3 "$check" "$work/p" 2>/dev/null); then echo "not caught: $2"; exit 1; fi
  grep -qF "$3" <<<"$out" || { echo "wrong report for $2: $out"; exit 1; }
  rm "$work/p/$1"
}
# The fixtures' paths are put together here so that this file does not name them itself.
up=.. beside=shared home=/work
expect tests/a.sh "python3 $up/$beside/bench/gen_corpus.py" "tests/a.sh:1:9: path outside the project: $up/$beside"
expect tests/b.sh "GEN=$home/$beside/bench/x.py" "tests/b.sh:1:5: absolute path outside the project: $home/$beside"
expect docs/c.md "See [design]($up/$up/$beside/DESIGN.md)." "docs/c.md:1:14: link outside the project: $up/$up/$beside/DESIGN.md"
expect d.txt "cat $up/notes.txt" "d.txt:1:5: path outside the project: $up/notes.txt"
echo "no paths outside the project: ok"
