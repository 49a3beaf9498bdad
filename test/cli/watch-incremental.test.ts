// --watch reuses work from one regeneration to the next (parsed files,
// compiled example validators, transpiles, what it wrote last): none of it may
// show. After each edit the output folder must be exactly what a cold
// `generate` makes of the same spec (a fresh process runs `generate --check`
// against it), and a broken edit must be reported with exactly the lines a
// cold run prints, then a fix regenerates.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/top-openapi.js');

/** A cold run in a fresh process: exit status and what it printed. */
function cold(dir: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [BIN, 'generate', ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The problem lines of a failed run: everything but the closing "left as it was" line. */
const problems = (stderr: string) => stderr.split('\n').filter((line) => line !== '' && !/was left as it was/.test(line));

test('--watch: after a description edit, a new property and a removed operation the output is a cold generation byte for byte; a broken edit reports what a cold run reports', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'top-watch-incremental-'));
  cpSync(path.join(ROOT, 'spec'), path.join(dir, 'spec'), { recursive: true });
  cpSync(path.join(ROOT, 'generated'), path.join(dir, 'generated'), { recursive: true });
  // The lint config beside the spec: the repository's, with the example checks as errors (the
  // recommended ruleset only warns, and generate reports errors), so that an example that stops
  // fitting its schema fails the run: the case the process-wide cache of compiled validators must get right.
  const lintConfig = readFileSync(path.join(ROOT, 'redocly.yaml'), 'utf8').replace('./generator/lint/redocly-plugin.js', path.join(ROOT, 'generator/lint/redocly-plugin.js'));
  writeFileSync(path.join(dir, 'spec/redocly.yaml'), `${lintConfig}\n  no-invalid-media-type-examples: error\n  no-invalid-schema-examples: error\n`);
  const child = spawn(process.execPath, [BIN, 'generate', '--watch', '--allow-breaking'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (err += c));
  const waitFor = async (re: RegExp, from: number, stream: () => string = () => out) => {
    const deadline = Date.now() + 60_000;
    while (!re.test(stream().slice(from))) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${re}:\n${out}\n${err}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return stream().slice(from);
  };
  const reference = path.join(dir, 'generated/docs/reference.html');
  const referenceKey = () => readFileSync(reference, 'utf8').split('\n', 1)[0];
  const file = (name: string) => path.join(dir, 'spec', name);
  const edit = (name: string, change: (text: string) => string) => {
    const before = readFileSync(file(name), 'utf8');
    const after = change(before);
    assert.notEqual(after, before, `the edit changes ${name}`);
    writeFileSync(file(name), after);
  };
  /** Edits, waits for the regeneration and the reference page after it, and checks the folder against a cold run. */
  const regenerates = async (what: string, name: string, change: (text: string) => string) => {
    const mark = out.length;
    const errMark = err.length;
    const key = referenceKey();
    edit(name, change);
    await waitFor(/regenerated after .*\n/, mark);
    for (const deadline = Date.now() + 60_000; referenceKey() === key; await new Promise((resolve) => setTimeout(resolve, 50))) {
      if (Date.now() > deadline || err.length > errMark) throw new Error(`${what}: the reference page was not rebuilt:\n${out.slice(mark)}${err.slice(errMark)}`);
    }
    const check = cold(dir, '--check');
    assert.equal(check.status, 0, `${what}: the watched output differs from a cold generation:\n${check.stderr}${check.stdout}`);
  };
  /** Edits into a broken spec: the watcher prints exactly the problems a cold run prints. */
  const reportsLikeCold = async (what: string, name: string, change: (text: string) => string) => {
    const mark = err.length;
    const outMark = out.length;
    edit(name, change);
    const printed = await waitFor(/was left as it was; still watching\.\n/, mark, () => {
      // Regenerating instead is a failure at once, not a time-out.
      if (/regenerated after/.test(out.slice(outMark))) assert.fail(`${what}: the watcher regenerated from a broken spec:\n${out.slice(outMark)}`);
      return err;
    });
    const coldRun = cold(dir, '--check');
    assert.equal(coldRun.status, 1, `${what}: a cold run fails too:\n${coldRun.stderr}`);
    assert.ok(problems(coldRun.stderr).length > 0, `${what}: a cold run names the problem`);
    assert.deepEqual(problems(printed), problems(coldRun.stderr), `${what}: the watcher reports what a cold run reports`);
  };
  try {
    await waitFor(/watching spec\/ /, 0);
    await regenerates('a description', 'components/schemas/TenderPrePayCmd.yaml', (t) => t.replace(/description: Order id\.[^\n]*/, 'description: Order id, edited while watching.'));
    // Output files changed behind the watcher's back (one rewritten to the same size, one deleted),
    // which the next edit does not change: restored, not trusted to be what it wrote last.
    const style = path.join(dir, 'generated/docs/style.css');
    writeFileSync(
      style,
      readFileSync(style, 'utf8').replace(/^./s, (c) => (c === 'x' ? 'y' : 'x')),
    );
    rmSync(path.join(dir, 'generated/client/dist/cjs/package.json'));
    await regenerates('a new optional property', 'components/schemas/TenderPrePayCmd.yaml', (t) =>
      t.replace(/\nproperties:\n/, "\nproperties:\n  remark:\n    type: string\n    description: A note for the record.\n    x-description-zh: 备注\n    examples: ['paid at the counter']\n"),
    );
    await regenerates('a removed operation', 'openapi.yaml', (t) => t.replace(/ {2}\/router\/rest#alibaba\.alisports\.lianbei\.xpos\.pay:\n {4}\$ref: [^\n]+\n/, ''));

    // A schema change that breaks an example elsewhere: the answer's example in the
    // path file no longer fits (only the referenced schema file changed).
    await reportsLikeCold('an example broken through a $ref', 'components/schemas/TenderPrepayTopResult.yaml', (t) =>
      t.replace(/ {2}pre_pay_amount:\n {4}type: integer\n {4}format: int64\n(.*\n)*? {4}examples: \[1234\]\n/, (m) =>
        m.replace('type: integer\n    format: int64', 'type: string').replace('examples: [1234]', "examples: ['1234']"),
      ),
    );
    await reportsLikeCold('a YAML syntax error besides', 'components/schemas/TenderPrePayCmd.yaml', (t) => t.replace('required: [order_id', 'required: [[order_id'));
    // Both fixed (the schema first, while the YAML error stands), with one more
    // description edit so that the reference page changes too.
    await reportsLikeCold('the YAML error alone', 'components/schemas/TenderPrepayTopResult.yaml', (t) =>
      t.replace(/ {2}pre_pay_amount:\n {4}type: string\n(.*\n)*? {4}examples: \['1234'\]\n/, (m) =>
        m.replace('type: string', 'type: integer\n    format: int64').replace("examples: ['1234']", 'examples: [1234]'),
      ),
    );
    await regenerates('the fix', 'components/schemas/TenderPrePayCmd.yaml', (t) =>
      t.replace('required: [[order_id', 'required: [order_id').replace('Order id, edited while watching.', 'Order id, fixed while watching.'),
    );
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});
