#!/usr/bin/env bash
# Two pages named café: é as one letter (U+00E9), and as e and a combining accent (U+0301),
# as macOS writes file names. They would share an address. Made here: git on some systems
# changes how such names are written.
printf -- '---\ntitle: Café one\n---\nOne.\n' >"$1/content/caf$(printf '\303\251').md"
printf -- '---\ntitle: Café two\n---\nTwo.\n' >"$1/content/cafe$(printf '\314\201').md"
