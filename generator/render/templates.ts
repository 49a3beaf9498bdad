// Handlebars, set up once. Templates only print what the views hand them: no
// helpers that decide anything.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';

export const TEMPLATES_DIR = path.resolve(import.meta.dirname, '../../templates');

const hbs = Handlebars.create();
// Generated code is not HTML: never escape.
const compileOptions = { noEscape: true, strict: true } as const;
hbs.registerHelper('json', (value: unknown) => JSON.stringify(value));

const cache = new Map<string, HandlebarsTemplateDelegate>();

export function render(template: string, view: object): string {
  let compiled = cache.get(template);
  if (!compiled) {
    compiled = hbs.compile(readFileSync(path.join(TEMPLATES_DIR, template), 'utf8'), compileOptions);
    cache.set(template, compiled);
  }
  return compiled(view);
}

/** Forgets compiled templates (for --watch, when a template file changes). */
export function clearTemplateCache(): void {
  cache.clear();
}
