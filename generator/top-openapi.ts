// `top-openapi COMMAND ...`: picks the command and loads only its module, so
// `--help` and a mistyped command answer at once.
import { readFileSync } from 'node:fs';

export const USAGE = `usage: top-openapi <command> [options]   (top-openapi <command> --help for each)
  generate   spec → typed client, gateway stubs, mock gateway and docs site; --check, --watch, --scaffold
  diff       the API-surface changes between two specs (files, folders or git revisions), breaking or not
  mock       serve the spec's mock gateway (signature-checked, answering the spec's examples)
  docs       serve the generated docs site`;

const COMMANDS: Record<string, () => Promise<(argv: string[]) => Promise<number>>> = {
  generate: async () => (await import('./cli.ts')).runGenerate,
  diff: async () => (await import('./diff-cli.ts')).runDiff,
  mock: async () => (await import('./mock-cli.ts')).runMock,
  docs: async () => (await import('./docs-cli.ts')).runDocs,
};

/** errno codes of a file system that will not take a write. */
const REFUSALS = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'EBUSY']);

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    if (command === 'help' && rest[0] !== undefined && COMMANDS[rest[0]]) return (await COMMANDS[rest[0]]!())(['--help']);
    (command === undefined ? console.error : console.log)(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    console.log((JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version);
    return 0;
  }
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!load) {
    console.error(`top-openapi: unknown command ${JSON.stringify(command)}\n${USAGE}`);
    return 2;
  }
  try {
    return await (await load())(rest);
  } catch (error) {
    // Every known bad input has its own one-line message; anything else is a bug in top-openapi, still
    // told in one line (exit 2, never diff's 1 = "breaking"), with the stack on request.
    // The file system refusing a write (permissions, a read-only or full disk) is the machine's answer, not a bug: said as such.
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (process.env.TOP_OPENAPI_STACK === '1') console.error(error);
    else if (code !== undefined && REFUSALS.has(code)) console.error(`top-openapi ${command}: the file system refused: ${(error as Error).message.split('\n')[0]}`);
    else
      console.error(`top-openapi ${command}: unexpected error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)} (a bug in top-openapi; TOP_OPENAPI_STACK=1 prints its stack)`);
    return 2;
  }
}
