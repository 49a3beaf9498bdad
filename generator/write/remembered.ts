// What the generator last wrote or read of a file it reads again and again in
// --watch (the output folder's files, the runtime sources it copies), with the
// file's stat then: while the stat has not moved (modification and change
// time, size, inode), the file still holds that content and need not be read
// again. A regeneration compares its ~260 files with the folder this way
// instead of reading ~5 MB every time (the reference page alone is 2.6 MB); a
// file changed behind its back has another stat and is read.
import { readFileSync, type Stats, statSync } from 'node:fs';

const remembered = new Map<string, { stat: string; content: string }>();
const statKey = (s: Stats) => `${s.mtimeMs}:${s.ctimeMs}:${s.size}:${s.ino}`;

/** A file's content (undefined when there is none), from memory while its stat is the remembered one. */
export function readRemembered(file: string): string | undefined {
  let stat: Stats;
  try {
    stat = statSync(file);
  } catch {
    remembered.delete(file);
    return undefined;
  }
  if (!stat.isFile()) return readFileSync(file, 'utf8'); // a folder where a file belongs: the read throws, as a plain read does
  const seen = remembered.get(file);
  if (seen?.stat === statKey(stat)) return seen.content;
  const content = readFileSync(file, 'utf8');
  remembered.set(file, { stat: statKey(stat), content });
  return content;
}

/** After writing a file: what it now holds. */
export function remember(file: string, content: string): void {
  remembered.set(file, { stat: statKey(statSync(file)), content });
}

/** After deleting a file. */
export function forget(file: string): void {
  remembered.delete(file);
}
