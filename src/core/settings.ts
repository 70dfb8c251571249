/**
 * Parsing group settings (ppp.yaml): checked against a JSON Schema with ajv, durations parsed,
 * and every fault reported with its line and column so the chair can fix it.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { LineCounter, parseDocument, isAlias, isMap, isNode, isScalar, visit, type Document, type Node } from 'yaml';
import { isIsoDate, isTimeZone } from './calendar.js';
import { DOCUMENT_TYPES, REGIONS, ROUTES, type Settings } from './config.js';
import { isLonger, parseDuration, parseMeetingLength, type Duration } from './duration.js';
import { YAML_OPTIONS } from './front-matter.js';
import { ruleFault } from './meetings.js';
import { closest, describe } from './text.js';

const TYPE_WORDS: Record<string, string> = { string: 'text', integer: 'a whole number', number: 'a number', boolean: 'true or false', array: 'a list', object: 'a group of settings' };

const durationSchema = { type: 'string', minLength: 1 };
const dateList = { type: 'array', items: { type: 'string' } };

const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['group', 'id_prefix'],
  properties: {
    group: { type: 'string', minLength: 1 },
    short_name: { type: 'string', minLength: 1 },
    id_prefix: { type: 'string', pattern: '^[A-Z][A-Z0-9]{0,9}$' },
    timezone: { type: 'string' },
    holidays: {
      type: 'object',
      additionalProperties: false,
      properties: { region: { enum: [...REGIONS] }, add: dateList, remove: dateList },
    },
    meetings: {
      type: 'object',
      additionalProperties: false,
      properties: {
        rule: { type: 'string', minLength: 1 },
        start: { type: 'string' },
        add: dateList,
        cancel: dateList,
        submission_deadline: durationSchema,
        circulation_deadline: durationSchema,
        time: { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' },
        duration: durationSchema,
        location: { type: 'string' },
      },
    },
    review: {
      type: 'object',
      additionalProperties: false,
      properties: { default_cycle: durationSchema, max_cycle: durationSchema, due_soon: durationSchema, escalate_after: durationSchema },
    },
    approval: {
      type: 'object',
      additionalProperties: false,
      properties: {
        signing: { enum: ['required', 'optional'] },
        authorities: {
          type: 'object',
          propertyNames: { enum: [...DOCUMENT_TYPES, '*'] },
          additionalProperties: { type: 'array', items: { enum: [...ROUTES] }, minItems: 1 },
        },
        requires: { type: 'array', items: { enum: ['eqia', 'consultation'] }, uniqueItems: true },
      },
    },
    roles: { type: 'array', items: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' }, uniqueItems: true },
    quorum: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['role', 'min'],
        properties: { role: { type: 'string' }, min: { type: 'integer', minimum: 1 } },
      },
    },
    absence_exempt_roles: { type: 'array', items: { type: 'string' } },
  },
} as const;

const DEFAULTS = {
  short_name: 'PPP',
  timezone: 'Europe/London',
  holidays: { region: 'england-and-wales', add: [], remove: [] },
  meetings: {
    rule: 'FREQ=MONTHLY;BYDAY=+2TU;BYMONTH=1,2,3,4,5,6,7,9,10,11',
    add: [],
    cancel: [],
    submission_deadline: '10 working days',
    circulation_deadline: '3 working days',
  },
  review: { default_cycle: '3 years', max_cycle: '3 years', due_soon: '90 days', escalate_after: '2 months' },
  approval: { signing: 'required', authorities: { policy: ['cabinet'], '*': ['ppp', 'director', 'interim'] }, requires: ['eqia'] },
  roles: ['chair', 'vice-chair', 'head-of-service', 'qa-manager', 'service-lead', 'solicitor', 'member'],
  quorum: [],
  absence_exempt_roles: [],
} as const;

/** A fault in ppp.yaml at a line and column. */
export interface ConfigFault {
  line: number;
  column: number;
  message: string;
}

export type ConfigResult = { ok: true; settings: Settings } | { ok: false; faults: ConfigFault[] };

let validateConfig: ValidateFunction | undefined;

