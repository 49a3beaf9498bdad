#!/usr/bin/env node
// The `top-openapi` command. The generator is TypeScript: the prebuilt
// JavaScript in bin/build/ runs when it is current (see prebuilt.js: it
// spares loading every module through tsx), else tsx (a dependency) loads
// the sources in this process, so users need neither tsx nor a build step.
import { loadBuild } from './prebuilt.js';

const prebuilt = loadBuild();
// For tests and bug reports: which of the two runs.
if (process.env.TOP_OPENAPI_REPORT_LOADER === '1') console.error(`top-openapi: ${prebuilt ? 'prebuilt generator (bin/build/)' : 'generator sources through tsx'}`);
let main;
if (prebuilt !== undefined) {
  ({ main } = prebuilt);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../generator/top-openapi.ts'));
}
process.exitCode = await main(process.argv.slice(2));
