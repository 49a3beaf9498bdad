// TypeScript types of the spec, by openapi-typescript, printed once per side.
// The field model says what each scalar is (by the pointer of its schema) and
// which parameters a handler always receives; openapi-typescript only prints.
//  - the client's types say what a caller may pass: int64 is `bigint`; a
//    request Date is `Date | string`; a file is a `TopFileInput`; a
//    documented default makes a parameter optional.
//  - the server's types say what a handler receives from the gateway: int64
//    is `bigint`; a Date is its GMT+8 text (`string`, as the gateway decodes
//    it); a file is the multipart parser's `UploadedFile`; a parameter with a
//    documented default is present (the gateway applied it).
// JSDoc carries both languages (the Chinese first, then English).
//
// openapi-typescript's own entry (`openapiTS`) would lint and bundle the
// document again with its own copy of @redocly/openapi-core 1.x before
// printing: the document here is already bundled, linted with the stricter
// config, and checked by the model (operationIds included), so that pass
// found nothing new and loading a second redocly cost ~0.5 s of CPU a cold
// run (issue 16). The printer is called directly, with the context openapiTS
// builds for these options, from openapi-typescript's CommonJS build (see
// typescript.ts for why require; openapi-printer.cjs for where).
import { createRequire } from 'node:module';
import type { GlobalContext, OpenAPI3, OpenAPITSOptions } from 'openapi-typescript';
import type { Node, PropertyName, TransformerFactory, TypeNode } from 'typescript';
import { escapePointer, isObject, type Json } from '../json-pointer.ts';
import { alwaysReceived } from '../model/runtime-shapes.ts';
import type { ApiModel, ScalarKind } from '../model/types.ts';
import { printerParts } from './openapi-printer.cjs';
import { typescript } from './typescript.ts';

const require = createRequire(import.meta.url);
type Printer = typeof import('openapi-typescript');
type PrinterParts = Pick<Printer, 'transformSchema' | 'scanDiscriminators' | 'resolveRef' | 'astToString'>;
let printer: PrinterParts | undefined;

/** openapi-typescript's printing parts, required on first use (they load TypeScript). */
export function loadPrinter(): PrinterParts {
  if (printer === undefined) {
    shareTypeScript(printerTypeScriptPath());
    printer = printerParts() as PrinterParts;
  }
  return printer;
}

/** The file openapi-typescript's own `require('typescript')` finds; undefined when that cannot be told. */
function printerTypeScriptPath(): string | undefined {
  try {
    return createRequire(require.resolve('openapi-typescript/dist/lib/ts.cjs')).resolve('typescript');
  } catch {
    return undefined;
  }
}

/**
 * openapi-typescript requires 'typescript' itself (a peer dependency). In a
 * project with another TypeScript at its top level, npm nests ours under the
 * generator while openapi-typescript, hoisted, finds the project's: the
 * printer then made its nodes with one TypeScript and this module read them
 * with another (SyntaxKind numbers differ between versions), and every run
 * from the sources failed ("openapi-typescript printed a ClassDeclaration").
 * Its `require('typescript')` is given the generator's own (the prebuilt
 * bundle already does so), unless that file was loaded before.
 */
export function shareTypeScript(theirs: string | undefined): void {
  typescript();
  const ours = require.resolve('typescript');
  if (theirs === undefined || theirs === ours || require.cache[ours] === undefined) return;
  require.cache[theirs] ??= require.cache[ours];
}

/** What `openapiTS(schema, options)` does after its redocly pass (openapi-typescript 7.13's src/index.ts), for the options used here. */
function printTypes(schema: OpenAPI3, options: Pick<OpenAPITSOptions, 'defaultNonNullable' | 'transform'>): Node[] {
  const { transformSchema, scanDiscriminators, resolveRef } = loadPrinter();
  const ctx: GlobalContext = {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: options.defaultNonNullable ?? true,
    discriminators: scanDiscriminators(schema, {}),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    // Read by openapiTS's redocly pass only, which is not run.
    redoc: undefined as unknown as GlobalContext['redoc'],
    silent: false,
    inject: undefined,
    transform: options.transform,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve($ref) {
      return resolveRef(schema, $ref, { silent: false });
    },
  };
  return transformSchema(schema, ctx);
}

