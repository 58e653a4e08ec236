#!/bin/sh
# Installs Debian's Chromium for the browser test (test/browser/), when it is
# missing and we may: as root, with apt-get. Idempotent, and never fails the
# caller: without Chromium the browser test skips with a message.
chromium=/usr/bin/chromium

if [ -x "$chromium" ]; then
  echo "install-browser: $chromium is already installed"
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "install-browser: $chromium is missing; run as root (or: sudo apt-get install -y chromium)"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-browser: $chromium is missing and apt-get is not available; install Chromium by hand"
  exit 0
fi
echo "install-browser: installing Debian's chromium package"
if apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; then
  echo "install-browser: installed $("$chromium" --version 2>/dev/null || echo chromium)"
else
  echo "install-browser: apt-get could not install chromium; the browser test will skip"
fi
exit 0
