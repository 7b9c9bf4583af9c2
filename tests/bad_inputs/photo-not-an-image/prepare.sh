#!/usr/bin/env bash
# A .jpg that is really a text file (a download that saved an error page).
mkdir -p "$1/static/images"  # git keeps no empty folder
printf '<html><body>404 Not Found</body></html>\n' >"$1/static/images/class.jpg"
