#!/usr/bin/env bash
# Checks every HTML file of a built portal with the Nu HTML Checker (vnu).
# Usage: tests/a11y/vnu.sh PUBLIC_DIR
# Prints each error, then "vnu: N passed, M failed" (HTML files without /
# with errors). Exits 0 when no file has an error, 1 when any has, 2 on bad
# usage or when the checker itself cannot run.
# Non-HTML files (SVG, XML feeds, the sitemap) are skipped by extension:
# --skip-non-html checks only .html, .htm, .xhtml and .xht files.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/node_modules/vnu-jar/build/dist/vnu.jar"

if [[ $# -ne 1 || ! -d "$1" ]]; then
  echo "usage: $0 PUBLIC_DIR" >&2
  exit 2
fi
public="$(cd "$1" && pwd)"
if [[ ! -f "$jar" ]]; then
  echo "vnu: $jar not found; run 'npm ci' in $here" >&2
  exit 2
fi
if ! command -v java >/dev/null; then
  echo "vnu: java not found (install openjdk-17-jre-headless)" >&2
  exit 2
fi

total=$(find "$public" -type f \( -iname '*.html' -o -iname '*.htm' -o -iname '*.xhtml' \
  -o -iname '*.xht' \) | wc -l)
if ((total == 0)); then
  echo "vnu: no HTML files under $public" >&2
  echo "vnu: 0 passed, 1 failed"
  exit 1
fi

out="$(mktemp)"
trap 'rm -f "$out"' EXIT
java -Xss2m -jar "$jar" --skip-non-html --errors-only --format gnu "$public" >"$out" 2>&1
status=$?

# Findings look like: "file:/abs/path.html":12.3-12.9: error: message
failed=$(grep -o '^"file:[^"]*"' "$out" | sort -u | wc -l)
# Show paths relative to PUBLIC_DIR (decoded from the file: URL), one finding a line.
node -e '
const { fileURLToPath } = require("node:url");
const path = require("node:path");
const [, root, file] = process.argv;
for (const line of require("node:fs").readFileSync(file, "utf8").split("\n")) {
  if (!line) continue;
  const m = /^"(file:[^"]*)"(.*)$/.exec(line);
  console.log(m ? path.relative(root, fileURLToPath(m[1])) + m[2] : line);
}' "$public" "$out"

if ((status != 0 && failed == 0)); then
  echo "vnu: the checker failed (exit $status) without naming a file" >&2
  echo "vnu: 0 passed, $total failed"
  exit 2
fi
if ((status == 0 && failed > 0)); then
  status=1
fi
echo "vnu: $((total - failed)) passed, $failed failed"
((failed == 0)) || exit 1
exit 0
