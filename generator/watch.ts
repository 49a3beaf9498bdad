// --watch that cannot go stale. Editors and `git checkout` replace a file by
// renaming a new one over it; a watcher on the old file (what Node's recursive
// fs.watch sets up on Linux) then never fires again. So: one fs.watch per
// *directory* (a directory's watch sees renames, creations and deletions in
// it) for a quick reaction, and a periodic scan of the whole tree as the
// ground truth: every file's stat, and its content hash when the stat moved.
// Only a change of content (or a file appearing or disappearing) counts.
import { createHash } from 'node:crypto';
import { type FSWatcher, readdirSync, readFileSync, statSync, watch } from 'node:fs';
import path from 'node:path';

interface Seen {
  stat: string;
  hash: string;
}

export interface TreeWatcherOptions {
  /** Folders to watch, recursively. */
  roots: string[];
  /** Absolute folders never looked into (the output, node_modules). */
  exclude?: string[];
  /** How often the tree is scanned even when no event came (ms). */
  intervalMs?: number;
  /** Called with the files (absolute) whose content changed, appeared or disappeared. */
  onChange: (files: string[]) => void;
}

const SKIPPED = new Set(['node_modules', '.git']);
const PROFILE = process.env.TOP_GENERATE_PROFILE === '1';
/** How long the events about a change must be quiet before the tree is looked at. */
const QUIET_MS = 15;

export class TreeWatcher {
  readonly #options: Required<TreeWatcherOptions>;
  #seen = new Map<string, Seen>();
  readonly #watchers = new Map<string, FSWatcher>();
  #timer: NodeJS.Timeout | undefined;
  #soon: NodeJS.Timeout | undefined;
  #closed = false;
  /** When the first event of the burst being waited out came (for TOP_GENERATE_PROFILE). */
  #firstEvent: number | undefined;

  constructor(options: TreeWatcherOptions) {
    this.#options = { exclude: [], intervalMs: 250, ...options, roots: options.roots.map((r) => path.resolve(r)) };
    this.#options.exclude = this.#options.exclude.map((e) => path.resolve(e));
    // The first scan records the tree as it is: no change to report.
    this.#seen = this.#scan();
    this.#timer = setInterval(() => this.#check(), this.#options.intervalMs);
  }

  /** Watches more roots (a spec file outside the spec folder). */
  addRoots(roots: string[]): void {
    const fresh = roots.map((r) => path.resolve(r)).filter((r) => !this.#options.roots.some((have) => r === have || r.startsWith(have + path.sep)));
    if (!fresh.length) return;
    this.#options.roots.push(...fresh);
    this.#seen = new Map([...this.#seen, ...this.#scan(fresh)]);
  }

  close(): void {
    this.#closed = true;
    clearInterval(this.#timer);
    clearTimeout(this.#soon);
    for (const watcher of this.#watchers.values()) watcher.close();
    this.#watchers.clear();
  }

  #excluded(dir: string): boolean {
    return SKIPPED.has(path.basename(dir)) || this.#options.exclude.some((e) => dir === e || dir.startsWith(e + path.sep));
  }

  /** Every file under the roots with its stat and hash; sets up a watch per folder found. */
  #scan(roots = this.#options.roots): Map<string, Seen> {
    const found = new Map<string, Seen>();
    const dirs = new Set<string>();
    const walk = (dir: string) => {
      if (this.#excluded(dir)) return;
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return; // gone (or not there yet): the next scan looks again
      }
      dirs.add(dir);
      for (const entry of entries) {
        const at = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(at);
        else if (entry.isFile()) {
          let stat;
          try {
            const s = statSync(at);
            stat = `${s.mtimeMs}:${s.ctimeMs}:${s.size}:${s.ino}`;
          } catch {
            continue;
          }
          const before = this.#seen.get(at);
          if (before?.stat === stat) found.set(at, before);
          else {
            try {
              found.set(at, { stat, hash: createHash('sha1').update(readFileSync(at)).digest('hex') });
            } catch {
              // Removed between readdir and read: counted as gone.
            }
          }
        }
      }
    };
    for (const root of roots) walk(root);
    this.#watchDirs(dirs, roots);
    return found;
  }

  #watchDirs(dirs: Set<string>, roots: string[]): void {
    for (const dir of dirs) {
      if (this.#watchers.has(dir)) continue;
      try {
        const watcher = watch(dir, { persistent: false }, () => this.#checkSoon());
        watcher.on('error', () => {
          watcher.close();
          this.#watchers.delete(dir);
        });
        this.#watchers.set(dir, watcher);
      } catch {
        // Could not watch (gone already): the scan still covers it.
      }
    }
    // Folders that went away lose their watch (only among the roots just scanned).
    for (const [dir, watcher] of this.#watchers) {
      const underScanned = roots.some((r) => dir === r || dir.startsWith(r + path.sep));
      if (underScanned && !dirs.has(dir)) {
        watcher.close();
        this.#watchers.delete(dir);
      }
    }
  }

  #checkSoon(): void {
    if (this.#closed) return;
    this.#firstEvent ??= performance.now();
    clearTimeout(this.#soon);
    // Editors write in bursts (temp file, rename, chmod; truncate, write): look once
    // the events have been quiet for a moment. Each event restarts the wait; a
    // burst's events arrive within a millisecond or two of each other, and
    // every millisecond here is one more before the "regenerated" line.
    this.#soon = setTimeout(() => this.#check(), QUIET_MS);
  }

  #check(): void {
    if (this.#closed) return;
    const started = performance.now();
    const now = this.#scan();
    if (PROFILE && this.#firstEvent !== undefined) {
      console.error(`  [profile] watch: first event at ${this.#firstEvent.toFixed(0)} ms, tree scanned at ${performance.now().toFixed(0)} ms (scan ${(performance.now() - started).toFixed(1)} ms)`);
    }
    this.#firstEvent = undefined;
    const changed: string[] = [];
    for (const [file, seen] of now) if (this.#seen.get(file)?.hash !== seen.hash) changed.push(file);
    for (const file of this.#seen.keys()) if (!now.has(file)) changed.push(file);
    this.#seen = now;
    if (changed.length) this.#options.onChange(changed.sort());
  }
}
