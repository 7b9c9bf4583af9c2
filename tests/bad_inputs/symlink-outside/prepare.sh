#!/usr/bin/env bash
# git does not keep a link to /etc/passwd portably, so the test makes it.
ln -sf /etc/hostname "$1/content/secret.md"
