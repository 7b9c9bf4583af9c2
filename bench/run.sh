#!/usr/bin/env bash
# Build benchmark: Firefly against Hugo on the synthetic corpus of gen_corpus.py.
#
#   bench/run.sh            1,000 and 10,000 stories, writes BENCHMARKS.md
#   bench/run.sh --large    also 50,000 stories (slow: about 10 minutes on 2 cores)
#   bench/run.sh --smoke    1,000 stories, Firefly only, one run; fails if the build fails
#   bench/run.sh --runs N   timed runs per generator and size (default 3, alternating)
#   bench/run.sh --no-serve skip the preview-server edit latency (bench/serve_edit.py)
#
# Everything is generated and built in tmpfs (/dev/shm). Timing uses /usr/bin/time -v
# (wall, user+sys CPU, peak RSS); the floor is cmark-gfm over the concatenated Markdown
# plus `cp -r` of Firefly's output tree. Environment: FIREFLY (binary), GEN_CORPUS (the
# generator script), BENCH_DIR (work folder), BENCH_OUT (report, default BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
FIREFLY=${FIREFLY:-$ROOT/build/firefly}
GEN_CORPUS=${GEN_CORPUS:-$ROOT/bench/gen_corpus.py}
BENCH_OUT=${BENCH_OUT:-$ROOT/BENCHMARKS.md}
RUNS=3
SIZES=(1000 10000)
SMOKE=0
SERVE=1
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) SMOKE=1 ;;
    --large) SIZES+=(50000) ;;
    --runs) RUNS=$2; shift ;;
    --no-serve) SERVE=0 ;;
    *) echo "usage: bench/run.sh [--smoke] [--large] [--runs N] [--no-serve]" >&2; exit 2 ;;
  esac
  shift
done
BASE=/dev/shm
[ -d "$BASE" ] && [ -w "$BASE" ] || BASE=${TMPDIR:-/tmp}
WORK=${BENCH_DIR:-$(mktemp -d "$BASE/firefly-bench.XXXXXX")}
mkdir -p "$WORK"
trap '[ -z "${BENCH_DIR:-}" ] && rm -rf "$WORK"' EXIT

[ -x "$FIREFLY" ] || { echo "bench: no Firefly binary at $FIREFLY (run make firefly)" >&2; exit 1; }

corpus() {  # corpus <stories> <format> -> prints the folder
  local dir="$WORK/corpus-$2-$1"
  [ -d "$dir" ] || python3 "$GEN_CORPUS" --stories "$1" --out "$dir" --format "$2" >/dev/null
  echo "$dir"
}

if [ "$SMOKE" = 1 ]; then
  site=$(corpus 1000 firefly)
  if ! "$FIREFLY" build --site "$site" --out "$WORK/out-smoke" --quiet; then
    echo "bench smoke: FAILED (firefly build exited non-zero)" >&2
    exit 1
  fi
  n=$(find "$WORK/out-smoke" -type f | wc -l)
  if ! python3 "$ROOT/bench/serve_edit.py" "$FIREFLY" "$site" \
    "$site/content/stories/story-00001.en.md" /en/stories/story-00001/ --edits 2 >"$WORK/serve.out"; then
    echo "bench smoke: FAILED (serve_edit.py)" >&2
    exit 1
  fi
  for where in date tags new delete rows; do  # each kind of edit the serve table times
    file=$site/content/stories/story-00001.en.md page=/en/stories/story-00001/
    [ "$where" = new ] && page=/en/stories/
    [ "$where" = rows ] && file=$site/data/outcome-003.csv page=/en/data/outcome-003/
    if ! python3 "$ROOT/bench/serve_edit.py" "$FIREFLY" "$site" "$file" "$page" --edits 1 \
      --where "$where" >>"$WORK/serve.out"; then
      echo "bench smoke: FAILED (serve_edit.py --where $where)" >&2
      exit 1
    fi
  done
  echo "bench smoke: ok (1000 stories, $n files; serve: $(grep -c '^result' "$WORK/serve.out") kinds of edit)"
  exit 0
fi

