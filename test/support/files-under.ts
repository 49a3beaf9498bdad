// Every file under a folder, by its path relative to it, with its text: for
// comparing two generated trees file by file.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function filesUnder(dir: string, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) for (const [n, c] of filesUnder(dir, rel)) out.set(n, c);
    else out.set(rel, readFileSync(path.join(dir, rel), 'utf8'));
  }
  return out;
}
