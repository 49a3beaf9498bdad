#!/usr/bin/env bash
# Installs the Debian packages the tests need, when they are missing, and
# checks that the programs the tests start are there afterwards:
#   redis-server      started by test/server/idempotency.test.ts (its own port, no persistence)
#   chromium          launched headless by test/docs/site.test.ts via playwright-core
#   fonts-wqy-zenhei  a CJK font, so Chinese text renders in the docs screenshots
#   time              GNU time (/usr/bin/time): npm run bench reads a generation's peak RSS from it
# The tests start and stop these programs themselves; nothing runs as a service.
set -euo pipefail
packages=(redis-server chromium fonts-wqy-zenhei time)
needed=()
for pkg in "${packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || needed+=("$pkg")
done
if ((${#needed[@]})); then
  echo "== apt-get install ${needed[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${needed[@]}"
fi
for program in redis-server /usr/bin/chromium /usr/bin/time; do
  command -v "$program" >/dev/null || { echo "ensure-system-deps: $program is missing after apt-get install" >&2; exit 1; }
done
