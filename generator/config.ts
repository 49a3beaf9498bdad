// top-openapi.config.json: where the spec is, where the output goes, what the
// packages are called and which artefacts to write. Flags win over the file;
// the defaults reproduce this repository's generated/ byte for byte.
// Paths in the file are relative to the file; paths from flags to the cwd.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const CONFIG_FILE = 'top-openapi.config.json';

/** A path as the user should read it: relative to where they are. */
export function shown(file: string): string {
  return path.relative(process.cwd(), file) || '.';
}

export type Artefact = 'client' | 'server' | 'mock' | 'docs';
export const ARTEFACTS: readonly Artefact[] = ['client', 'server', 'mock', 'docs'];

/** What the render stage needs besides the model: names, licence, which artefacts. */
export interface OutputSettings {
  packages: { client: { name: string }; server: { name: string } };
  /** SPDX licence expression for the packages' package.json. */
  license: string;
  /** The text shipped as each package's LICENSE, or undefined for none. */
  licenseText: string | undefined;
  artefacts: Record<Artefact, boolean>;
}

export interface Settings extends OutputSettings {
  /** Absolute paths. */
  spec: string;
  out: string;
  /** The config file that was read, if any (absolute). */
  configFile: string | undefined;
}

/** A config file (or flag) problem: names the file and the key. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const DEFAULT_PACKAGES = { client: { name: '@top-payments/client' }, server: { name: '@top-payments/server' } } as const;
const MIT_TEXT = path.resolve(import.meta.dirname, '../templates/packages/LICENSE');

export function defaultOutputSettings(): OutputSettings {
  return {
    packages: { client: { name: DEFAULT_PACKAGES.client.name }, server: { name: DEFAULT_PACKAGES.server.name } },
    license: 'MIT',
    licenseText: readFileSync(MIT_TEXT, 'utf8'),
    artefacts: { client: true, server: true, mock: true, docs: true },
  };
}

export interface Flags {
  spec?: string | undefined;
  out?: string | undefined;
  config?: string | undefined;
  /** --only: a comma-separated list of artefacts; wins over the config's `artefacts`. */
  only?: string | undefined;
}

/**
 * `--only client` (or `client,server`…): the artefacts to write, checked like
 * the config's `artefacts` list.
 */
export function parseOnly(value: string): Record<Artefact, boolean> {
  const items = value.split(',').map((item) => item.trim());
  return readArtefacts(new FlagReader(), '--only', items);
}

// The SPDX ids "license" accepts (the common open-source licences; npm's "UNLICENSED" for none),
// alone or combined with AND / OR / WITH and parentheses.
export const KNOWN_LICENSES = [
  'MIT',
  'Apache-2.0',
  'ISC',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'MPL-2.0',
  '0BSD',
  'Unlicense',
  'CC0-1.0',
  'Zlib',
  'BlueOak-1.0.0',
  'GPL-2.0-only',
  'GPL-2.0-or-later',
  'GPL-3.0-only',
  'GPL-3.0-or-later',
  'LGPL-2.1-only',
  'LGPL-2.1-or-later',
  'LGPL-3.0-only',
  'LGPL-3.0-or-later',
  'AGPL-3.0-only',
  'AGPL-3.0-or-later',
  'EPL-2.0',
  'EUPL-1.2',
  'MulanPSL-2.0',
  'Artistic-2.0',
  'UNLICENSED',
] as const;
const LICENSE_EXCEPTIONS = ['Classpath-exception-2.0', 'LLVM-exception', 'GCC-exception-3.1'];

/** An SPDX expression over KNOWN_LICENSES: ids joined by AND / OR, `id WITH exception`, parentheses. */
export function isKnownLicense(value: string): boolean {
  if (value === 'UNLICENSED') return true;
  const tokens = value.replace(/[()]/g, ' $& ').trim().split(/\s+/);
  let depth = 0;
  let expectId = true;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (expectId) {
      if (token === '(') depth++;
      else if ((KNOWN_LICENSES as readonly string[]).includes(token) && token !== 'UNLICENSED') {
        expectId = false;
        if (tokens[i + 1] === 'WITH') {
          if (!LICENSE_EXCEPTIONS.includes(tokens[i + 2] ?? '')) return false;
          i += 2;
        }
      } else return false;
    } else if (token === ')') {
      if (--depth < 0) return false;
    } else if (token === 'AND' || token === 'OR') expectId = true;
    else return false;
  }
  return !expectId && depth === 0;
}

