/**
 * The ppp.yaml reader: the group's settings read as strict YAML, checked against a JSON Schema
 * with ajv, durations parsed, defaults filled in, and every fault reported with its line and
 * column so the chair can fix them all in one go. Pure.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { isMap, isNode, isScalar, type Document, type Node } from 'yaml';
import { ajvMessages, guessOr, type Wording } from './ajv-messages.js';
import { isIsoDate, isTimeZone } from './calendar.js';
import { DOCUMENT_TYPES, ROUTES, isDocumentType, type DocumentType } from './document.js';
import { isLonger, parseDuration, parseMeetingLength, type Duration } from './duration.js';
import { RULE_EXAMPLE, ruleFault, scheduleFault } from './meetings.js';
import { REGIONS, type Settings } from './settings.js';
import { parseMailSettings } from './mail-settings.js';
import { readStrictYaml, type Position } from './strict-yaml.js';
import { closest, describe } from './text.js';

const durationSchema = { type: 'string', minLength: 1 };
const dateList = { type: 'array', items: { type: 'string' } };

/** The shape of ppp.yaml as ppp checks it (templates/schema/editor/ppp.schema.json, for editors, follows it). */
export const SETTINGS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['group', 'id_prefix'],
  properties: {
    group: { type: 'string', minLength: 1 },
    short_name: { type: 'string', minLength: 1 },
    id_prefix: { type: 'string', pattern: '^[A-Z][A-Z0-9]{0,9}$', hint: 'must be capital letters and digits, like CS' },
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
        time: {
          type: 'string',
          pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
          hint: 'must be a 24-hour time like "10:00", in quotes',
        },
        duration: durationSchema,
        location: { type: 'string' },
      },
    },
    review: {
      type: 'object',
      additionalProperties: false,
      properties: {
        default_cycle: durationSchema,
        cycles: {
          type: 'object',
          propertyNames: { enum: [...DOCUMENT_TYPES] },
          additionalProperties: durationSchema,
        },
        max_cycle: durationSchema,
        due_soon: durationSchema,
        escalate_after: durationSchema,
      },
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
    // Checked on its own by parseMailSettings, which names every key it reads and refuses secrets in the file.
    mail: { type: 'object' },
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
  // No cycles of types by default: a ppp.yaml written before review.cycles keeps default_cycle for every type.
  review: {
    default_cycle: '3 years',
    cycles: {},
    max_cycle: '3 years',
    due_soon: '90 days',
    escalate_after: '2 months',
  },
  approval: {
    signing: 'required',
    authorities: { policy: ['cabinet'], '*': ['ppp', 'director', 'interim'] },
    requires: ['eqia'],
  },
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

/** Where the faults of one run are gathered, each placed at a path of the file. */
interface Faults {
  list: ConfigFault[];
  /** Adds a fault at the value of a path (or at its key, with atKey). */
  add(path: readonly string[], message: string, atKey?: boolean): void;
}

/**
 * Returns the settings of a ppp.yaml text, or every fault with its line and column; with today, also a meeting
 * schedule that gives no meeting in the twelve months from it.
 */
export function parseSettings(text: string, options: { today?: string } = {}): ConfigResult {
  const yaml = readStrictYaml(text);
  if (yaml.faults.length)
    return { ok: false, faults: yaml.faults.map(({ line, column, message }) => ({ line, column, message })) };
  const raw = yaml.data;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      ok: false,
      faults: [
        {
          line: 1,
          column: 1,
          message: 'ppp.yaml must hold settings written "name: value", starting with group: and id_prefix:',
        },
      ],
    };
  }
  const faults: Faults = {
    list: [],
    add(path, message, atKey = false) {
      this.list.push({ ...positionOf(yaml.doc, path, yaml.at, atKey), message });
    },
  };
  // Every step runs whatever the others found, so that every fault is reported in one run; each guards its own types.
  checkShape(raw, faults);
  const settings = withDurations(mergeDefaults(raw as Record<string, unknown>), faults);
  checkDates(settings, faults);
  checkMeetingRule(settings, faults);
  checkAuthorities(settings, faults);
  checkCycles(settings, faults);
  checkMail(raw as Record<string, unknown>, settings, faults);
  if (faults.list.length) return { ok: false, faults: sorted(faults.list) };
  // Roles are checked once the lists are known to be lists of text.
  checkRoles(settings, faults);
  if (options.today !== undefined) checkSchedule(settings, options.today, faults);
  if (faults.list.length) return { ok: false, faults: sorted(faults.list) };
  return { ok: true, settings };
}

