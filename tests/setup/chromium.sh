#!/bin/sh
# The end-to-end tests drive Debian's Chromium (Playwright cannot download browsers
# here). Install it when it is missing and we may. Otherwise the tests that need it are
# skipped with a line saying so (tests/setup/requirements.ts), except under CI=true,
# where a missing browser fails the run.
set -u
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the end-to-end tests..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if [ ! -x "$browser" ] && [ "${CI:-}" = "true" ]; then
  echo "The end-to-end tests need Chromium at $browser: install it (apt-get install chromium) or set CHROMIUM_PATH." >&2
  exit 1
fi
exit 0
