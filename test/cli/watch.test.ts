// --watch cannot go stale: a file replaced by a rename (editors, git checkout),
// a new schema file in a new folder, a deleted file: each seen, each
// regeneration one line, a broken state reported and recovered from.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/top-openapi.js');

test('--watch: rename-replace (twice), a new folder with a new schema, a deleted file; one line each', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'top-watch-'));
  cpSync(path.join(ROOT, 'spec'), path.join(dir, 'spec'), { recursive: true });
  cpSync(path.join(ROOT, 'generated'), path.join(dir, 'generated'), { recursive: true });
  // Docs off: the reference page's child process is not what this test is about.
  writeFileSync(path.join(dir, 'top-openapi.config.json'), JSON.stringify({ artefacts: ['client', 'server', 'mock'] }));
  const child = spawn(process.execPath, [BIN, 'generate', '--watch', '--allow-breaking'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (err += c));
  const waitFor = async (re: RegExp, from: number, stream: () => string = () => out) => {
    const deadline = Date.now() + 45_000;
    while (!re.test(stream().slice(from))) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${re}:\n${out}\n${err}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return stream().slice(from);
  };
  const replaceByRename = (file: string, edit: (text: string) => string) => {
    const temporary = path.join(path.dirname(file), `.${path.basename(file)}.swp`);
    writeFileSync(temporary, edit(readFileSync(file, 'utf8')));
    renameSync(temporary, file);
  };
  const types = () => readFileSync(path.join(dir, 'generated/client/src/types.ts'), 'utf8');
  try {
    await waitFor(/watching spec\/ /, 0);
    const cmd = path.join(dir, 'spec/components/schemas/TenderPrePayCmd.yaml');
    for (const round of [1, 2]) {
      const mark = out.length;
      replaceByRename(cmd, (t) => t.replace(/description: Order id[^\n]*/, `description: Order id (rename ${round}).`));
      const printed = await waitFor(/regenerated after .*\n/, mark);
      assert.match(
        printed,
        /^regenerated after a change in spec\/components\/schemas\/TenderPrePayCmd\.yaml: 5 operations, \d+ files changed in generated\/ in \d+\.\d\d s( \(.*allowed by --allow-breaking\))?\n$/,
      );
      assert.match(types(), new RegExp(`Order id \\(rename ${round}\\)\\.`));
    }

    // A new folder and a schema file in it, then the reference to it (an edit by rename again).
    let mark = out.length;
    mkdirSync(path.join(dir, 'spec/components/extra'));
    writeFileSync(path.join(dir, 'spec/components/extra/Note.yaml'), 'type: object\ndescription: A note.\nproperties:\n  text_of_note:\n    type: string\n    description: Its text.\n');
    replaceByRename(cmd, (t) => t.replace(/\nproperties:\n/, '\nproperties:\n  note:\n    $ref: ../extra/Note.yaml\n'));
    await waitFor(/regenerated after .*\n/, mark);
    assert.match(types(), /text_of_note/);

    // The file deleted while still referenced: one problem, output untouched, still watching.
    mark = out.length;
    const errMark = err.length;
    unlinkSync(path.join(dir, 'spec/components/extra/Note.yaml'));
    const problems = await waitFor(/was left as it was; still watching\.\n/, errMark, () => err);
    assert.match(problems, /^spec\/components\/schemas\/TenderPrePayCmd\.yaml:\d+:\d+ .*Note\.yaml/m);
    assert.match(types(), /text_of_note/, 'generated/ untouched');
    // The reference removed: back to normal.
    replaceByRename(cmd, (t) => t.replace('  note:\n    $ref: ../extra/Note.yaml\n', ''));
    const printed = await waitFor(/regenerated after .*\n/, mark);
    assert.equal(printed.split('\n').filter(Boolean).length, 1, `one line per regeneration: ${printed}`);
    assert.doesNotMatch(types(), /text_of_note/);
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});
