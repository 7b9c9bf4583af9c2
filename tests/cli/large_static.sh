#!/usr/bin/env bash
# A large file of static/ (a video) is copied, and compared with the one published before,
# a part at a time: a rebuild held both copies of a 1.5 GB file whole (3 GB). A change deep
# inside it is published.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$FIREFLY" init "$work/site" --lang en >/dev/null
truncate -s 300M "$work/site/static/video.bin"
# The peak memory of a build, in KB (ru_maxrss of the children).
peak() {
  python3 - "$FIREFLY" "$work" <<'PY'
import resource, subprocess, sys
firefly, work = sys.argv[1], sys.argv[2]
subprocess.run([firefly, "build", "--site", work + "/site", "--out", work + "/out", "--quiet"], check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
PY
}
first=$(peak)
[ "$first" -lt 200000 ] || { echo "the first build took $first KB"; exit 1; }
again=$(peak)
[ "$again" -lt 200000 ] || { echo "a rebuild took $again KB for a 300 MB file"; exit 1; }
printf 'x' | dd of="$work/site/static/video.bin" bs=1 seek=250000000 conv=notrunc 2>/dev/null
changed=$(peak)
[ "$changed" -lt 200000 ] || { echo "a rebuild of a changed file took $changed KB"; exit 1; }
cmp "$work/site/static/video.bin" "$work/out/video.bin"
echo "large static file: ok"
