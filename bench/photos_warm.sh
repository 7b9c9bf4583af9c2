#!/usr/bin/env bash
# Warm rebuild with photos against the build without them (issue 16's goal: at most 5%
# more), counted in user-space instructions with callgrind: CPU seconds of a 50 ms build
# on a shared machine cannot tell a few percent apart, instruction counts can.
#
#   bench/photos_warm.sh [--time] [--jobs J] [--rounds R] [--photos N] [--work DIR] [--keep DIR] BASE [NEW]
#
# BASE and NEW are firefly binaries. The site is bench/photos.sh's: N stories (default 200),
# each with a 4032 x 3024 phone photo, and the same stories without their photos; a cold
# build of BASE fills the photo cache. Each binary gets its own copy of both sites (`cp
# -al`) and its own output folders, all named with as many letters (a longer path costs
# instructions). Two uncounted rounds first (a copied site's originals are looked at
# again, folders changed less than 2 s before are listed again), then R rounds (default
# 6), each alternating BASE with photos, BASE without, NEW with, NEW without, every build
# into its own previous output. Before each counted build the cache's `renewed` mark is
# touched, so no counted build is the one that renews the entries' times (every ten
# minutes). `--jobs 1` (the default) renders the pages on one thread; the search index and
# the feeds still run beside it, so a count still varies by up to 1 M between rounds (the
# allocator's state, which thread formats a date first); at `--jobs 2` by up to 1.2 M.
# Do not run two of these at once on copies of one site: each copy (`cp -al`) changes the
# photos' inode times, and the other's next build then hashes every original (left out).
#
# Prints each round's counts, then per binary the medians and the extra of the build with
# photos over the build without, and whether NEW's outputs are byte-identical to BASE's.
# --work DIR keeps the generated site, its cache and the outputs in DIR (made when
# missing, reused when it holds a site): later runs skip the generation and the cold build.
# --keep DIR keeps each binary's last callgrind files there (for callgrind_annotate).
# CALLGRIND_ARGS adds options to callgrind (for example --toggle-collect=...).
#
# --time measures time instead (the goal's own unit), independent of the machine's load:
# each counted build runs under bench/idle_wall.py, which estimates the wall it would take
# on an idle 2-core machine from its threads' CPU and how many were runnable, and reports
# its user + system CPU and how long its threads waited for a core (the load it met).
# Defaults then: --jobs 2 (the default on 2 cores) and 15 rounds, each round's two builds
# of a binary in alternating order (with photos first in odd rounds). Prints every build,
# then per binary the medians, the extra in estimated wall and in CPU (of the medians and
# the median of each round's own ratio, with its quartiles), and whether the figures of the
# builds without photos follow the load they met (a load-independent figure does not).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/photo_site.sh
source "$repo/bench/photo_site.sh"

jobs="" rounds="" photos=200 work="" keep="" timed=0
while [[ $# -gt 0 && $1 == --* ]]; do
  case $1 in
    --time) timed=1; shift; continue ;;
    --jobs) jobs=$2 ;;
    --rounds) rounds=$2 ;;
    --photos) photos=$2 ;;
    --work) work=$2 ;;
    --keep) keep=$2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done
if ((timed)); then
  jobs=${jobs:-2} rounds=${rounds:-15}
else
  jobs=${jobs:-1} rounds=${rounds:-6}
