/**
 * JSON Schemas of front matter, compiled once with ajv (draft 2020-12), and the mapping of
 * ajv's errors to findings a policy officer can act on.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { explainBadDate, isIsoDate } from './calendar.js';
import { parseDuration } from './duration.js';
import { closest, describe } from './text.js';


export interface SchemaFinding {
  rule: string;
  /** Front matter path such as 'approval.approved_on'; '' is the whole front matter. */
  path: string;
  /** Point at the key (missing or unknown fields) rather than the value. */
  atKey: boolean;
  message: string;
}

export interface SchemaSet {
  /** Returns the schema findings of a document's front matter. */
  check(data: Record<string, unknown>): SchemaFinding[];
  /** Returns the fields a type must have before it is submitted or approved. */
  requiredForApproval(type: string): string[];
}

export type SchemaSources = { base: object; types: Record<string, object> };

/**
 * Returns a compiled schema set for the base schema and one schema per type. Compiling is the
 * cost (a quarter of a second for nine schemas that each repeat the base), so the types are
 * compiled as one schema: the base with every type's own fields, where a field of another
 * type is then refused by name. Types that define the same field differently are compiled on
 * their own.
 */
export function compileSchemas(sources: SchemaSources): SchemaSet {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    verbose: true,
    formats: {
      date: { type: 'string', validate: (s: string) => isIsoDate(s) },
      'ppp-duration': { type: 'string', validate: (s: string) => parseDuration(s).ok },
    },
  });
  ajv.addKeyword({ keyword: 'hint', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'requiredForApproval', schemaType: 'array' });
  const base = sources.base as { properties?: Record<string, unknown> };
  const baseFields = new Set(Object.keys(base.properties ?? {}));
  const required = new Map<string, string[]>();
  const ownFields = new Map<string, Set<string>>();
  const union: Record<string, unknown> = {};
  const conflicting = new Set<string>();
  for (const [type, schema] of Object.entries(sources.types)) {
    const r = (schema as { requiredForApproval?: unknown }).requiredForApproval;
    required.set(type, Array.isArray(r) ? r.map(String) : []);
    const own = { ...((schema as { properties?: Record<string, unknown> }).properties ?? {}) };
    delete own.type;
    ownFields.set(type, new Set(Object.keys(own)));
    for (const [field, fieldSchema] of Object.entries(own)) {
      if (field in union && JSON.stringify(union[field]) !== JSON.stringify(fieldSchema)) conflicting.add(field);
      union[field] = fieldSchema;
    }
  }
  const separate = new Map<string, ValidateFunction>();
  for (const [type, fields] of ownFields) {
    if ([...fields].some((f) => conflicting.has(f))) {
      if (!ajv.getSchema('base.schema.json')) ajv.addSchema(sources.base, 'base.schema.json');
      separate.set(type, ajv.compile(flatten(sources.base, sources.types[type]!)));
    }
  }
  for (const f of conflicting) delete union[f];
  const all = ajv.compile(flatten(sources.base, { allOf: [{ $ref: 'base.schema.json' }], properties: union, unevaluatedProperties: false }));
  const typeFields = new Set(Object.keys(union).filter((f) => !baseFields.has(f)));
  const types = [...ownFields.keys()];
  return {
    check(data) {
      const type = data.type;
      const validate = (typeof type === 'string' && separate.get(type)) || all;
      const findings = validate(data) ? [] : mapErrors(validate.errors ?? [], data, types);
      const own = typeof type === 'string' ? ownFields.get(type) : undefined;
      if (own && validate === all) {
        for (const field of Object.keys(data)) {
          if (!typeFields.has(field) || own.has(field)) continue;
          const guess = closest(field, [...baseFields, ...own]);
          findings.push({
            rule: 'schema/unknown-field',
            path: field,
            atKey: true,
            message: `"${field}" is not a field of ${article(String(type))}; ${guess ? `did you mean "${guess}"?` : `remove it, or name it x-${field} to keep your own data`}`,
          });
        }
      }
      return findings;
    },
    requiredForApproval(type) {
      return required.get(type) ?? [];
    },
  };
}

/**
 * Returns a type's schema as one object schema: the base's properties with the type's own,
 * and additionalProperties: false. The files keep the composable allOf + unevaluatedProperties
 * form for editors; ajv checks unevaluatedProperties across a $ref by tracking every property at
 * run time, which cost a tenth of a millisecond a document.
 */
export function flatten(base: object, typeSchema: object): object {
  const b = base as { properties?: object; required?: string[]; patternProperties?: object; propertyNames?: object; type?: string };
  const t = typeSchema as { properties?: object; allOf?: unknown; unevaluatedProperties?: unknown; $id?: string; requiredForApproval?: unknown; title?: string; description?: string };
  const refsBase = Array.isArray(t.allOf) && t.allOf.some((s) => (s as { $ref?: string }).$ref === 'base.schema.json');
  if (!refsBase || t.unevaluatedProperties !== false) return typeSchema;
  return {
    ...(t.$id ? { $id: t.$id.replace(/\.schema\.json$/, '.flat.json') } : {}),
    type: 'object',
    required: b.required,
    propertyNames: b.propertyNames,
    properties: { ...b.properties, ...t.properties },
    patternProperties: b.patternProperties,
    additionalProperties: false,
  };
}