// npm's rule for a package name: lower case, URL-safe, optionally scoped, at most 214 characters.
const PACKAGE_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

class Reader {
  constructor(readonly file: string) {}
  fail(key: string, expected: string, got: unknown): never {
    // An expectation that is a verb phrase ("to include …") reads "must include …", as the flag's does.
    const must = expected.startsWith('to ') ? `must ${expected.slice(3)}` : `must be ${expected}`;
    throw new ConfigError(`${this.file}: "${key}" ${must}; got ${JSON.stringify(got)}`);
  }
  /** Refuses keys the schema does not know, naming the first one. */
  only(object: Json, prefix: string, known: readonly string[]): void {
    for (const key of Object.keys(object)) {
      if (!known.includes(key)) {
        throw new ConfigError(`${this.file}: unknown key "${prefix}${key}" (known keys${prefix ? ` in "${prefix.slice(0, -1)}"` : ''}: ${known.join(', ')})`);
      }
    }
  }
  string(object: Json, key: string, at: string): string | undefined {
    const value = object[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value.trim() === '') this.fail(at, 'a non-empty string', value);
    return value;
  }
}

/** The same checks for a flag: the message names the flag, not a file. */
class FlagReader extends Reader {
  constructor() {
    super('');
  }
  override fail(key: string, expected: string, got: unknown): never {
    if (expected.startsWith('to ')) throw new ConfigError(`${key} must ${expected.slice(3)}; got ${JSON.stringify(got)}`);
    throw new ConfigError(`${key} must be ${expected.replace('a list of artefacts', 'a comma-separated list of artefacts').replace(' (or an object of booleans)', '')}; got ${JSON.stringify(got)}`);
  }
}

function readPackages(reader: Reader, value: unknown, settings: OutputSettings): void {
  if (!isObject(value)) reader.fail('packages', 'an object like {"client": {"name": "@acme/top-client"}, "server": {"name": "@acme/top-gateway"}}', value);
  reader.only(value, 'packages.', ['client', 'server']);
  for (const kind of ['client', 'server'] as const) {
    const entry = value[kind];
    if (entry === undefined) continue;
    if (!isObject(entry)) reader.fail(`packages.${kind}`, `an object like {"name": "@acme/top-${kind}"}`, entry);
    reader.only(entry, `packages.${kind}.`, ['name']);
    const name = reader.string(entry, 'name', `packages.${kind}.name`);
    if (name === undefined) continue;
    if (name.length > 214 || !PACKAGE_NAME.test(name)) reader.fail(`packages.${kind}.name`, 'an npm package name (lower case, like "@acme/top-client")', name);
    settings.packages[kind].name = name;
  }
  if (settings.packages.client.name === settings.packages.server.name) {
    reader.fail('packages.server.name', `a name other than packages.client.name`, settings.packages.server.name);
  }
}

function readArtefacts(reader: Reader, key: string, value: unknown): Record<Artefact, boolean> {
  const expected = `a list of artefacts to write, from ${ARTEFACTS.map((a) => `"${a}"`).join(', ')} (or an object of booleans)`;
  const result: Record<Artefact, boolean> = { client: false, server: false, mock: false, docs: false };
  if (Array.isArray(value)) {
    for (const item of value) {
      if (typeof item !== 'string' || !(ARTEFACTS as readonly string[]).includes(item)) reader.fail(key, expected, item);
      result[item as Artefact] = true;
    }
  } else if (isObject(value)) {
    reader.only(value, `${key}.`, ARTEFACTS);
    for (const artefact of ARTEFACTS) {
      const flag = value[artefact] ?? true;
      if (typeof flag !== 'boolean') reader.fail(`${key}.${artefact}`, 'true or false', flag);
      result[artefact] = flag;
    }
  } else reader.fail(key, expected, value);
  if (result.mock && !result.server) reader.fail(key, 'to include "server" when it includes "mock" (the mock is part of the server package)', value);
  if (!ARTEFACTS.some((a) => result[a])) reader.fail(key, 'at least one artefact', value);
  return result;
}

/** Finds the config file: --config, else beside --spec, else in the cwd, else beside the default spec. */
export function findConfig(flags: Flags, cwd = process.cwd()): string | undefined {
  if (flags.config !== undefined) {
    const file = path.resolve(cwd, flags.config);
    if (!existsSync(file)) throw new ConfigError(`--config ${flags.config}: no such file`);
    return file;
  }
  const candidates =
    flags.spec !== undefined ? [path.join(path.dirname(path.resolve(cwd, flags.spec)), CONFIG_FILE), path.join(cwd, CONFIG_FILE)] : [path.join(cwd, CONFIG_FILE), path.join(cwd, 'spec', CONFIG_FILE)];
  return candidates.find((file) => existsSync(file));
}

