#!/bin/sh
# The end-to-end tests drive Debian's Chromium (Playwright cannot download browsers
# here). Install it when it is missing and we may; otherwise say how.
set -eu
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the end-to-end tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The end-to-end tests need Chromium at $browser." >&2
echo "Install it (sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary." >&2
exit 1