/** Reads the mail: settings (ppp remind and notify), each problem placed at the key it names. */
function checkMail(raw: Record<string, unknown>, settings: Settings, faults: Faults): void {
  if (raw.mail === undefined || raw.mail === null || typeof raw.mail !== 'object') return;
  const { settings: mail, problems } = parseMailSettings(raw.mail);
  for (const problem of problems) {
    const path = /^(mail(?:\.[A-Za-z_]+)*)/.exec(problem)?.[1] ?? 'mail';
    faults.add(path.split('.'), problem);
  }
  if (mail) settings.mail = mail;
}

let validateShape: ValidateFunction | undefined;

const SETTINGS_WORDING: Wording = {
  noun: 'setting',
  whole: 'ppp.yaml',
  unknown(field, path, known) {
    if (path === 'approval.authorities') {
      return (
        `approval.authorities names ${describe(field)}, which is not a document type; ` +
        `use one of: ${DOCUMENT_TYPES.join(', ')} or "*"`
      );
    }
    if (path === 'review.cycles') {
      const guess = closest(field.trim().replace(/\s+/g, '-'), DOCUMENT_TYPES);
      return (
        `review.cycles names ${describe(field)}, which is not a document type` +
        `${guess ? ` (did you mean "${guess}"?)` : ''}; use one of: ${DOCUMENT_TYPES.join(', ')}`
      );
    }
    return (
      `${path ? `${path}: ` : ''}"${field}" is not a setting; ` +
      `${guessOr(field, known, `known settings here: ${known.join(', ')}`)}`
    );
  },
  requiredHelp: () => 'see ppp init --help for a complete example',
};

/** Checks the settings against the JSON Schema: names, types, enums, patterns. */
function checkShape(raw: unknown, faults: Faults): void {
  // verbose: errors carry the offending value, so that messages can name it.
  validateShape ??= (() => {
    const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true });
    ajv.addKeyword({ keyword: 'hint', schemaType: 'string' });
    return ajv.compile(SETTINGS_SCHEMA);
  })();
  if (validateShape(raw)) return;
  for (const m of ajvMessages(validateShape.errors ?? [], raw, SETTINGS_WORDING))
    faults.add(m.segments, m.message, m.atKey);
}

/** Returns the settings with their durations parsed (undefined where a duration is faulty). */
function withDurations(merged: Record<string, unknown>, faults: Faults): Settings {
  const duration = (path: string[]): Duration | undefined => {
    const value = path.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], merged);
    if (typeof value !== 'string') return undefined;
    const parsed = parseDuration(value);
    if (parsed.ok) return parsed.value;
    faults.add(path, `${path.join('.')}: ${parsed.message}`);
    return undefined;
  };
  const meetingLength = (value: unknown): number | undefined => {
    if (typeof value !== 'string') return undefined;
    const parsed = parseMeetingLength(value);
    if (parsed.ok) return parsed.minutes;
    faults.add(['meetings', 'duration'], `meetings.duration: ${parsed.message}`);
    return undefined;
  };
  const meetings = merged.meetings as Record<string, unknown>;
  const review = merged.review as Record<string, unknown>;
  const cycles: Partial<Record<DocumentType, Duration>> = {};
  // Unknown types and values that are not text are the schema's faults; the others are parsed here.
  if (review.cycles && typeof review.cycles === 'object' && !Array.isArray(review.cycles)) {
    for (const type of Object.keys(review.cycles)) {
      if (!isDocumentType(type)) continue;
      const cycle = duration(['review', 'cycles', type]);
      if (cycle) cycles[type] = cycle;
    }
  }
  const settings = {
    ...merged,
    meetings: {
      ...meetings,
      submission_deadline: duration(['meetings', 'submission_deadline']),
      circulation_deadline: duration(['meetings', 'circulation_deadline']),
      duration: meetings.duration === undefined ? undefined : meetingLength(meetings.duration),
    },
    review: {
      default_cycle: duration(['review', 'default_cycle']),
      cycles,
      max_cycle: duration(['review', 'max_cycle']),
      due_soon: duration(['review', 'due_soon']),
      escalate_after: duration(['review', 'escalate_after']),
    },
  } as unknown as Settings;
  for (const key of ['default_cycle', 'max_cycle', 'due_soon', 'escalate_after'] as const) {
    if (settings.review[key]?.workingDays)
      faults.add(['review', key], `review.${key} must be in days, weeks, months or years, not working days`);
  }
  for (const [type, cycle] of Object.entries(cycles)) {
    if (cycle.workingDays)
      faults.add(
        ['review', 'cycles', type],
        `review.cycles.${type} must be in days, weeks, months or years, not working days`,
      );
  }
  return settings;
}

