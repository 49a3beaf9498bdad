#!/usr/bin/env bash
# Installs the Debian packages the tests talk to, when they are missing.
# redis-server (idempotency store tests), chromium (docs site tests) and a CJK
# font (so Chinese text renders in screenshots) are what the tests use today.
set -euo pipefail
needed=()
for pkg in "$@"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || needed+=("$pkg")
done
if ((${#needed[@]})); then
  echo "== apt-get install ${needed[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${needed[@]}"
fi
