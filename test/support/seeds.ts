// Reads the seeds in ../shared/seeds: which API each is, and every field
// name its tables list (request and response), by the tables' own structure.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const SEEDS_DIR = path.resolve(import.meta.dirname, '../../../shared/seeds');
const TYPE = /^(String|Number|Boolean|[A-Z][A-Za-z0-9]*)( \[\])?$/;

export interface Seed {
  file: string;
  method: string;
  fields: string[];
}

export function readSeeds(): Seed[] {
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const text = readFileSync(path.join(SEEDS_DIR, file), 'utf8');
      const method = /^([a-z0-9]+(?:\.[a-z0-9]+)+) \(/m.exec(text)?.[1];
      if (!method) throw new Error(`${file}: no method name found`);
      const lines = text.split('\n').map((l) => l.trim());
      const fields = new Set<string>();
      lines.forEach((line, i) => {
        // A table row: `name Type 必须 ...` or `name Type example description`.
        const row = /^([a-z][a-z0-9_]*) (String|Number|Boolean|[A-Z]\w*(?: \[\])?) /.exec(line);
        if (row) fields.add(row[1]!);
        // A bullet whose next bullet is a type is a field name (`• └ order_id` then `• String`).
        const bullet = /^•\s*(?:└\s*)?(\S+)$/.exec(line);
        const next = /^•\s*(.+)$/.exec(lines[i + 1] ?? '');
        if (bullet && next && TYPE.test(next[1]!.trim()) && /^[a-z][a-z0-9_]*$/.test(bullet[1]!)) fields.add(bullet[1]!);
      });
      return { file, method, fields: [...fields] };
    });
}
