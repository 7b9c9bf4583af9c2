#!/usr/bin/env bash
# Raw HTML (unsafe_html) written like the marker the build puts where a photo goes, naming
# a photo the page does not show: it stayed a crash (photo 7 of 1). git keeps no photo made
# here, so the test makes it.
set -e
mkdir -p "$1/static/images"
vips black "$1/static/images/square.jpg" 64 48
