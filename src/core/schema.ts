/**
 * JSON Schemas of front matter, compiled once with ajv (draft 2020-12), and the mapping of
 * ajv's errors to findings a policy officer can act on.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { ajvMessages, guessOr, type Wording } from './ajv-messages.js';
import { isIsoDate } from './calendar.js';
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
  const all = ajv.compile(
    flatten(sources.base, { allOf: [{ $ref: 'base.schema.json' }], properties: union, unevaluatedProperties: false }),
  );
  const typeFields = new Set(Object.keys(union).filter((f) => !baseFields.has(f)));
  const types = [...ownFields.keys()];
  const wording = documentWording(types);
  return {
    check(data) {
      const type = data.type;
      const validate = (typeof type === 'string' && separate.get(type)) || all;
      const findings: SchemaFinding[] = validate(data)
        ? []
        : ajvMessages(validate.errors ?? [], data, wording).map((m) => ({
            rule: m.rule,
            path: m.segments.join('.'),
            atKey: m.atKey,
            message: m.message,
          }));
      const own = typeof type === 'string' ? ownFields.get(type) : undefined;
      if (own && validate === all) {
        for (const field of Object.keys(data)) {
          if (!typeFields.has(field) || own.has(field)) continue;
          const guess = closest(field, [...baseFields, ...own]);
          findings.push({
            rule: 'schema/unknown-field',
            path: field,
            atKey: true,
            message:
              `"${field}" is not a field of ${article(String(type))}; ` +
              `${guess ? `did you mean "${guess}"?` : `remove it, or name it x-${field} to keep your own data`}`,
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
  const b = base as {
    properties?: object;
    required?: string[];
    patternProperties?: object;
    propertyNames?: object;
    type?: string;
  };
  const t = typeSchema as {
    properties?: object;
    allOf?: unknown;
    unevaluatedProperties?: unknown;
    $id?: string;
    requiredForApproval?: unknown;
    title?: string;
    description?: string;
  };
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

/** The wording of front matter fields, for the shared ajv mapping. */
function documentWording(types: readonly string[]): Wording {
  return {
    noun: 'field',
    whole: 'the front matter',
    // Quoted and called a field: "body", "summary" or "scope" on their own read as words of the sentence.
    field: (path) => `the field "${path}"`,
    unknown(field, path, known, data) {
      const where = path ? `${path} has no field "${field}"` : `"${field}" is not a field of ${article(typeOf(data))}`;
      const candidates = path ? known : [...new Set([...known, ...TOP_LEVEL])];
      return `${where}; ${guessOr(field, candidates, `remove it, or name it x-${field} to keep your own data`)}`;
    },
    requiredHelp: (field) => fieldHelp(field),
    enumMessage(path, value) {
      if (path !== 'type') return undefined;
      const guess = typeof value === 'string' ? closest(value, types) : undefined;
      return (
        `type ${describe(value)} is not a document type; use one of: ` +
        `${types.join(', ')}${guess ? ` (did you mean "${guess}"?)` : ''}`
      );
    },
  };
}

/** Returns what a front matter field holds, in a few words, for messages asking for it; undefined if not known. */
export function fieldHelp(field: string): string | undefined {
  return Object.hasOwn(FIELD_HELP, field) ? FIELD_HELP[field] : undefined;
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
  summary: 'the purpose of the document in a sentence or two',
  sponsor: 'the member id of the accountable senior manager',
  scope: 'service (one organisation) or partnership (multi-agency)',
  authority: 'by whose authority the protocol is implemented',
  body: 'the name of the group these terms constitute',
  system: 'where the form lives, like the Mosaic recording system',
  measures: 'how attainment is measured',
  period: 'the period it covers, like { from: 2026-04-01, to: 2027-03-31 }',
};

function typeOf(data: unknown): string {
  const t = (data as { type?: unknown } | null)?.type;
  return typeof t === 'string' ? t : 'document';
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

const TOP_LEVEL = [
  'id',
  'title',
  'summary',
  'changes',
  'type',
  'status',
  'version',
  'owner',
  'sponsor',
  'authors',
  'scope',
  'approval',
  'review',
  'submission',
  'proposal',
  'governed_by',
  'read_with',
  'supersedes',
  'related_forms',
  'consultation',
  'eqia',
  'impact',
  'publication',
  'legal_basis',
  'keywords',
  'notes',
  'source_ref',
];