/** Checks the time zone and every date the settings list. */
function checkDates(settings: Settings, faults: Faults): void {
  if (typeof settings.timezone === 'string' && !isTimeZone(settings.timezone)) {
    const guess = closestTimeZone(settings.timezone);
    faults.add(
      ['timezone'],
      `timezone "${settings.timezone}" is not a known time zone` +
        `${guess ? ` (did you mean "${guess}"?)` : ''}; write it as an IANA zone like Europe/London`,
    );
  }
  for (const path of [
    ['holidays', 'add'],
    ['holidays', 'remove'],
    ['meetings', 'add'],
    ['meetings', 'cancel'],
  ] as const) {
    const list = (settings as unknown as Record<string, Record<string, unknown>>)[path[0]]?.[path[1]];
    if (!Array.isArray(list)) continue;
    list.forEach((d, i) => {
      if (typeof d === 'string' && !isIsoDate(d))
        faults.add([...path, String(i)], `${path.join('.')} lists "${d}", which is not a real date written YYYY-MM-DD`);
    });
  }
  if (typeof settings.meetings.start === 'string' && !isIsoDate(settings.meetings.start)) {
    faults.add(
      ['meetings', 'start'],
      `meetings.start "${settings.meetings.start}" is not a real date written YYYY-MM-DD`,
    );
  }
}

/** Returns the IANA time zone a mistyped one most likely meant (Europe/london, Europe/Londn, London, UK), if any. */
export function closestTimeZone(name: string): string | undefined {
  const zones = Intl.supportedValuesOf('timeZone');
  const folded = name.trim().replace(/\s+/g, '_').toLowerCase();
  const aliases: Record<string, string> = { uk: 'Europe/London', gb: 'Europe/London', bst: 'Europe/London' };
  const city = (z: string) => z.slice(z.lastIndexOf('/') + 1);
  const nearCity = closest(
    folded.slice(folded.lastIndexOf('/') + 1),
    zones.map((z) => city(z).toLowerCase()),
  );
  return (
    aliases[folded] ??
    zones.find((z) => z.toLowerCase() === folded || city(z).toLowerCase() === folded) ??
    closest(name.trim(), zones) ??
    (nearCity ? zones.find((z) => city(z).toLowerCase() === nearCity) : undefined)
  );
}

/** Checks that the meeting rule is an RRULE that gives meetings. */
function checkMeetingRule(settings: Settings, faults: Faults): void {
  if (typeof settings.meetings.rule !== 'string') return;
  const fault = ruleFault(
    settings.meetings.rule,
    isIsoDate(settings.meetings.start) ? settings.meetings.start : undefined,
  );
  if (!fault) return;
  faults.add(
    ['meetings', 'rule'],
    `meetings.rule "${settings.meetings.rule}" is not a usable iCalendar RRULE: ${fault}; ${RULE_EXAMPLE}`,
  );
}

/** Checks that the schedule gives a meeting in the twelve months from today: a rule run out is a set-up mistake. */
function checkSchedule(settings: Settings, today: string, faults: Faults): void {
  const fault = scheduleFault(settings, today);
  if (!fault) return;
  faults.add(
    ['meetings', 'rule'],
    `meetings.rule "${settings.meetings.rule}" ${fault}, so no meeting can be planned; ${RULE_EXAMPLE} ` +
      `(or list the coming meetings in meetings.add)`,
  );
}

