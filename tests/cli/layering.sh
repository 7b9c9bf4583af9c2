#!/usr/bin/env bash
# The pipeline's layering: a file of one stage includes headers of its own stage and of
# earlier stages only (core, config, load, model, mustache, render, emit, serve, commands).
# CMake links each stage's library against the earlier ones alone; this catches the
# includes that would compile anyway (inline code, types).
set -euo pipefail
stages=(core config load model mustache render emit serve commands)

# Prints every include of a later stage under the generator folder $1; fails if any.
check() {
  local root=$1 bad=0 i j file line target
  for i in "${!stages[@]}"; do
    [ -d "$root/${stages[$i]}" ] || continue
    while IFS=: read -r file line target; do
      for j in "${!stages[@]}"; do
        if [ "${stages[$j]}" = "$target" ] && [ "$j" -gt "$i" ]; then
          echo "$file:$line: ${stages[$i]} includes $target/, a later stage"
          bad=1
        fi
      done
    done < <(grep -rnoE '^#include "[a-z_]+/' "$root/${stages[$i]}" |
             sed -E 's|^([^:]+):([0-9]+):#include "([a-z_]+)/$|\1:\2:\3|')
  done
  return $bad
}

check generator

# The check itself finds a later stage's include.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/render" "$work/commands"
printf '#include "core/error.h"\n#include "commands/build.h"\n' >"$work/render/x.cpp"
printf '#include "render/x.h"\n' >"$work/commands/y.cpp"
if out=$(check "$work"); then
  echo "the check missed render/x.cpp including commands/"; exit 1
fi
[ "$out" = "$work/render/x.cpp:2: render includes commands/, a later stage" ] || {
  echo "unexpected report: $out"; exit 1
}
echo "layering ok"
