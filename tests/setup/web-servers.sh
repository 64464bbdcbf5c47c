#!/bin/sh
# The publishing tests run the documented configs in Debian's nginx (with its Brotli
# module) and Caddy. Install them when they are missing and we may. Otherwise those tests
# are skipped with a line saying so (tests/setup/requirements.ts), except under CI=true,
# where anything missing fails the run.
set -u
missing() {
  list=""
  [ -x /usr/sbin/nginx ] || list="$list nginx"
  [ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || list="$list libnginx-mod-http-brotli-static"
  [ -x /usr/bin/caddy ] || list="$list caddy"
  echo "$list"
}
packages="$(missing)"
if [ -z "$packages" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's$packages for the publishing tests..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $packages >/dev/null
  packages="$(missing)"
fi
if [ -n "$packages" ] && [ "${CI:-}" = "true" ]; then
  echo "The publishing tests need Debian's$packages: install them (apt-get install$packages)." >&2
  exit 1
fi
exit 0