/** Returns the settings of a ppp.yaml text, or every fault with its line and column. */
export function parseSettings(text: string): ConfigResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, { ...YAML_OPTIONS, lineCounter });
  const pos = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const faults: ConfigFault[] = doc.errors.map((e) => ({ ...pos(e.pos[0]), message: `not valid YAML: ${e.message.split('\n')[0]}` }));
  if (faults.length) return { ok: false, faults };
  for (const w of doc.warnings) faults.push({ ...pos(w.pos[0]), message: `${w.message.split('\n')[0]}; write plain YAML` });
  visit(doc, {
    Alias(_key, node) {
      faults.push({ ...pos(node.range?.[0] ?? 0), message: `the alias *${node.source} is not allowed; write the value out in full` });
    },
    Node(_key, node) {
      if (node.tag && !isAlias(node)) faults.push({ ...pos(node.range?.[0] ?? 0), message: `the YAML tag ${node.tag} is not allowed; write a plain value` });
    },
  });
  if (faults.length) return { ok: false, faults };
  const raw = doc.toJS({ maxAliasCount: 0 }) as unknown;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, faults: [{ line: 1, column: 1, message: 'ppp.yaml must hold settings written "name: value", starting with group: and id_prefix:' }] };
  }
  // verbose: errors carry the offending value, so that messages can name it.
  validateConfig ??= new Ajv2020({ allErrors: true, strict: true, verbose: true }).compile(SCHEMA);
  if (!validateConfig(raw)) {
    for (const error of validateConfig.errors ?? []) {
      if (error.schemaPath.includes('/propertyNames/')) continue; // reported by its propertyNames error
      const segments = error.instancePath.split('/').slice(1);
      const params = error.params as Record<string, unknown>;
      let message: string;
      let at = segments;
      const label = segments.join('.') || 'ppp.yaml';
      if (error.keyword === 'additionalProperties') {
        const field = String(params.additionalProperty);
        const known = Object.keys(schemaAt(segments).properties ?? {});
        const guess = closest(field, known);
        message = `${label === 'ppp.yaml' ? '' : label + ': '}"${field}" is not a setting${guess ? `; did you mean "${guess}"?` : `; known settings here: ${known.join(', ')}`}`;
        at = [...segments, field];
      } else if (error.keyword === 'required') {
        message = `${label}: ${String(params.missingProperty)} is missing; add it (see ppp init --help for a complete example)`;
      } else if (error.keyword === 'enum') {
        message = `${label} is ${describe(error.data)}; use one of: ${(params.allowedValues as unknown[]).join(', ')}`;
      } else if (error.keyword === 'propertyNames') {
        message = `approval.authorities names ${describe(params.propertyName)}, which is not a document type; use one of: ${DOCUMENT_TYPES.join(', ')} or "*"`;
        at = [...segments, String(params.propertyName)];
      } else if (error.keyword === 'pattern' && label === 'id_prefix') {
        message = `id_prefix is ${describe(error.data)}; use capital letters and digits, like CS`;
      } else if (error.keyword === 'pattern' && label === 'meetings.time') {
        message = `meetings.time is ${describe(error.data)}; write a 24-hour time like "10:00" in quotes`;
      } else if (error.keyword === 'type') {
        message = `${label} must be ${TYPE_WORDS[String(params.type)] ?? String(params.type)}, not ${describe(error.data)}`;
      } else if (error.keyword === 'minimum') {
        message = `${label} must be at least ${String(params.limit)}, not ${describe(error.data)}`;
      } else if (error.keyword === 'minItems') {
        message = `${label} is an empty list; name at least one`;
      } else if (error.keyword === 'uniqueItems') {
        message = `${label} lists the same value twice; remove the repeat`;
      } else if (error.keyword === 'pattern') {
        message = `${label} is ${describe(error.data)}, which is not written as expected (${String(params.pattern)})`;
      } else {
        message = `${label} ${error.message ?? 'is not valid'}`;
      }
      faults.push({ ...positionOf(doc, at, pos, at !== segments), message });
    }
  }
  // Go on after schema faults, so that every fault is reported in one run; the checks below guard their types.
  const merged = mergeDefaults(raw as Record<string, unknown>);
  const durationFault = (path: string[]): Duration | undefined => {
    const value = path.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], merged);
    if (typeof value !== 'string') return undefined;
    const parsed = parseDuration(value);
    if (parsed.ok) return parsed.value;
    faults.push({ ...positionOf(doc, path, pos), message: `${path.join('.')}: ${parsed.message}` });
    return undefined;
  };
  const lengthOf = (value: unknown): number | undefined => {
    if (typeof value !== 'string') return undefined;
    const parsed = parseMeetingLength(value);
    if (parsed.ok) return parsed.minutes;
    faults.push({ ...positionOf(doc, ['meetings', 'duration'], pos), message: `meetings.duration: ${parsed.message}` });
    return undefined;
  };
  const meetings = merged.meetings as Record<string, unknown>;
  const settings = {
    ...merged,
    meetings: {
      ...meetings,
      submission_deadline: durationFault(['meetings', 'submission_deadline']),
      circulation_deadline: durationFault(['meetings', 'circulation_deadline']),
      duration: meetings.duration === undefined ? undefined : lengthOf(meetings.duration),
    },
    review: {
      default_cycle: durationFault(['review', 'default_cycle']),
      max_cycle: durationFault(['review', 'max_cycle']),
      due_soon: durationFault(['review', 'due_soon']),
      escalate_after: durationFault(['review', 'escalate_after']),
    },
  } as unknown as Settings;
  for (const key of ['default_cycle', 'max_cycle', 'due_soon', 'escalate_after'] as const) {
    if (settings.review[key]?.workingDays) {
      faults.push({ ...positionOf(doc, ['review', key], pos), message: `review.${key} must be in days, weeks, months or years, not working days` });
    }
  }
  if (typeof settings.timezone === 'string' && !isTimeZone(settings.timezone)) {
    faults.push({ ...positionOf(doc, ['timezone'], pos), message: `timezone "${settings.timezone}" is not a known time zone; write it like Europe/London` });
  }
  for (const path of [['holidays', 'add'], ['holidays', 'remove'], ['meetings', 'add'], ['meetings', 'cancel']] as const) {
    const list = (settings as unknown as Record<string, Record<string, unknown>>)[path[0]]?.[path[1]];
    if (!Array.isArray(list)) continue;
    list.forEach((d, i) => {
      if (typeof d === 'string' && !isIsoDate(d)) faults.push({ ...positionOf(doc, [...path, String(i)], pos), message: `${path.join('.')} lists "${d}", which is not a real date written YYYY-MM-DD` });
    });
  }
  if (typeof settings.meetings.start === 'string' && !isIsoDate(settings.meetings.start)) {
    faults.push({ ...positionOf(doc, ['meetings', 'start'], pos), message: `meetings.start "${settings.meetings.start}" is not a real date written YYYY-MM-DD` });
  }
  if (typeof settings.meetings.rule === 'string') {
    const fault = ruleFault(settings.meetings.rule, isIsoDate(settings.meetings.start) ? settings.meetings.start : undefined);
    if (fault) {
      faults.push({
        ...positionOf(doc, ['meetings', 'rule'], pos),
        message: `meetings.rule "${settings.meetings.rule}" is not a usable iCalendar RRULE (${fault}); write it like FREQ=MONTHLY;BYDAY=+2TU;BYMONTH=1,2,3,4,5,6,7,9,10,11`,
      });
    }
  }
  // approval.authorities replaces the default map as a whole: a type it does not cover could never be approved.
  const authorities = settings.approval.authorities;
  if (authorities && typeof authorities === 'object' && !('*' in authorities)) {
    const uncovered = DOCUMENT_TYPES.filter((t) => !(t in authorities));
    if (uncovered.length) {
      faults.push({
        ...positionOf(doc, ['approval', 'authorities'], pos),
        message: `approval.authorities names no routes for ${uncovered.join(', ')}, so they could never be approved; add "*": [ppp] (or the routes they may use)`,
      });
    }
  }
  const { max_cycle: max, default_cycle: cycle } = settings.review;
  if (max && !max.workingDays && max.months === 0 && max.days === 0) {
    faults.push({ ...positionOf(doc, ['review', 'max_cycle'], pos), message: 'review.max_cycle is zero, so no review date could ever be agreed; write it like 3 years' });
  }
  if (max && cycle && !max.workingDays && !cycle.workingDays && isLonger(cycle, max)) {
    faults.push({ ...positionOf(doc, ['review', 'default_cycle'], pos), message: `review.default_cycle (${cycle.text}) is longer than review.max_cycle (${max.text}); shorten it` });
  }
  if (faults.length) return { ok: false, faults: faults.sort((a, b) => a.line - b.line || a.column - b.column) };
  const roles = new Set(settings.roles);
  settings.quorum.forEach((q, i) => {
    if (!roles.has(q.role)) faults.push({ ...positionOf(doc, ['quorum', String(i), 'role'], pos), message: `quorum names the role "${q.role}", which is not in roles; add it to roles or correct it` });
  });
  settings.absence_exempt_roles.forEach((r, i) => {
    if (!roles.has(r)) faults.push({ ...positionOf(doc, ['absence_exempt_roles', String(i)], pos), message: `absence_exempt_roles names "${r}", which is not in roles` });
  });
  if (faults.length) return { ok: false, faults: faults.sort((a, b) => a.line - b.line || a.column - b.column) };
  return { ok: true, settings };
}

function schemaAt(segments: readonly string[]): { properties?: Record<string, unknown> } {
  let node = SCHEMA as unknown as { properties?: Record<string, unknown> };
  for (const k of segments) node = (node.properties?.[k] ?? {}) as typeof node;
  return node;
}

function mergeDefaults(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...structuredClone(DEFAULTS), ...raw };
  for (const key of ['holidays', 'meetings', 'review', 'approval'] as const) {
    out[key] = { ...structuredClone(DEFAULTS[key]), ...((raw[key] as object | undefined) ?? {}) };
  }
  return out;
}

function positionOf(doc: Document, path: readonly string[], pos: (o: number) => { line: number; column: number }, atKey = false): { line: number; column: number } {
  if (atKey && path.length > 0) {
    const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === path[path.length - 1]);
      const key = pair?.key as Node | undefined;
      if (key?.range) return pos(key.range[0]);
    }
  }
  for (let n = path.length; n > 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return pos(node.range[0]);
  }
  return { line: 1, column: 1 };
}