/** Reads the settings: defaults, then the config file, then the flags. */
export function resolveSettings(flags: Flags, cwd = process.cwd()): Settings {
  for (const flag of ['spec', 'out', 'config', 'only'] as const) {
    // `--out "$OUT_DIR"` with the variable unset: never read as the current folder.
    if (flags[flag] !== undefined && flags[flag].trim() === '') throw new ConfigError(`--${flag} must not be empty (an unset variable?)`);
  }
  const configFile = findConfig(flags, cwd);
  const settings: Settings = { ...defaultOutputSettings(), spec: path.resolve(cwd, 'spec/openapi.yaml'), out: path.resolve(cwd, 'generated'), configFile };
  let licenseSet = false;
  if (configFile !== undefined) {
    const shown = path.relative(cwd, configFile) || configFile;
    const reader: Reader = new Reader(shown);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(configFile, 'utf8'));
    } catch (error) {
      throw new ConfigError(`${shown}: not valid JSON: ${(error as Error).message}`);
    }
    if (!isObject(raw)) reader.fail('(the file)', 'a JSON object', raw);
    reader.only(raw, '', ['$schema', 'spec', 'out', 'packages', 'license', 'licenseFile', 'artefacts', 'artifacts']);
    const base = path.dirname(configFile);
    const spec = reader.string(raw, 'spec', 'spec');
    // Beside the spec, the file is the spec's own: no `spec` key means the openapi.yaml next to it.
    if (spec !== undefined) settings.spec = path.resolve(base, spec);
    else if (existsSync(path.join(base, 'openapi.yaml'))) settings.spec = path.join(base, 'openapi.yaml');
    const out = reader.string(raw, 'out', 'out');
    if (out !== undefined) settings.out = path.resolve(base, out);
    if (raw.packages !== undefined) readPackages(reader, raw.packages, settings);
    const license = reader.string(raw, 'license', 'license');
    if (license !== undefined) {
      if (!isKnownLicense(license)) {
        reader.fail('license', `an SPDX licence id (${KNOWN_LICENSES.slice(0, 6).join(', ')}, … or an expression of them such as "MIT OR Apache-2.0"), or "UNLICENSED"`, license);
      }
      settings.license = license;
      licenseSet = true;
    }
    // Each package's LICENSE: "licenseFile"'s text; false for none; else, for MIT, the generator's MIT
    // text; for another licence the LICENSE beside the config file or the spec, and an error without one.
    if (raw.licenseFile === false) settings.licenseText = undefined;
    else {
      const licenseFile = reader.string(raw, 'licenseFile', 'licenseFile');
      if (licenseFile !== undefined) {
        const file = path.resolve(base, licenseFile);
        if (!existsSync(file) || !statSync(file).isFile()) reader.fail('licenseFile', 'a file that exists (or false for no LICENSE file)', licenseFile);
        settings.licenseText = readFileSync(file, 'utf8');
      } else if (licenseSet && settings.license !== 'MIT') {
        const own = [path.join(base, 'LICENSE'), path.join(path.dirname(settings.spec), 'LICENSE')].find((f) => existsSync(f));
        if (own === undefined && settings.license !== 'UNLICENSED') {
          throw new ConfigError(
            `${shown}: "license": ${JSON.stringify(settings.license)} needs its text for the packages' LICENSE file: set "licenseFile" (e.g. "LICENSE"), put a LICENSE file beside ${path.basename(configFile)}, or set "licenseFile": false to ship none (the generator has its own text only for MIT)`,
          );
        }
        settings.licenseText = own === undefined ? undefined : readFileSync(own, 'utf8');
      }
    }
    if (raw.artefacts !== undefined && raw.artifacts !== undefined) reader.fail('artifacts', 'absent when "artefacts" is given', raw.artifacts);
    const artefacts = raw.artefacts ?? raw.artifacts;
    if (artefacts !== undefined) settings.artefacts = readArtefacts(reader, raw.artefacts !== undefined ? 'artefacts' : 'artifacts', artefacts);
  }
  if (flags.spec !== undefined) settings.spec = path.resolve(cwd, flags.spec);
  if (flags.out !== undefined) settings.out = path.resolve(cwd, flags.out);
  if (flags.only !== undefined) settings.artefacts = parseOnly(flags.only);
  return settings;
}
