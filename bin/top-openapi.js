#!/usr/bin/env node
// The `top-openapi` command. The generator is TypeScript; tsx (a dependency)
// loads it in this process, so users need neither tsx nor a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../generator/top-openapi.ts');
process.exitCode = await main(process.argv.slice(2));