function mapErrors(errors: ErrorObject[], data: unknown, types: string[]): SchemaFinding[] {
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  const findings: SchemaFinding[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'allOf' || error.keyword === 'if' || error.keyword === '$ref') continue;
    if (error.keyword === 'not' && error.schemaPath.includes('/propertyNames/')) continue;
    if (oneOfPaths.has(error.instancePath) && error.keyword !== 'oneOf') continue;
    const finding = mapError(error, data, types);
    const key = `${finding.rule}|${finding.path}|${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
  }
  return findings;
}

function mapError(error: ErrorObject, data: unknown, types: string[]): SchemaFinding {
  const path = toPath(error.instancePath);
  const label = path || 'the front matter';
  const value = error.data;
  const hint = (error.parentSchema as { hint?: string } | undefined)?.hint;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const field = String(params.missingProperty);
      return { rule: 'schema/required', path, atKey: true, message: `${join(path, field)} is missing; add it${FIELD_HELP[field] ? ` (${FIELD_HELP[field]})` : ''}` };
    }
    case 'propertyNames':
    case 'unevaluatedProperties':
    case 'additionalProperties': {
      const field = String(params.unevaluatedProperty ?? params.additionalProperty ?? params.propertyName);
      const known = knownFields(data, path, error);
      const guess = closest(field, known);
      const where = path ? `${path} has no field "${field}"` : `"${field}" is not a field of ${article(typeOf(data))}`;
      // Words with spaces are usually the tail of a value cut at a comma inside { ... } or [ ... ].
      const advice = /\s/.test(field.trim())
        ? `if "${field}" is part of a value with a comma in it, put the whole value in quotes`
        : guess
          ? `did you mean "${guess}"?`
          : `remove it, or name it x-${field} to keep your own data`;
      return { rule: 'schema/unknown-field', path: join(path, field), atKey: true, message: `${where}; ${advice}` };
    }
    case 'type': {
      if (path === 'version' && typeof value === 'number') {
        return { rule: 'schema/type', path, atKey: false, message: `version must be text in quotes so that 2.0 stays 2.0: write version: "${formatVersion(value)}"` };
      }
      return { rule: 'schema/type', path, atKey: false, message: `${label} must be ${typeWord(String(params.type))}, not ${describe(value)}${hint ? `; it ${hint}` : ''}` };
    }
    case 'enum':
    case 'const': {
      const allowed = (params.allowedValues as unknown[] | undefined) ?? [params.allowedValue];
      if (path === 'type' && error.keyword === 'enum') {
        const guess = typeof value === 'string' ? closest(value, types) : undefined;
        return { rule: 'schema/enum', path, atKey: false, message: `type ${describe(value)} is not a document type; use one of: ${types.join(', ')}${guess ? ` (did you mean "${guess}"?)` : ''}` };
      }
      const guess = typeof value === 'string' ? closest(value, allowed.map(String)) : undefined;
      return {
        rule: 'schema/enum',
        path,
        atKey: false,
        message: `${label} is ${describe(value)}, which is not one of: ${allowed.join(', ')}${guess ? ` (did you mean "${guess}"?)` : ''}`,
      };
    }
    case 'format': {
      if (params.format === 'date') {
        return { rule: 'schema/date', path, atKey: false, message: `${label}: ${explainBadDate(value)}; write a real date as YYYY-MM-DD` };
      }
      const parsed = parseDuration(value);
      return { rule: 'schema/duration', path, atKey: false, message: `${label}: ${parsed.ok ? 'not a duration' : parsed.message}` };
    }
    case 'pattern':
      return { rule: 'schema/pattern', path, atKey: false, message: `${label} is ${describe(value)}; it ${hint ?? 'is not written as expected'}` };
    case 'uniqueItems':
      return { rule: 'schema/invalid', path, atKey: false, message: `${label} lists the same value twice; remove the repeat` };
    case 'minLength':
      return { rule: 'schema/invalid', path, atKey: false, message: `${label} is empty; fill it in or remove the field` };
    case 'oneOf':
      return { rule: 'schema/type', path, atKey: false, message: `${label} must be text or a list of text, not ${describe(value)}` };
    default:
      return { rule: 'schema/invalid', path, atKey: false, message: `${label} ${error.message ?? 'is not valid'}` };
  }
}

const FIELD_HELP: Record<string, string> = {
  id: 'the document id, like CS-PRO-0007, matching the start of the file name',
  title: "the document's name",
  type: 'policy, procedure, standard, form, protocol, guideline, strategy, terms-of-reference or framework',
  status: 'drafting for a new document',
  version: 'in quotes, like "0.1"',
  owner: 'the member id of the document manager, from members.yaml',
  kind: 'proposal, draft or review',
  on: 'the date, YYYY-MM-DD',
  with: 'who was consulted',
};

function toPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

function join(path: string, field: string): string {
  return path ? `${path}.${field}` : field;
}

function typeOf(data: unknown): string {
  const t = (data as { type?: unknown } | null)?.type;
  return typeof t === 'string' ? t : 'document';
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

function knownFields(_data: unknown, path: string, error: ErrorObject): string[] {
  const schema = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
  const own = Object.keys(schema?.properties ?? {});
  if (path) return own;
  return [...new Set([...own, ...TOP_LEVEL])];
}

const TOP_LEVEL = [
  'id', 'title', 'summary', 'type', 'status', 'version', 'owner', 'sponsor', 'authors', 'scope', 'approval', 'review',
  'submission', 'governed_by', 'read_with', 'supersedes', 'related_forms', 'consultation', 'eqia', 'impact', 'publication',
  'legal_basis', 'keywords',
];

function typeWord(type: string): string {
  return (
    { string: 'text', number: 'a number', integer: 'a whole number', boolean: 'true or false', array: 'a list', object: 'a group of fields', null: 'empty' }[
      type
    ] ?? type
  );
}

function formatVersion(n: number): string {
  return Number.isInteger(n) ? `${n}.0` : String(n);
}
