/**
 * The one mapping from ajv's errors to messages a policy officer can act on, shared by the
 * front matter schemas and ppp.yaml's schema. Each message names the value and says what to
 * do; the wording of a file's own fields (settings or document fields) comes from its caller.
 * Pure.
 */
import type { ErrorObject } from 'ajv';
import { explainBadDate } from './calendar.js';
import { parseDuration } from './duration.js';
import { closest, describe } from './text.js';

export type AjvRule =
  | 'schema/required'
  | 'schema/unknown-field'
  | 'schema/type'
  | 'schema/enum'
  | 'schema/date'
  | 'schema/duration'
  | 'schema/pattern'
  | 'schema/invalid';

export interface AjvMessage {
  rule: AjvRule;
  /** Where: the path's segments ([] for the whole). */
  segments: string[];
  /** Point at the key (missing or unknown fields) rather than the value. */
  atKey: boolean;
  message: string;
}

export interface Wording {
  /** What a field is called: 'field' in a document, 'setting' in ppp.yaml. */
  noun: string;
  /** The whole, when the error is at the top: 'the front matter', 'ppp.yaml'. */
  whole: string;
  /** Returns how a message names the field at a dotted path (default: the path as it is). */
  field?(path: string): string;
  /** Returns the message for an unknown field, given the fields known where it was found. */
  unknown(field: string, path: string, known: readonly string[], data: unknown, error: ErrorObject): string;
  /** Returns what to add after "X is missing; add it", if anything. */
  requiredHelp?(field: string, path: string): string | undefined;
  /** Returns a message for an enum error of its own (a document's type names the types), or undefined. */
  enumMessage?(path: string, value: unknown, allowed: readonly unknown[]): string | undefined;
}

/** Returns one message per distinct fault in ajv's errors (verbose errors: they carry the value). */
export function ajvMessages(errors: readonly ErrorObject[], data: unknown, wording: Wording): AjvMessage[] {
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  const out: AjvMessage[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'allOf' || error.keyword === 'if' || error.keyword === '$ref') continue;
    // A bad property name also fails the schema inside propertyNames: reported once, by its propertyNames error.
    if (error.keyword !== 'propertyNames' && error.schemaPath.includes('/propertyNames/')) continue;
    if (oneOfPaths.has(error.instancePath) && error.keyword !== 'oneOf') continue;
    const message = ajvMessage(error, data, wording);
    const key = `${message.rule}|${message.segments.join('.')}|${message.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(message);
  }
  return out;
}

function ajvMessage(error: ErrorObject, data: unknown, wording: Wording): AjvMessage {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const path = segments.join('.');
  const name = (p: string) => wording.field?.(p) ?? p;
  const label = path ? name(path) : wording.whole;
  const value = error.data;
  const hint = (error.parentSchema as { hint?: string } | undefined)?.hint;
  const params = error.params as Record<string, unknown>;
  const at = (rule: AjvRule, message: string, atKey = false, where = segments): AjvMessage => ({
    rule,
    segments: where,
    atKey,
    message,
  });
  switch (error.keyword) {
    case 'required': {
      const field = String(params.missingProperty);
      const help = wording.requiredHelp?.(field, path);
      return at('schema/required', `${name(join(path, field))} is missing; add it${help ? ` (${help})` : ''}`, true);
    }
    case 'propertyNames':
    case 'unevaluatedProperties':
    case 'additionalProperties': {
      const field = String(params.unevaluatedProperty ?? params.additionalProperty ?? params.propertyName);
      const schema = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
      const known = Object.keys(schema?.properties ?? {});
      return at('schema/unknown-field', wording.unknown(field, path, known, data, error), true, [...segments, field]);
    }
    case 'type':
      if (path === 'version' && typeof value === 'number') {
        return at(
          'schema/type',
          `version must be text in quotes so that 2.0 stays 2.0: write version: "${formatVersion(value)}"`,
        );
      }
      return at(
        'schema/type',
        `${label} must be ${typeWord(String(params.type), wording.noun)}, ` +
          `not ${describe(value)}${hint ? `; it ${hint}` : ''}`,
      );
    case 'enum':
    case 'const': {
      const allowed = (params.allowedValues as unknown[] | undefined) ?? [params.allowedValue];
      const own = wording.enumMessage?.(path, value, allowed);
      if (own) return at('schema/enum', own);
      const guess = typeof value === 'string' ? closest(value, allowed.map(String)) : undefined;
      return at(
        'schema/enum',
        `${label} is ${describe(value)}, which is not one of: ` +
          `${allowed.join(', ')}${guess ? ` (did you mean "${guess}"?)` : ''}`,
      );
    }
    case 'format': {
      if (params.format === 'date')
        return at('schema/date', `${label}: ${explainBadDate(value)}; write a real date as YYYY-MM-DD`);
      const parsed = parseDuration(value);
      return at('schema/duration', `${label}: ${parsed.ok ? 'not a duration' : parsed.message}`);
    }
    case 'pattern':
      return at(
        'schema/pattern',
        `${label} is ${describe(value)}; it ${hint ?? `is not written as expected (${String(params.pattern)})`}`,
      );
    case 'uniqueItems':
      return at('schema/invalid', `${label} lists the same value twice; remove the repeat`);
    case 'minLength':
      return at('schema/invalid', `${label} is empty; fill it in or remove the ${wording.noun}`);
    case 'minItems':
      return at('schema/invalid', `${label} is an empty list; name at least one`);
    case 'minimum':
      return at('schema/invalid', `${label} must be at least ${String(params.limit)}, not ${describe(value)}`);
    case 'oneOf':
      return at('schema/type', `${label} must be text or a list of text, not ${describe(value)}`);
    default:
      return at('schema/invalid', `${label} ${error.message ?? 'is not valid'}`);
  }
}

/** Returns "did you mean" for a near miss, else the advice given. */
export function guessOr(field: string, known: readonly string[], advice: string): string {
  // Words with spaces are usually the tail of a value cut at a comma inside { ... } or [ ... ].
  if (/\s/.test(field.trim()))
    return `if "${field}" is part of a value with a comma in it, put the whole value in quotes`;
  const guess = closest(field, known);
  return guess ? `did you mean "${guess}"?` : advice;
}

function join(path: string, field: string): string {
  return path ? `${path}.${field}` : field;
}

function typeWord(type: string, noun: string): string {
  const words: Record<string, string> = {
    string: 'text',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: `a group of ${noun}s`,
    null: 'empty',
  };
  return words[type] ?? type;
}

function formatVersion(n: number): string {
  return Number.isInteger(n) ? `${n}.0` : String(n);
}
