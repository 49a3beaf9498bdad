#!/usr/bin/env bash
# The one test command (`npm test`). On a fresh machine it installs whatever
# the tests need from Debian's packages before running them.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-deps.sh

echo "== redocly lint (recommended + top plugin)"
npx --no-install redocly lint spec/openapi.yaml --format=stylish

echo "== tsc --noEmit (strict)"
npx --no-install tsc -p tsconfig.json

echo "== node --test"
mapfile -t files < <(find test -name '*.test.ts' -not -path '*/fixtures/*' | sort)
node --import tsx --test --test-concurrency=2 "${files[@]}"
