// openapi-typescript's printing parts (see types.ts), required when first
// asked for: they require TypeScript, which render/typescript.ts must load
// first (with its code cache). CommonJS so that the prebuilt generator's
// build sees these require()s and bundles openapi-typescript into its
// scripts (bin/prebuilt.js); from the sources Node requires them as usual.
// Not type-checked: openapi-typescript's .cjs parts have no declarations;
// types.ts types what this returns.
// @ts-nocheck
'use strict';

exports.printerParts = () => ({
  transformSchema: require('openapi-typescript/dist/transform/index.cjs'),
  ...require('openapi-typescript/dist/lib/utils.cjs'),
  astToString: require('openapi-typescript/dist/lib/ts.cjs').astToString,
});
