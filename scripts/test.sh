#!/usr/bin/env bash
# The one test command (`npm test`). On a fresh machine it installs whatever
# the tests need from Debian's packages before running them.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-deps.sh

echo "== redocly lint (recommended + top plugin)"
npx --no-install redocly lint spec/openapi.yaml --format=stylish

# Biome (biome.json) lints and formats every hand-written file. `npm run lint`
# is the whole check (format, lint, import order). Until the one-time
# `npm run lint:fix` has been run over the tree, `npm test` runs the linter
# alone and skips the rules below, which the tree does not pass yet; each
# rule is re-enabled by deleting it here once its findings are fixed.
PENDING_RULES=(
  suspicious/noExplicitAny suspicious/useIterableCallbackReturn suspicious/noShadowRestrictedNames suspicious/noImplicitAnyLet
  complexity/noAdjacentSpacesInRegex complexity/useArrowFunction complexity/useLiteralKeys style/useTemplate style/noDescendingSpecificity
)
echo "== biome lint (house rules)"
npx --no-install biome lint --error-on-warnings "${PENDING_RULES[@]/#/--skip=}" .

echo "== tsc --noEmit (strict)"
npx --no-install tsc -p tsconfig.json

echo "== node --test"
mapfile -t files < <(find test -name '*.test.ts' -not -path '*/fixtures/*' | sort)
node --import tsx --test --test-concurrency=2 "${files[@]}"
