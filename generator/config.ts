// top-openapi.config.json: where the spec is, where the output goes, what the
// packages are called and which artefacts to write. Flags win over the file;
// the defaults reproduce this repository's generated/ byte for byte.
// Paths in the file are relative to the file; paths from flags to the cwd.
import { existsSync, readFileSync } from 'node:fs';
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

// npm's rule for a package name: lower case, URL-safe, optionally scoped, at most 214 characters.
const PACKAGE_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

class Reader {
  constructor(readonly file: string) {}
  fail(key: string, expected: string, got: unknown): never {
    throw new ConfigError(`${this.file}: "${key}" must be ${expected}; got ${JSON.stringify(got)}`);
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
      if (!/^[A-Za-z0-9.+()\- :]+$/.test(license)) reader.fail('license', 'an SPDX licence expression like "MIT" or "Apache-2.0"', license);
      settings.license = license;
      licenseSet = true;
    }
    const licenseFile = reader.string(raw, 'licenseFile', 'licenseFile');
    if (licenseFile !== undefined) {
      const file = path.resolve(base, licenseFile);
      if (!existsSync(file)) reader.fail('licenseFile', 'a file that exists', licenseFile);
      settings.licenseText = readFileSync(file, 'utf8');
    } else if (licenseSet && settings.license !== 'MIT') {
      // Our MIT text is no use for another licence: ship the project's own LICENSE if there is one, else none.
      const own = [path.join(base, 'LICENSE'), path.join(path.dirname(settings.spec), 'LICENSE')].find((f) => existsSync(f));
      settings.licenseText = own === undefined ? undefined : readFileSync(own, 'utf8');
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
