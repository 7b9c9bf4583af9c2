#!/usr/bin/env bash
# git does not keep a link out of the site portably, so the test makes it.
mkdir -p "$1/../outside-theme/layouts"
ln -s ../../outside-theme "$1/themes/x"
