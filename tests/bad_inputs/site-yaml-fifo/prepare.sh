#!/usr/bin/env bash
# site.yaml as a FIFO must be an error, never a hang.
rm "$1/site.yaml" && mkfifo "$1/site.yaml"
