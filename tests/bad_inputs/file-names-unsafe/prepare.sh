#!/usr/bin/env bash
# File names that cannot be part of a web address, made here (a checkout may refuse them):
# bytes that are not UTF-8 (a name in Latin-1), a bidirectional control that makes
# "report<U+202E>fdp.exe" read as "reportexe.pdf", a line break.
mkdir -p "$1/static"
page=$'---\ntitle: A page\n---\nText.\n'
printf '%s' "$page" >"$1/content/caf"$'\xe9'".md"
printf '%s' "$page" >"$1/content/pay"$'\u202e'"gpj.md"
printf '%s' "$page" >"$1/content/del"$'\x7f'".md"
echo a >"$1/static/report"$'\u202e'"fdp.exe"
echo a >"$1/static/plan"$'\n'"2024.txt"
echo a >"$1/static/caf"$'\xe9'".txt"
# café typed as one letter é and as e and an accent (as macOS names files): one address.
echo a >"$1/static/caf"$'\u00e9'".pdf"
echo b >"$1/static/caf"$'e\u0301'".pdf"
