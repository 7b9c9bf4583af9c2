#!/usr/bin/env bash
# themes/ itself a link out of the site, the theme a real folder in it. git does not keep a
# link out of the site portably, so the test makes it.
mkdir -p "$1/../themes-folder-outside/x/layouts"
echo '{{title}}' >"$1/../themes-folder-outside/x/layouts/page.mustache"
ln -s ../themes-folder-outside "$1/themes"
