#!/usr/bin/env bash
# Builds the libFuzzer targets (generator/**/*_fuzz.cpp) with clang and runs each for
# FUZZ_SECONDS (default 60). Crashes are left in build-fuzz/crashes/<target>/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
scripts/install-deps --fuzz
CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFIREFLY_FUZZ=ON >/dev/null
targets=$(find generator -name '*_fuzz.cpp' -exec basename {} .cpp \; | sort)
cmake --build build-fuzz -j2 --target $targets
status=0
for t in $targets; do
  mkdir -p "build-fuzz/corpus/$t" "build-fuzz/crashes/$t"
  echo "fuzzing $t for ${seconds}s"
  if ! "build-fuzz/$t" -max_total_time="$seconds" -artifact_prefix="build-fuzz/crashes/$t/" \
      "build-fuzz/corpus/$t" >"build-fuzz/$t.log" 2>&1; then
    echo "CRASH in $t: see build-fuzz/crashes/$t/ and build-fuzz/$t.log"
    status=1
  fi
  tail -1 "build-fuzz/$t.log"
done
exit $status
