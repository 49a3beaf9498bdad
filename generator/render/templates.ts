// Handlebars, set up once. Templates only print what the views hand them: no
// helpers that decide anything. Code templates are not escaped; HTML templates
// (`*.html.hbs`) are, and may use the partials in templates/docs/partials.
//
// A template is compiled on first use, and compiling is most of what it costs
// in a cold run (Handlebars parses it, writes JavaScript, then V8 compiles
// that: ~30 ms of `--only client`, issue 16). The prebuilt generator's build
// records the compiled form of every template its one real generation used
// (bin/build/<hash>/templates.json, written by bin/prebuilt.js), each under a
// key of the Handlebars version, the options and the template's own text, and
// with the SHA-256 of the compiled code: a template used here is taken from
// there only when both match (an edited template, under --watch too, has
// another key), else compiled as before. The output is the same either way.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';

export const TEMPLATES_DIR = path.resolve(import.meta.dirname, '../../templates');

const code = Handlebars.create();
const html = Handlebars.create();
for (const env of [code, html]) env.registerHelper('json', (value: unknown) => JSON.stringify(value));

/** Generated code is not HTML: never escaped. */
const CODE_OPTIONS = { noEscape: true, strict: true };
const HTML_OPTIONS = { strict: true };

let partialsLoaded = false;
function loadPartials(): void {
  if (partialsLoaded) return;
  const dir = path.join(TEMPLATES_DIR, 'docs/partials');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.hbs'))) {
    html.registerPartial(file.replace(/\.html\.hbs$|\.hbs$/, ''), readFileSync(path.join(dir, file), 'utf8'));
  }
  partialsLoaded = true;
}

const cache = new Map<string, HandlebarsTemplateDelegate>();

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** What a template's compiled form is recorded and found under. */
export const templateKey = (source: string, options: object): string => sha256(`${Handlebars.VERSION}\0${JSON.stringify(options)}\0${source}`);

/** One recorded template: its key, its compiled code (Handlebars.precompile's), and the SHA-256 of both (an entry moved under another key does not match). */
export type PrecompiledEntry = [key: string, spec: string, entrySha256: string];
const entrySha256 = (key: string, spec: string) => sha256(`${key}\0${spec}`);

// The build's folder, named by the prebuilt generator's script (see bin/prebuilt.js); undefined from the sources.
declare const __topBuildUrl: string | undefined;

let recorded: Map<string, { spec: string; entrySha256: string }> | undefined;
/** The build's recorded templates by key (none from the sources, or when the file is missing or unreadable). */
function recordedTemplates(): Map<string, { spec: string; entrySha256: string }> {
  if (recorded) return recorded;
  recorded = new Map();
  if (typeof __topBuildUrl !== 'string') return recorded;
  try {
    const entries = JSON.parse(readFileSync(new URL('./templates.json', __topBuildUrl), 'utf8')) as unknown;
    for (const entry of Array.isArray(entries) ? entries : []) {
      if (Array.isArray(entry) && entry.length === 3 && entry.every((x) => typeof x === 'string')) {
        const [key, spec, checksum] = entry as PrecompiledEntry;
        recorded.set(key, { spec, entrySha256: checksum });
      }
    }
  } catch {
    // no record, or not one this can read: every template is compiled
  }
  return recorded;
}

// TOP_OPENAPI_RECORD_TEMPLATES=<file>: write the compiled form of every template this process used to <file> at exit (the build does this).
const RECORD = process.env.TOP_OPENAPI_RECORD_TEMPLATES;
const recording = new Map<string, PrecompiledEntry>();
if (RECORD) process.on('exit', () => writeFileSync(RECORD, JSON.stringify([...recording.values()])));

const stats = { fromBuild: 0, compiled: 0 };
/** How many templates this process took from the build's record and compiled itself (TOP_GENERATE_PROFILE=1 prints it). */
export const templateStats = (): Readonly<typeof stats> => stats;

/** A template's compiled form: the build's record when it holds this very template, else compiled here. */
export function compileTemplate(env: typeof Handlebars, source: string, options: object): HandlebarsTemplateDelegate {
  const key = templateKey(source, options);
  if (RECORD) {
    // Handlebars returns the code as text (its types say otherwise); it adds to the options it is given, so each call gets a copy.
    const spec = env.precompile(source, { ...options }) as unknown as string;
    recording.set(key, [key, spec, entrySha256(key, spec)]);
    return env.template(specOf(spec));
  }
  const found = recordedTemplates().get(key);
  if (found !== undefined && found.entrySha256 === entrySha256(key, found.spec)) {
    try {
      const template = env.template(specOf(found.spec));
      stats.fromBuild++;
      return template;
    } catch {
      // compiled below
    }
  }
  stats.compiled++;
  return env.compile(source, { ...options });
}

/** Handlebars.precompile's output is a JavaScript object literal with functions: evaluated as such. */
function specOf(spec: string): TemplateSpecification {
  return new Function(`return ${spec};`)() as TemplateSpecification;
}

export function render(template: string, view: object): string {
  let compiled = cache.get(template);
  if (!compiled) {
    const source = readFileSync(path.join(TEMPLATES_DIR, template), 'utf8');
    if (template.endsWith('.html.hbs')) {
      loadPartials();
      compiled = compileTemplate(html, source, HTML_OPTIONS);
    } else {
      compiled = compileTemplate(code, source, CODE_OPTIONS);
    }
    cache.set(template, compiled);
  }
  return compiled(view);
}

/** A template file's bytes, for static assets (CSS, JS) copied as they are. */
export function asset(name: string): string {
  return readFileSync(path.join(TEMPLATES_DIR, name), 'utf8');
}

/** Forgets compiled templates and partials (for --watch, when a template file changes). */
export function clearTemplateCache(): void {
  cache.clear();
  partialsLoaded = false;
}