need=()
command -v hugo >/dev/null || need+=(hugo)
command -v cmark-gfm >/dev/null || need+=(cmark-gfm)
[ -x /usr/bin/time ] || need+=(time)
command -v hyperfine >/dev/null || need+=(hyperfine)
if [ ${#need[@]} -gt 0 ]; then
  echo "bench: installing ${need[*]}" >&2
  apt-get install -y "${need[@]}" >/dev/null
fi

# measure <label> <command...>: one timed run; appends "label wall cpu rss_kb" to $WORK/raw.
# Firefly failing stops the benchmark; another tool failing (Hugo runs out of memory on
# the largest corpus) is recorded as "label failed <exit status>" and the run goes on.
measure() {
  local label=$1
  shift
  local log="$WORK/time.log"
  if ! /usr/bin/time -v -o "$log" "$@" >"$WORK/cmd.out" 2>&1; then
    local status
    status=$(awk '/Exit status/ { print $NF }' "$log")
    tail -5 "$WORK/cmd.out" >&2
    echo "bench: $label failed (exit status ${status:-?})" >&2
    case "$label" in firefly-*) exit 1 ;; esac
    echo "$label failed ${status:-?}" >>"$WORK/raw"
    return 0
  fi
  awk -v label="$label" '
    /User time/ { u = $NF } /System time/ { s = $NF } /Maximum resident/ { r = $NF }
    /Elapsed \(wall clock\)/ { n = split($NF, p, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + p[i] }
    END { printf "%s %.3f %.3f %d\n", label, w, u + s, r }' "$log" >>"$WORK/raw"
}

# floor <stories>: cmark-gfm over all Markdown concatenated, then cp -r of Firefly's output.
floor_cmd() {
  local site=$1 out=$2
  find "$site/content" -name '*.md' -print0 | sort -z | xargs -0 cat | cmark-gfm >/dev/null
  rm -rf "$out.copy"
  cp -r "$out" "$out.copy"
}
export -f floor_cmd

: >"$WORK/raw"
for n in "${SIZES[@]}"; do
  ff=$(corpus "$n" firefly)
  hu=$(corpus "$n" hugo)
  echo "bench: $n stories, $RUNS runs each" >&2
  # One untimed warm-up each, so the page cache holds the inputs.
  "$FIREFLY" build --site "$ff" --out "$WORK/ff-out-$n" --quiet
  hugo --quiet -s "$hu" -d "$WORK/hugo-out-$n" >/dev/null 2>&1 || true
  for ((r = 1; r <= RUNS; r++)); do
    rm -rf "$WORK/ff-out-$n" "$WORK/hugo-out-$n"
    measure "firefly-$n" "$FIREFLY" build --site "$ff" --out "$WORK/ff-out-$n" --quiet
    measure "hugo-$n" hugo --quiet -s "$hu" -d "$WORK/hugo-out-$n"
    measure "floor-$n" bash -c 'floor_cmd "$0" "$1"' "$ff" "$WORK/ff-out-$n"
  done
  rm -rf "$WORK/ff-out-$n.copy" "$WORK/hugo-out-$n" "$WORK/ff-out-$n"
done

# Preview servers on the 10,000-story corpus: save a story, time until the page shows it.
serve_args=()
if [ "$SERVE" = 1 ]; then
  : >"$WORK/serve.raw"
  for tool in firefly hugo; do
    if [ "$tool" = firefly ]; then site=$(corpus 10000 firefly) bin=$FIREFLY edits=5
    else site=$(corpus 10000 hugo) bin=hugo edits=3; fi
    story=$site/content/stories/story-00042.en.md
    # Hugo's server keeps serving a deleted story's page, and its corpus has no dataset
    # pages or strings: those edits are Firefly's alone.
    kinds="end start title date tags new"
    [ "$tool" = firefly ] && kinds="$kinds delete rows dtitle string"
    # The string edit changes the site's own copy of the theme's English strings.
    if [ "$tool" = firefly ] && [ ! -f "$site/i18n/en.yaml" ]; then
      mkdir -p "$site/i18n" && cp "$ROOT/themes/default/i18n/en.yaml" "$site/i18n/en.yaml"
    fi
    for where in $kinds; do
      file=$story page=/en/stories/story-00042/
      [ "$where" = new ] && page=/en/stories/
      [ "$where" = rows ] && file=$site/data/outcome-003.csv page=/en/data/outcome-003/
      [ "$where" = dtitle ] && file=$site/data/outcome-003.yaml page=/en/data/outcome-003/
      # `preview` ("Data preview") shows on the dataset pages only.
      [ "$where" = string ] && file=$site/i18n/en.yaml page=/en/data/outcome-003/
      echo "bench: $tool server, edit: $where" >&2
      python3 "$ROOT/bench/serve_edit.py" --tool "$tool" "$bin" "$site" "$file" \
        "$page" --edits "$edits" --where "$where" | tee -a "$WORK/serve.raw" >&2
    done
  done
  serve_args=("$WORK/serve.raw")
fi

python3 "$ROOT/bench/report.py" "$WORK/raw" "$BENCH_OUT" "$(nproc)" "$(hugo version | head -1)" \
  "${serve_args[@]}"
echo "bench: wrote $BENCH_OUT" >&2