/** Whose types: the caller's (client package) or the handler's (server package). */
export type TypesSide = 'client' | 'server';

/**
 * The document copy openapi-typescript reads: each schema node that the model
 * classified is remembered with its kind, by identity, so `transform` asks the
 * model rather than reading `format` again. `required` of a component grows by
 * the names in `alsoRequired` (the server's defaulted parameters).
 */
function bilingual(node: unknown, pointer: string, kinds: ReadonlyMap<string, ScalarKind>, marks: WeakMap<object, ScalarKind>, alsoRequired: ReadonlyMap<string, string[]>): unknown {
  if (Array.isArray(node)) return node.map((n, i) => bilingual(n, `${pointer}/${i}`, kinds, marks, alsoRequired));
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) out[key] = bilingual(value, `${pointer}/${escapePointer(key)}`, kinds, marks, alsoRequired);
  const kind = kinds.get(pointer);
  if (kind !== undefined) marks.set(out, kind);
  const more = alsoRequired.get(pointer);
  if (more) out.required = [...(Array.isArray(out.required) ? out.required : []), ...more];
  const zh = node['x-description-zh'];
  if (typeof zh === 'string' && zh !== '') {
    out.description = typeof node.description === 'string' && node.description !== '' ? `${zh}\n\n${node.description}` : zh;
  }
  const summaryZh = node['x-summary-zh'];
  if (typeof summaryZh === 'string' && typeof node.summary === 'string') out.summary = `${summaryZh} (${node.summary})`;
  return out;
}

/** The server's request components: each defaulted parameter is required, since the gateway fills it in. */
function defaultedParameters(model: ApiModel): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const op of model.operations) {
    const filled = op.params.filter((p) => !p.required && alwaysReceived(p)).map((p) => p.name);
    if (filled.length) out.set(`#/components/schemas/${escapePointer(op.requestSchema)}`, filled);
  }
  return out;
}

/**
 * What printing one side's types needs from the model, as plain data (a
 * structured clone of it goes to the TypeScript worker, see typescript-work.ts).
 */
export interface TypesInput {
  side: TypesSide;
  document: unknown;
  kindsByPointer: ReadonlyMap<string, ScalarKind>;
  /** Component schemas used in requests. */
  requestSchemas: readonly string[];
  /** Request components' parameters that are required on this side besides their own `required`. */
  alsoRequired: ReadonlyMap<string, string[]>;
}

export function typesInput(model: ApiModel, side: TypesSide): TypesInput {
  return {
    side,
    document: model.document,
    kindsByPointer: model.kindsByPointer,
    requestSchemas: model.schemas.filter((s) => s.inRequest).map((s) => s.name),
    alsoRequired: side === 'server' ? defaultedParameters(model) : new Map(),
  };
}

export async function renderTypes(model: ApiModel, side: TypesSide = 'client'): Promise<string> {
  return printTypesFile(typesInput(model, side));
}

/**
 * The client's request schemas: an optional field also takes `undefined`
 * (`machine_id?: string | undefined`), in place. The client reads a field set
 * to undefined as left out (the validators, the encoder and the signer alike),
 * so a caller compiled with exactOptionalPropertyTypes may pass a value that
 * may be undefined (`machine_id: config.machine`), as it may to the client's
 * options. Answers keep `?: T`: the client never makes a field undefined.
 */
