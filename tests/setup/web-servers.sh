#!/bin/sh
# The publishing tests run the documented configs in Debian's nginx (with its Brotli
# module) and Caddy. Install them when they are missing and we may; otherwise say how.
set -eu
missing=""
[ -x /usr/sbin/nginx ] || missing="$missing nginx"
[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing="$missing libnginx-mod-http-brotli-static"
[ -x /usr/bin/caddy ] || missing="$missing caddy"
if [ -z "$missing" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's$missing for the publishing tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  exit 0
fi
echo "The publishing tests need Debian's$missing." >&2
echo "Install them (sudo apt-get install$missing)." >&2
exit 1
