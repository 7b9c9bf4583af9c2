#!/usr/bin/env bash
# site.yaml a link out of the site (to /proc/self/environ, its errors would print the
# environment's secrets into a CI log): refused, nothing of it read. git does not keep
# such a link portably, so the test makes it.
mkdir -p "$1/../site-yaml-outside"
printf 'title: Test\nlanguages: [{code: en}]\ntoken: ghp_not_to_be_shown [\n' >"$1/../site-yaml-outside/site.yaml"
ln -s ../site-yaml-outside/site.yaml "$1/site.yaml"
