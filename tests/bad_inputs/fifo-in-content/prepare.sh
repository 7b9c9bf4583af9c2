#!/usr/bin/env bash
# A FIFO among the pages must be an error, never a hang.
mkfifo "$1/content/pipe.md"