function optionalTakesUndefined(ast: Node[], requestSchemas: ReadonlySet<string>): void {
  const ts = typescript();
  const f = ts.factory;
  const nameOf = (name: PropertyName) => (ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined);
  const widen: TransformerFactory<Node> = (context) => {
    const visit = (node: Node): Node => {
      const visited = ts.visitEachChild(node, visit, context);
      if (!ts.isPropertySignature(visited) || !visited.questionToken || !visited.type || visited.type.kind === ts.SyntaxKind.NeverKeyword) return visited;
      const types = ts.isUnionTypeNode(visited.type) ? visited.type.types : [visited.type];
      if (types.some((t) => t.kind === ts.SyntaxKind.UndefinedKeyword)) return visited;
      return f.updatePropertySignature(visited, visited.modifiers, visited.name, visited.questionToken, f.createUnionTypeNode([...types, f.createKeywordTypeNode(ts.SyntaxKind.UndefinedKeyword)]));
    };
    return visit;
  };
  // interface components { schemas: { Name: {…}; … } }: each request schema's own type, with its inline objects.
  const components = ast.find((node) => ts.isInterfaceDeclaration(node) && node.name.text === 'components');
  if (components === undefined || !ts.isInterfaceDeclaration(components)) return;
  const schemas = components.members.find((m) => ts.isPropertySignature(m) && nameOf(m.name) === 'schemas');
  if (schemas === undefined || !ts.isPropertySignature(schemas) || schemas.type === undefined || !ts.isTypeLiteralNode(schemas.type)) return;
  const members = schemas.type.members.map((member) => {
    const name = ts.isPropertySignature(member) ? nameOf(member.name) : undefined;
    if (name === undefined || !requestSchemas.has(name) || !ts.isPropertySignature(member) || member.type === undefined) return member;
    const result = ts.transform(member.type, [widen]);
    const type = result.transformed[0] as TypeNode;
    result.dispose();
    return f.updatePropertySignature(member, member.modifiers, member.name, member.questionToken, type);
  });
  const widenedSchemas = f.updatePropertySignature(schemas, schemas.modifiers, schemas.name, schemas.questionToken, f.updateTypeLiteralNode(schemas.type, f.createNodeArray(members)));
  const widened = f.updateInterfaceDeclaration(
    components,
    components.modifiers,
    components.name,
    components.typeParameters,
    components.heritageClauses,
    components.members.map((m) => (m === schemas ? widenedSchemas : m)),
  );
  ast[ast.indexOf(components)] = widened;
}

/** types.ts for one side: the header, any runtime type it needs, and openapi-typescript's printout. */
export function printTypesFile(input: TypesInput): string {
  const ts = typescript();
  const f = ts.factory;
  const { side } = input;
  const requestSchemas = new Set(input.requestSchemas);
  let fileType: string | undefined;
  const marks = new WeakMap<object, ScalarKind>();
  const document = bilingual(input.document, '#', input.kindsByPointer, marks, input.alsoRequired);
  const ast = printTypes(document as OpenAPI3, {
    // A default is the gateway's to apply: the caller may leave the parameter out (the server's copy lists those as required).
    defaultNonNullable: false,
    transform(schemaObject, options) {
      const kind = marks.get(schemaObject);
      const inRequest = requestSchemas.has(/^#\/components\/schemas\/([^/]+)/.exec(options.path ?? '')?.[1] ?? '');
      switch (kind) {
        case 'int64':
          return f.createKeywordTypeNode(ts.SyntaxKind.BigIntKeyword);
        case 'date-time':
        case 'date':
          // The gateway hands a handler the GMT+8 text it received (the validator checked its form).
          return side === 'client' && inRequest ? f.createUnionTypeNode([f.createTypeReferenceNode('Date'), f.createKeywordTypeNode(ts.SyntaxKind.StringKeyword)]) : undefined;
        case 'file':
          fileType = side === 'client' ? 'TopFileInput' : 'UploadedFile';
          return f.createTypeReferenceNode(fileType);
        default:
          return undefined;
      }
    },
  });
  if (side === 'client') optionalTakesUndefined(ast, requestSchemas);
  // client.ts's isTypesOnly promises the compiler a file of declarations only.
  const other = ast.find((node) => !ts.isInterfaceDeclaration(node) && !ts.isTypeAliasDeclaration(node));
  if (other !== undefined) throw new Error(`types.ts: openapi-typescript printed a ${ts.SyntaxKind[other.kind]}, not only types (the compiler copies this file as its own declarations)`);
  const imports =
    fileType === undefined
      ? ''
      : side === 'client'
        ? `import type { TopFileInput } from './runtime/common/multipart.ts';\n\n`
        : `import type { UploadedFile } from './runtime/server/form-parse.ts';\n\n`;
  const header =
    side === 'client'
      ? '// int64 fields are bigint. Request types are what a caller passes.'
      : '// int64 fields are bigint. Request types are what a handler receives from the gateway:\n// decoded, validated, defaults applied, Dates as GMT+8 text, files as UploadedFile.';
  return `// Generated by the TOP generator (openapi-typescript) from the spec: do not edit.\n${header}\n\n${imports}${loadPrinter().astToString(ast)}`;
}
