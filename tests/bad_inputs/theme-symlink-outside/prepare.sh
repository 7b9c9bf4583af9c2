#!/usr/bin/env bash
# git does not keep a link out of the site (nor the empty themes/ folder) portably, so the
# test makes them.
mkdir -p "$1/themes" "$1/../outside-theme/layouts"
ln -s ../../outside-theme "$1/themes/x"
