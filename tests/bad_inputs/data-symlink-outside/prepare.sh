#!/usr/bin/env bash
# git does not keep a link to a file outside the repository portably, so the test makes it:
# a dataset whose rows are a link out of the site, and a link to a folder outside.
ln -sf /etc/hostname "$1/data/awards.csv"
ln -sfn /etc "$1/data/elsewhere"
