#!/usr/bin/env bash
# The one test command (`npm test`). On a fresh machine it installs whatever
# the tests need from Debian's packages before running them.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-deps.sh

# The spec's lint (recommended ruleset + the top plugin, warnings included) is
# test/lint/redocly-plugin.test.ts; `npm run lint:spec` runs the same CLI-side.

# Biome (biome.json) lints and formats every hand-written file: format, lint
# and import order, warnings included. Rules switched off are in biome.json
# with their reasons.
echo "== biome check (house rules)"
npx --no-install biome check --error-on-warnings .

# tsc runs beside the tests (they wait on sockets and child processes much of
# the time); its verdict is printed and counted at the end.
echo "== tsc --noEmit (strict), beside the tests"
tsc_log=$(mktemp)
trap 'rm -f "$tsc_log"' EXIT
npx --no-install tsc -p tsconfig.json >"$tsc_log" 2>&1 &
tsc_pid=$!

echo "== node --test"
status=0
mapfile -t files < <(find test -name '*.test.ts' -not -path '*/fixtures/*' | sort)
node --import tsx --test --test-concurrency=2 "${files[@]}" || status=$?

echo "== tsc --noEmit (strict)"
if wait "$tsc_pid"; then echo "tsc: no errors"; else cat "$tsc_log"; echo "tsc failed"; status=1; fi
exit "$status"
