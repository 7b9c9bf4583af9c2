#!/usr/bin/env bash
# Links that list no file: to a folder of the site (not followed, so the stories in it
# vanished from the site while the build said it succeeded) and to nothing (a file moved
# away), made here as a checkout may not keep them.
ln -s "$1/shared/news" "$1/content/news"
ln -s images "$1/static/pictures"
ln -s fair-2025.md "$1/content/fair.md"
