#!/usr/bin/env bash
# A decompression bomb: a small PNG file of 12000 x 10000 pixels (120 megapixels).
set -e
mkdir -p "$1/static/images"  # git keeps no empty folder
vips black "$1/static/images/class.png" 12000 10000