fi
if [[ $# -lt 1 || $# -gt 2 ]]; then
  sed -n '6p' "$0" | sed 's/^# *//' >&2
  exit 2
fi
bins=()
for b in "$@"; do bins+=("$(realpath "$b")"); done
names=(base new)
((timed)) || command -v valgrind >/dev/null || { echo "needs valgrind" >&2; exit 2; }

if [[ -z $work ]]; then
  work=$(mktemp -d "${TMPDIR:-/dev/shm}/photos_warm.XXXXXX")
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"
[[ -z $keep ]] || keep=$(realpath -m "$keep")
cd "$work"

if [[ ! -d site ]]; then
  echo "generating $photos photos and filling the cache (a cold build of ${names[0]})"
  rm -rf site.tmp plain
  photo_site site.tmp "$photos"
  "${bins[0]}" build --site site.tmp --out cold --jobs 2 >/dev/null
  rm -rf cold
  plain_site site.tmp plain
  mv site.tmp site
fi

build() {  # k with|without [valgrind args...]: one build of binary k into its output
  local k=$1 kind=$2
  shift 2
  local s=sw_$k o=ow_$k
  [[ $kind == with ]] || { s=sp_$k o=op_$k; }
  "$@" "${bins[$k]}" build --site "$s" --out "$o" --jobs "$jobs" >/dev/null 2>build.err ||
    { cat build.err >&2; echo "FAIL: ${names[$k]} $kind" >&2; exit 1; }
}

for k in "${!bins[@]}"; do
  rm -rf "sw_$k" "sp_$k" "ow_$k" "op_$k"
  cp -al site "sw_$k"
  cp -al plain "sp_$k"
done
for _ in 1 2; do
  for k in "${!bins[@]}"; do
    build "$k" with
    build "$k" without
  done
  sleep 3
done

count() {  # k with|without: the build's user-space instructions (callgrind's total)
  local k=$1 kind=$2 out=cg.out
  touch "sw_$k/.firefly-cache/photos/renewed" 2>/dev/null || true
  rm -f "$out"
  # shellcheck disable=SC2086
  build "$k" "$kind" valgrind --tool=callgrind --callgrind-out-file="$out" ${CALLGRIND_ARGS:-}
  [[ -z $keep ]] || { mkdir -p "$keep"; cp "$out" "$keep/${names[$k]}_$kind.out"; }
  awk '/^(summary|totals):/ {print $2; exit}' "$out"
}

timed_build() {  # k with|without: the build under bench/idle_wall.py, its line and the load
  local k=$1 kind=$2
  touch "sw_$k/.firefly-cache/photos/renewed" 2>/dev/null || true
  rm -f timed.out
  build "$k" "$kind" python3 "$repo/bench/idle_wall.py" --out=timed.out
  echo "$k $kind $(cat timed.out) load $(cut -d' ' -f1 /proc/loadavg)"
}

if ((timed)); then
  rows=timed_rows.txt
  : >"$rows"
  for r in $(seq 1 "$rounds"); do
    for k in "${!bins[@]}"; do
      if ((r % 2)); then kinds=(with without); else kinds=(without with); fi
      for kind in "${kinds[@]}"; do
        line="$r $(timed_build "$k" "$kind")"
        echo "$line" | tee -a "$rows"
      done
    done
  done
  python3 "$repo/bench/photos_warm_time.py" "${names[@]}" <"$rows"
  [[ -z $keep ]] || { mkdir -p "$keep"; cp "$rows" "$keep/"; }
else
printf '%-6s' round
for k in "${!bins[@]}"; do printf ' %16s %16s' "${names[$k]} with" "${names[$k]} without"; done
echo
results=()
for r in $(seq 1 "$rounds"); do
  printf '%-6s' "$r"
  for k in "${!bins[@]}"; do
    w=$(count "$k" with)
    p=$(count "$k" without)
    printf ' %16s %16s' "$w" "$p"
    results+=("$k $w $p")
  done
  echo
done

printf '%s\n' "${results[@]}" | python3 -c '
import statistics, sys
names = sys.argv[1:]
rows = {}
for line in sys.stdin:
    k, w, p = map(int, line.split())
    rows.setdefault(k, ([], []))[0].append(w)
    rows[k][1].append(p)
for k, (w, p) in sorted(rows.items()):
    # A build far above its series looked at every original again (hashed them): another
    # hard-linked copy of the photos, made meanwhile, changed their inodes times. Left out.
    for series, kind in ((w, "with"), (p, "without")):
        mid = statistics.median(series)
        far = [n for n in series if n > 1.1 * mid]
        for n in far:
            print(f"{names[k]} {kind}: {n/1e6:.2f} M left out (the originals looked at again)")
            series.remove(n)
    mw, mp = statistics.median(w), statistics.median(p)
    extra = mw - mp
    print(f"{names[k]}: with photos {min(w)/1e6:.2f}-{max(w)/1e6:.2f} M (median {mw/1e6:.2f}), "
          f"without {min(p)/1e6:.2f}-{max(p)/1e6:.2f} M (median {mp/1e6:.2f}); "
          f"extra {extra/1e6:.2f} M (+{100*extra/mp:.2f}%); goal at most {0.05*mp/1e6:.2f} M")
' "${names[@]}"
fi
echo "jobs $jobs, $rounds rounds, $photos photos"

if [[ ${#bins[@]} -eq 2 ]]; then
  for kind in w p; do
    if diff -r "o${kind}_0" "o${kind}_1" >/dev/null; then
      echo "outputs o${kind}: identical"
    else
      echo "outputs o${kind}: DIFFER"
    fi
  done
fi