/** Returns the line and column of a setting's value in a ppp.yaml text (of its nearest parent that is written). */
export function settingPosition(text: string, path: readonly string[]): Position {
  const yaml = readStrictYaml(text);
  return positionOf(yaml.doc, path, yaml.at, false);
}

/** Checks that every type has a route: approval.authorities replaces the default map as a whole. */
function checkAuthorities(settings: Settings, faults: Faults): void {
  const authorities = settings.approval.authorities;
  if (!authorities || typeof authorities !== 'object' || '*' in authorities) return;
  const uncovered = DOCUMENT_TYPES.filter((t) => !(t in authorities));
  if (uncovered.length === 0) return;
  faults.add(
    ['approval', 'authorities'],
    `approval.authorities names no routes for ${uncovered.join(', ')}, so they could ` +
      `never be approved; add "*": [ppp] (or the routes they may use)`,
  );
}

/** Checks that a review date can be agreed: a maximum above zero, and defaults (of types too) no longer than it. */
function checkCycles(settings: Settings, faults: Faults): void {
  const { max_cycle: max, default_cycle: cycle } = settings.review;
  if (max && !max.workingDays && max.months === 0 && max.days === 0) {
    faults.add(
      ['review', 'max_cycle'],
      'review.max_cycle is zero, so no review date could ever be agreed; write it like 3 years',
    );
  }
  if (max && cycle && !max.workingDays && !cycle.workingDays && isLonger(cycle, max)) {
    faults.add(
      ['review', 'default_cycle'],
      `review.default_cycle (${cycle.text}) is longer than review.max_cycle (${max.text}); shorten it`,
    );
  }
  for (const [type, typeCycle] of Object.entries(settings.review.cycles)) {
    if (typeCycle.workingDays) continue;
    if (typeCycle.months === 0 && typeCycle.days === 0) {
      faults.add(
        ['review', 'cycles', type],
        `review.cycles.${type} is zero, so a review would fall due on the day of approval; write it like 1 year`,
      );
    } else if (max && !max.workingDays && isLonger(typeCycle, max)) {
      faults.add(
        ['review', 'cycles', type],
        `review.cycles.${type} (${typeCycle.text}) is longer than review.max_cycle (${max.text}); shorten it`,
      );
    }
  }
}

/** Checks that quorum and absence exemptions name roles the settings define. */
function checkRoles(settings: Settings, faults: Faults): void {
  const roles = new Set(settings.roles);
  settings.quorum.forEach((q, i) => {
    if (!roles.has(q.role))
      faults.add(
        ['quorum', String(i), 'role'],
        `quorum names the role "${q.role}", which is not in roles; add it to roles or correct it`,
      );
  });
  settings.absence_exempt_roles.forEach((r, i) => {
    if (!roles.has(r))
      faults.add(['absence_exempt_roles', String(i)], `absence_exempt_roles names "${r}", which is not in roles`);
  });
}

function sorted(faults: ConfigFault[]): ConfigFault[] {
  return faults.sort((a, b) => a.line - b.line || a.column - b.column);
}

function mergeDefaults(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...structuredClone(DEFAULTS), ...raw };
  for (const key of ['holidays', 'meetings', 'review', 'approval'] as const) {
    out[key] = { ...structuredClone(DEFAULTS[key]), ...((raw[key] as object | undefined) ?? {}) };
  }
  return out;
}

/** Returns the position of a path's value (or key), else of its nearest parent that exists. */
function positionOf(
  doc: Document,
  path: readonly string[],
  at: (offset: number) => Position,
  atKey: boolean,
): Position {
  if (atKey && path.length > 0) {
    const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === path[path.length - 1]);
      const key = pair?.key as Node | undefined;
      if (key?.range) return at(key.range[0]);
    }
  }
  for (let n = path.length; n > 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return at(node.range[0]);
  }
  return { line: 1, column: 1 };
}
