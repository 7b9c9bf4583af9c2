#!/usr/bin/env bash
# The page written as .md is published; none of the files that are not read is.
out=$1
[ -f "$out/stories/roofs/index.html" ] || { echo "roofs not published"; exit 1; }
for f in stories/haircuts stories/forum stories/annual-report.docx stories/roof.jpg; do
  [ ! -e "$out/$f" ] || { echo "$f published"; exit 1; }
done
