// Schema names become TypeScript names in the packages: a type alias each in
// schemas.ts (exported from the package's entry) and a shape constant each in
// operations.ts. A name that is no TypeScript identifier (`Pay-Order`), one
// the package already declares or exports (`TopClient`, `Operations`,
// `components`, `string`), or a global a module binding it also uses
// (`Object`, `Promise`) would generate a package that does not compile,
// that fails at import, or whose entry silently exports the wrong thing
// (TS2308 in the consumer's build). The rendered modules are the only truth of what they
// declare, so the check reads them, not a list that could drift from the
// templates.
import { ModelError } from '../model/types.ts';
import type { OutputFiles } from './client.ts';

// A type alias's name: an identifier that is no reserved word and no built-in type's name.
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'implements interface let package private protected public static yield await eval arguments ' +
    'any bigint boolean never number object string symbol undefined unknown'
  ).split(' '),
);

/** A name a module binds at its top level, or exports, and where. */
interface Binding {
  name: string;
  /** How a reader finds it: `schemas.ts`, or `index.ts, from ./runtime/client/errors.ts`. */
  where: string;
}

const IMPORT_LIST = /^import (?:type )?\{([^}]*)\} from '[^']+';?$/;
const IMPORT_STAR = /^import \* as ([\w$]+) from '[^']+';?$/;
const DECLARATION = /^(?:export )?(?:declare )?(?:const|let|var|function|async function|class|abstract class|interface|type|enum) ([\w$]+)/;
const EXPORT_LIST = /^export (?:type )?\{([^}]*)\}(?: from '([^']+)')?;?$/;
const EXPORT_STAR = /^export (?:type )?\* from '(\.\/[^']+)';?$/;

/** The names of a `{ a, type B, c as d }` list, as bound (after `as`). */
function listed(list: string): string[] {
  return list
    .split(',')
    .map((item) => item.trim().replace(/^type\s+/, ''))
    .filter(Boolean)
    .map((item) =>
      item
        .split(/\s+as\s+/)
        .pop()!
        .trim(),
    );
}

/** What `file` binds at its top level (imports and declarations), each with where. */
function topLevel(source: string, file: string): Binding[] {
  const found: Binding[] = [];
  for (const line of source.split('\n')) {
    const list = IMPORT_LIST.exec(line)?.[1];
    if (list !== undefined) for (const name of listed(list)) found.push({ name, where: `${file} (imported)` });
    const star = IMPORT_STAR.exec(line)?.[1];
    if (star !== undefined) found.push({ name: star, where: `${file} (imported)` });
    const declared = DECLARATION.exec(line)?.[1];
    if (declared !== undefined) found.push({ name: declared, where: file });
  }
  return found;
}

/** What `file` exports, following its `export *` of the package's own modules. */
function exported(files: OutputFiles, dir: string, file: string, seen: Set<string> = new Set()): Binding[] {
  const source = files.get(`${dir}/${file}`);
  if (source === undefined || seen.has(file)) return [];
  seen.add(file);
  const found: Binding[] = [];
  for (const line of source.split('\n')) {
    const list = EXPORT_LIST.exec(line);
    if (list) for (const name of listed(list[1]!)) found.push({ name, where: list[2] ? `${file}, from ${list[2]}` : file });
    const star = EXPORT_STAR.exec(line)?.[1];
    if (star !== undefined) found.push(...exported(files, dir, star.slice(2), seen).map((b) => ({ name: b.name, where: `${file}, from ${star}` })));
    const declared = /^export /.test(line) ? DECLARATION.exec(line)?.[1] : undefined;
    if (declared !== undefined) found.push({ name: declared, where: file });
  }
  return found;
}

/** The code without comments and string literals (a name in a JSDoc line or a string is no use of it). */
function withoutCommentsAndStrings(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''")
    .replace(/\/\/.*$/gm, ' ');
}

/** Names given twice in one list of bindings, with the places. */
function twice(bindings: Binding[]): Map<string, string[]> {
  const places = new Map<string, string[]>();
  for (const { name, where } of bindings) places.set(name, [...(places.get(name) ?? []), where]);
  return new Map([...places].filter(([, where]) => where.length > 1));
}

/**
 * Refuses a schema whose name cannot name a type, or that the package under
 * `dir` already uses: in the modules schema names go into (each module's own
 * top level), in what the package's entries export, or as a global in a
 * module that binds the schema's name. Throws a ModelError at
 * the schema; a clash that involves no schema is the generator's own bug,
 * thrown as such.
 */
export function checkSchemaNames(files: OutputFiles, dir: string, schemaNames: readonly string[]): void {
  for (const name of schemaNames) {
    // redocly's bundler keeps component names in a plain object: a name that
    // is a property of every object (constructor, toString, __proto__) comes
    // out renamed (`constructor-2`). Name what the reader wrote.
    const written = /^(.+)-\d+$/.exec(name)?.[1];
    if (written !== undefined && Object.hasOwn(Object.prototype, written))
      throw new ModelError(
        // Where the reader wrote it: the source map finds a hoisted schema by its file's name, which the bundler did not rename.
        `#/components/schemas/${written}`,
        `the schema name ${written} is a property of every JavaScript object (Object.prototype.${written}): the bundler cannot keep it as a component's name (it made it ${JSON.stringify(name)}); rename the schema`,
      );
    if (!IDENTIFIER.test(name))
      throw new ModelError(
        `#/components/schemas/${name}`,
        `the schema name ${JSON.stringify(name)} is no TypeScript identifier (letters, digits, _ and $, not starting with a digit): it names a type in the generated packages; rename the schema`,
      );
    if (RESERVED.has(name))
      throw new ModelError(`#/components/schemas/${name}`, `the schema name ${name} is a reserved word or a built-in type of TypeScript: it names a type in the generated packages; rename the schema`);
  }
  const schemas = new Set(schemaNames);
  const clashes = new Map<string, string[]>();
  for (const module of ['schemas.ts', 'operations.ts']) {
    const source = files.get(`${dir}/${module}`);
    if (source !== undefined) for (const [name, where] of twice(topLevel(source, module))) clashes.set(name, where);
  }
  for (const entry of ['index.ts', 'node.ts']) for (const [name, where] of twice(exported(files, dir, entry))) if (!clashes.has(name)) clashes.set(name, where);
  // A schema name bound in a module hides the global of that name there: a
  // module that also uses the global (`Object.freeze`, `Promise<T>`,
  // `Omit<A, B>`, `new Map()`) breaks. Schema types are never generic and
  // shape constants never read with `.` or called, so any such use of a bound
  // schema name is the global's.
  for (const [file, source] of files) {
    if (!file.startsWith(`${dir}/`) || !file.endsWith('.ts') || file.startsWith(`${dir}/runtime/`) || file === `${dir}/types.ts` || file.endsWith('.d.ts')) continue;
    const module = file.slice(dir.length + 1);
    const code = withoutCommentsAndStrings(source);
    for (const { name } of topLevel(source, module)) {
      if (!schemas.has(name) || clashes.has(name)) continue;
      if (new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}\\s*[<.(]`).test(code)) clashes.set(name, [`${module}, which also uses the global ${name}`]);
    }
  }
  for (const [name, where] of clashes) {
    const places = [...new Set(where)].join('; ');
    if (schemas.has(name)) throw new ModelError(`#/components/schemas/${name}`, `the schema name ${name} is taken in the generated ${dir.split('/')[0]} package (${places}): rename the schema`);
    throw new Error(`generator bug: ${dir} binds or exports ${name} twice (${places})`);
  }
}
