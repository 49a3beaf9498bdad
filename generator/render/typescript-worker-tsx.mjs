// The TypeScript worker's entry when the generator runs from its sources
// (no prebuilt bin/build/): a worker's own entry does not get tsx from
// `--import tsx` on Node 20, so this registers tsx first, then loads the
// worker's TypeScript source.
import { register } from 'tsx/esm/api';

register();
await import('./typescript-worker.ts');
