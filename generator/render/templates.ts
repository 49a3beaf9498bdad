// Handlebars, set up once. Templates only print what the views hand them: no
// helpers that decide anything. Code templates are not escaped; HTML templates
// (`*.html.hbs`) are, and may use the partials in templates/docs/partials.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';

export const TEMPLATES_DIR = path.resolve(import.meta.dirname, '../../templates');

const code = Handlebars.create();
const html = Handlebars.create();
for (const env of [code, html]) env.registerHelper('json', (value: unknown) => JSON.stringify(value));

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

export function render(template: string, view: object): string {
  let compiled = cache.get(template);
  if (!compiled) {
    const source = readFileSync(path.join(TEMPLATES_DIR, template), 'utf8');
    if (template.endsWith('.html.hbs')) {
      loadPartials();
      compiled = html.compile(source, { strict: true });
    } else {
      // Generated code is not HTML: never escape.
      compiled = code.compile(source, { noEscape: true, strict: true });
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
