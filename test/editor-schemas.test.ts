/**
 * The JSON Schemas ppp ships for editors (templates/schema/editor/: ppp.yaml, members.yaml, actions.yaml and
 * attendance files, draft-07 for VS Code's YAML extension) accept every real file (the presets, the sample register,
 * the live example) and reject the typical mistakes, agreeing with ppp's own readers except where a schema says it is
 * stricter; they follow ppp's readers as those change. The task init writes turns ppp validate's text output into
 * exactly the problems of its JSON output, and the .vscode files are merged, never clobbered.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseActions } from '../src/core/actions.js';
import { parseAttendance } from '../src/core/attendance.js';
import { DOCUMENT_TYPES, ROUTES } from '../src/core/document.js';
import {
  EDITOR_SCHEMAS,
  mergeExtensions,
  mergeSettings,
  mergeTasks,
  validateTask,
  VALIDATE_TASK_LABEL,
  yamlSchemas,
} from '../src/core/editor-settings.js';
import { MEMBER_FIELDS, parseMembers } from '../src/core/members.js';
import { parseSettings, SETTINGS_SCHEMA } from '../src/core/ppp-yaml.js';
import { REGIONS } from '../src/core/settings.js';
import { MEMBERS, PRESET, ROOT, cleanup, doc, makeRegister, tempDir, validSet } from './helpers/register.js';
import { run } from './helpers/run.js';

afterAll(cleanup);

type Kind = 'ppp' | 'members' | 'actions' | 'attendance';
const EDITOR = join(ROOT, 'templates', 'schema', 'editor');
const readSchema = (kind: Kind) => JSON.parse(readFileSync(join(EDITOR, `${kind}.schema.json`), 'utf8')) as Schema;

/** ajv as VS Code's YAML extension reads a draft-07 schema, with the two keywords of its own that the schemas use. */
function compile(kind: Kind): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
  ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'defaultSnippets', schemaType: 'array' });
  return ajv.compile(readSchema(kind));
}
const validators = Object.fromEntries(
  (['ppp', 'members', 'actions', 'attendance'] as const).map((k) => [k, compile(k)]),
) as Record<Kind, ValidateFunction>;

/** Returns the schema's verdict on a YAML text, read as the YAML extension reads it (YAML 1.2). */
function schemaAccepts(kind: Kind, text: string): boolean {
  return validators[kind](parse(text));
}

const settings = (() => {
  const parsed = parseSettings(PRESET);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.faults));
  return parsed.settings;
})();
const members = new Map(parseMembers(MEMBERS, settings.roles).members.map((m) => [m.id, m]));

/** Returns ppp's own verdict on a file of a kind, as ppp validate (or any command, for ppp.yaml) gives it. */
function pppAccepts(kind: Kind, text: string): boolean {
  if (kind === 'ppp') return parseSettings(text).ok;
  if (kind === 'members') return parseMembers(text, settings.roles).problems.length === 0;
  if (kind === 'actions') return parseActions(text, members).problems.length === 0;
  return parseAttendance('meetings/2027-01-12/attendance.yaml', text, members).problems.length === 0;
}

/** Returns the kind of a register file by its name, or undefined for files no schema describes. */
function kindOf(path: string): Kind | undefined {
  if (/(^|\/)(\w[\w-]*\.)?members\.yaml$/.test(path)) return 'members';
  if (/(^|\/)actions\.yaml$/.test(path)) return 'actions';
  if (/(^|\/)meetings\/[^/]+\/attendance\.yaml$/.test(path)) return 'attendance';
  if (/(^|\/)ppp\.yaml$/.test(path) || /^presets\/[\w-]+\.yaml$/.test(path)) return 'ppp';
  return undefined;
}

describe('the shipped schemas', () => {
  it('are one draft-07 schema for each file yaml.schemas names, shipped with the package', () => {
    expect(readdirSync(EDITOR).sort()).toEqual(EDITOR_SCHEMAS.map((s) => s.file).sort());
    for (const s of EDITOR_SCHEMAS) {
      const schema = JSON.parse(readFileSync(join(EDITOR, s.file), 'utf8')) as Schema;
      expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
      // Each says that ppp validate stays the judge.
      expect(schema.description).toContain('ppp validate');
    }
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('templates');
  });

  it('accept the presets and every file of the sample register', () => {
    const files = [
      ...readdirSync(join(ROOT, 'presets')).map((f) => `presets/${f}`),
      'register/ppp.yaml',
      'register/members.yaml',
      'register/actions.yaml',
      ...readdirSync(join(ROOT, 'register/meetings')).map((d) => `register/meetings/${d}/attendance.yaml`),
    ];
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const file of files) {
      const kind = kindOf(file)!;
      const text = readFileSync(join(ROOT, file), 'utf8');
      expect(schemaAccepts(kind, text), `${file}: ${JSON.stringify(validators[kind].errors)}`).toBe(true);
    }
  });

  describe('on the files ppp init --example writes', () => {
    let dir: string;
    beforeAll(async () => {
      dir = join(tempDir(), 'example');
      const made = await run(['init', dir, '--example']);
      expect(made.code, made.stderr).toBe(0);
    });

    it('accept each of them', () => {
      const files = ['ppp.yaml', 'members.yaml', 'actions.yaml'];
      for (const d of readdirSync(join(dir, 'meetings')))
        if (/^\d{4}-\d{2}-\d{2}$/.test(d)) files.push(`meetings/${d}/attendance.yaml`);
      expect(files.length).toBeGreaterThanOrEqual(6);
      for (const file of files) {
        const kind = kindOf(file)!;
        const text = readFileSync(join(dir, file), 'utf8');
        expect(schemaAccepts(kind, text), `${file}: ${JSON.stringify(validators[kind].errors)}`).toBe(true);
      }
    });
  });
});

/** A mistake or a near miss: the file's kind, its text, and whether ppp itself accepts it. */
const CASES: [name: string, kind: Kind, text: string, schema: boolean, ppp: boolean][] = [
  // ppp.yaml
  ['ppp.yaml: an unknown top-level key', 'ppp', `${PRESET}submision_deadline: 10 working days\n`, false, false],
  [
    'ppp.yaml: a misspelt meetings setting',
    'ppp',
    PRESET.replace('submission_deadline', 'submision_deadline'),
    false,
    false,
  ],
  ['ppp.yaml: group missing', 'ppp', PRESET.replace(/^group:.*$/m, ''), false, false],
  ['ppp.yaml: a UK date in holidays.add', 'ppp', PRESET.replace('add: []', 'add: [25/12/2027]'), false, false],
  [
    'ppp.yaml: meetings.start without leading zeros',
    'ppp',
    PRESET.replace('  add: []  ', '  start: 2027-1-5\n  add: []  '),
    false,
    false,
  ],
  ['ppp.yaml: id_prefix in small letters', 'ppp', PRESET.replace('id_prefix: CS', 'id_prefix: cs'), false, false],
  [
    'ppp.yaml: a review period in working days',
    'ppp',
    PRESET.replace('max_cycle: 3 years', 'max_cycle: 60 working days'),
    false,
    false,
  ],
  [
    'ppp.yaml: a misspelt type in review.cycles',
    'ppp',
    PRESET.replace('framework: 1 year', 'framwork: 1 year'),
    false,
    false,
  ],
  ['ppp.yaml: an unknown route', 'ppp', PRESET.replace('policy: [cabinet]', 'policy: [council]'), false, false],
  ['ppp.yaml: a 12-hour meeting time', 'ppp', PRESET.replace('time: "10:00"', 'time: 10am'), false, false],
  [
    'ppp.yaml: a period that is not one',
    'ppp',
    PRESET.replace('due_soon: 90 days', 'due_soon: three months'),
    false,
    false,
  ],
  // Stricter than ppp, which reads periods in any capitals.
  ['ppp.yaml: a period in capitals', 'ppp', PRESET.replace('due_soon: 90 days', 'due_soon: 90 DAYS'), false, true],
  [
    'ppp.yaml (near miss): ISO periods and a length in minutes',
    'ppp',
    PRESET.replace('max_cycle: 3 years', 'max_cycle: P3Y').replace('duration: 2 hours', 'duration: 90 minutes'),
    true,
    true,
  ],
  ['ppp.yaml (near miss): the fewest settings', 'ppp', 'group: PPP\nid_prefix: CS\n', true, true],
  // members.yaml
  ['members.yaml: a member without an id', 'members', 'members:\n  - { name: Sam Jones, role: chair }\n', false, false],
  [
    'members.yaml: an id in capitals',
    'members',
    'members:\n  - { id: HQA, name: Sam Jones, role: chair }\n',
    false,
    false,
  ],
  [
    'members.yaml: an unknown field',
    'members',
    'members:\n  - { id: hqa, name: Sam Jones, role: chair, phone: "0123" }\n',
    false,
    false,
  ],
  [
    'members.yaml: voting: yes (text in YAML 1.2)',
    'members',
    'members:\n  - { id: hqa, name: Sam Jones, role: chair, voting: yes }\n',
    false,
    false,
  ],
  ['members.yaml: a blank name', 'members', 'members:\n  - { id: hqa, name: " ", role: chair }\n', false, false],
  [
    'members.yaml: a tab in a title',
    'members',
    'members:\n  - { id: hqa, name: Sam, role: chair, title: "Head\\tof QA" }\n',
    false,
    false,
  ],
  [
    'members.yaml: member: for members:',
    'members',
    'member:\n  - { id: hqa, name: Sam Jones, role: chair }\n',
    false,
    false,
  ],
  // Stricter than ppp, which reads members: and nothing else.
  ['members.yaml: an extra top-level key', 'members', `${MEMBERS}chair: hqa\n`, false, true],
  [
    'members.yaml (near miss): title null, voting false',
    'members',
    'members:\n  - { id: hqa, name: Sam, role: chair, title: null, voting: false }\n',
    true,
    true,
  ],
  // actions.yaml
  ['actions.yaml: a UK due date', 'actions', action({ due: '01/12/2026' }), false, false],
  ['actions.yaml: a timestamp', 'actions', action({ raised: '2026-11-10T10:00:00' }), false, false],
  ['actions.yaml: an id without its leading zero', 'actions', action({ id: 'A-2026-1-01' }), false, false],
  ['actions.yaml: no owner', 'actions', action({ owner: undefined }), false, false],
  ['actions.yaml: a mapping, not a list', 'actions', 'A-2026-11-01: Brief the teams\n', false, false],
  // Stricter than ppp, which ignores the misspelt field and leaves the action open.
  [
    'actions.yaml: done-on for done_on',
    'actions',
    action({ done_on: undefined, 'done-on': '2026-12-01' }),
    false,
    true,
  ],
  [
    'actions.yaml (near miss): done, and no done_on while open',
    'actions',
    action({ done_on: '2026-11-30' }) + action({ id: 'A-2026-11-02', done_on: undefined }),
    true,
    true,
  ],
  ['actions.yaml (near miss): an empty file', 'actions', '# no actions yet\n', true, true],
  // attendance.yaml
  ['attendance.yaml: an unknown key', 'attendance', 'present: [chair]\napologise: [hqa]\n', false, false],
  ['attendance.yaml: present: not a list', 'attendance', 'present: chair\n', false, false],
  [
    'attendance.yaml: an apology without its member',
    'attendance',
    'apologies:\n  - { delegate: Jo Smith }\n',
    false,
    false,
  ],
  // Stricter than ppp, which ignores the misspelt delegate: the member then counts as absent without one.
  [
    'attendance.yaml: delagate for delegate',
    'attendance',
    'apologies:\n  - { member: qa-1, delagate: Jo Smith }\n',
    false,
    true,
  ],
  [
    'attendance.yaml (near miss): bare ids, null lists, a null delegate',
    'attendance',
    'present: [chair, hqa]\napologies:\n  - qa-1\n  - { member: qa-2, delegate: null }\nabsent:\n',
    true,
    true,
  ],
];

/** One action as actions.yaml holds it; a field given as undefined is left out. */
function action(fields: Record<string, string | undefined> = {}): string {
  const all: Record<string, string | undefined> = {
    id: 'A-2026-11-01',
    text: 'Brief the duty teams',
    owner: 'hqa',
    raised: '2026-11-10',
    due: '2026-12-01',
    done_on: 'null',
    ...fields,
  };
  const lines = Object.entries(all).flatMap(([k, v]) => (v === undefined ? [] : [`${k}: ${v}`]));
  return `- ${lines.join('\n  ')}\n`;
}

describe('typical mistakes', () => {
  it.each(CASES)('%s', (_name, kind, text, schema, ppp) => {
    expect(schemaAccepts(kind, text), JSON.stringify(validators[kind].errors)).toBe(schema);
    expect(pppAccepts(kind, text)).toBe(ppp);
  });

  it('where a schema is stricter than ppp, its description says so', () => {
    for (const [, kind, , schema, ppp] of CASES) {
      if (schema === ppp) continue;
      expect(readSchema(kind).description, kind).toMatch(/Stricter than ppp/);
    }
  });

  it('a wrong date says how to write one (patternErrorMessage, shown by VS Code)', () => {
    expect(schemaAccepts('actions', action({ due: '01/12/2026' }))).toBe(false);
    const error = validators.actions.errors!.find((e) => e.instancePath === '/0/due')!;
    expect(error.parentSchema?.patternErrorMessage).toContain('YYYY-MM-DD');
  });
});

interface Schema {
  $schema?: string;
  description?: string;
  $ref?: string;
  type?: unknown;
  enum?: unknown[];
  pattern?: string;
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  propertyNames?: Schema;
  items?: Schema;
  definitions?: Record<string, Schema>;
}

describe('the schemas follow ppp as it changes', () => {
  const editor = readSchema('ppp');
  const deref = (node: Schema): Schema =>
    node.$ref
      ? { ...deref(editor.definitions![node.$ref.replace('#/definitions/', '')]!), ...node, $ref: undefined }
      : node;

  /** Walks ppp's own ppp.yaml schema and the editor's side by side: the same names, enums, patterns and closures. */
  function compare(ppp: Schema, ed: Schema, path: string): void {
    const e = deref(ed);
    if (ppp.properties) {
      expect(Object.keys(e.properties ?? {}).sort(), path).toEqual(Object.keys(ppp.properties).sort());
      for (const [k, v] of Object.entries(ppp.properties)) compare(v, e.properties![k]!, `${path}.${k}`);
    }
    if (ppp.required) expect(e.required, path).toEqual(ppp.required);
    if (ppp.additionalProperties === false) expect(e.additionalProperties, path).toBe(false);
    if (typeof ppp.additionalProperties === 'object')
      compare(ppp.additionalProperties, e.additionalProperties as Schema, `${path}.*`);
    if (ppp.enum) expect(deref(e).enum, path).toEqual(ppp.enum);
    if (ppp.propertyNames?.enum) expect(e.propertyNames?.enum, path).toEqual(ppp.propertyNames.enum);
    if (ppp.pattern) expect(e.pattern, path).toBe(ppp.pattern);
    if (ppp.items) compare(ppp.items, e.items!, `${path}[]`);
  }

  it("ppp.schema.json has exactly the settings of ppp's reader, with its enums and patterns", () => {
    compare(SETTINGS_SCHEMA as unknown as Schema, editor, 'ppp.yaml');
    expect(deref(editor.definitions!.route!).enum).toEqual([...ROUTES]);
    expect(editor.properties!.review!.properties!.cycles!.propertyNames!.enum).toEqual([...DOCUMENT_TYPES]);
    expect(editor.properties!.holidays!.properties!.region!.enum).toEqual([...REGIONS]);
  });

  it("members.schema.json has exactly the member fields of ppp's reader", () => {
    const member = readSchema('members').definitions!.member!;
    expect(Object.keys(member.properties!).sort()).toEqual([...MEMBER_FIELDS].sort());
  });
});

describe('the editor settings init writes', () => {
  it('map each schema copied into .ppp/schema/ to its files', () => {
    expect(yamlSchemas()).toEqual({
      '.ppp/schema/ppp.schema.json': ['ppp.yaml'],
      '.ppp/schema/members.schema.json': ['members.yaml'],
      '.ppp/schema/actions.schema.json': ['actions.yaml'],
      '.ppp/schema/attendance.schema.json': ['meetings/*/attendance.yaml'],
    });
  });

  it('settings.json: other settings and other schemas are kept, its tab indent too', () => {
    const mine = '{\n\t"editor.tabSize": 4,\n\t"yaml.schemas": { "my.json": "x.yaml" }\n}\n';
    const merged = mergeSettings(mine);
    expect(merged.ok && merged.changed).toBe(true);
    if (!merged.ok) return;
    expect(JSON.parse(merged.text)).toEqual({
      'editor.tabSize': 4,
      'yaml.schemas': { 'my.json': 'x.yaml', ...yamlSchemas() },
    });
    expect(merged.text).toMatch(/^\{\n\t"editor\.tabSize": 4,\n/);
    // Once merged, merging again changes nothing.
    expect(mergeSettings(merged.text)).toEqual({ ok: true, text: merged.text, changed: false });
  });

  it.each([
    ['comments', '{\n  // mine\n  "editor.tabSize": 4\n}\n', 'line 2, column 3'],
    ['a trailing comma', '{ "editor.tabSize": 4, }', 'not plain JSON'],
    ['a list', '[]', 'not a JSON object'],
    ['yaml.schemas that is a list', '{ "yaml.schemas": [] }', '"yaml.schemas" is not an object'],
  ])('settings.json with %s is refused, with what to add by hand', (_what, text, reason) => {
    const merged = mergeSettings(text);
    expect(merged.ok).toBe(false);
    if (merged.ok) return;
    expect(merged.reason).toContain(reason);
    expect(merged.addByHand).toContain('"yaml.schemas": {".ppp/schema/ppp.schema.json":["ppp.yaml"]');
  });

  it('extensions.json: the YAML extension recommended once, others kept', () => {
    const merged = mergeExtensions('{ "recommendations": ["esbenp.prettier-vscode"] }');
    expect(merged.ok && JSON.parse(merged.text)).toEqual({
      recommendations: ['esbenp.prettier-vscode', 'redhat.vscode-yaml'],
    });
    const again = mergeExtensions('{ "recommendations": ["Redhat.vscode-yaml"] }');
    expect(again.ok && again.changed).toBe(false);
  });

  it("tasks.json: ppp's task added beside the council's; a task of its label is theirs and kept", () => {
    const theirs = { label: 'build', type: 'shell', command: 'make', group: { kind: 'build', isDefault: true } };
    const merged = mergeTasks(JSON.stringify({ version: '2.0.0', tasks: [theirs] }));
    expect(merged.ok).toBe(true);
    if (!merged.ok) return;
    const tasks = (JSON.parse(merged.text) as { tasks: Record<string, unknown>[] }).tasks;
    expect(tasks[0]).toEqual(theirs);
    // Their default build task stays the default.
    expect(tasks[1]).toEqual(validateTask(false));
    const own = JSON.stringify({
      version: '2.0.0',
      tasks: [{ label: VALIDATE_TASK_LABEL, command: 'npx ppp validate' }],
    });
    expect(mergeTasks(own)).toEqual({ ok: true, text: own, changed: false });
  });
});

describe("the task's problem matcher", () => {
  interface Pattern {
    regexp: string;
    file?: number;
    line?: number;
    column?: number;
    severity?: number;
    message?: number;
    code?: number;
    loop?: boolean;
  }

  /** Returns the problems VS Code finds in output with a two-line matcher (a file line, then a loop of problems). */
  function match(output: string, patterns: Pattern[]) {
    const [fileLine, problemLine] = patterns.map((p) => ({ ...p, re: new RegExp(p.regexp) }));
    const found: Record<string, unknown>[] = [];
    let file: string | undefined;
    for (const line of output.split('\n')) {
      const m = file !== undefined ? problemLine!.re.exec(line) : null;
      if (m) {
        found.push({
          file,
          line: Number(m[problemLine!.line!]),
          column: Number(m[problemLine!.column!]),
          severity: m[problemLine!.severity!],
          message: m[problemLine!.message!],
          rule: m[problemLine!.code!],
        });
        continue;
      }
      file = fileLine!.re.exec(line)?.[fileLine!.file!];
    }
    return found;
  }

  it('finds in ppp validate text output every problem of its JSON output, file, place, message and rule', async () => {
    const set = validSet();
    set['documents/forms/CS-FRM-0002-broken.md'] = doc(
      'id: CS-FRM-0002\ntitle: "Broken: a form"\ntype: form\nstatus: drafting\nversion: "0.1"\nowner: nobody\n' +
        'governed_by: [CS-PRO-0009]\nreview: { due: 01/02/2027 }\nsurprise: "two  spaces"\n',
      '\n# Broken\n',
    );
    set['documents/procedures/CS-PRO-0001-missing.md'] = set['documents/procedures/CS-PRO-0001-missing.md']!.replace(
      'due: 2027-03-11',
      'due: 2027-04-11',
    );
    const dir = makeRegister(set);
    const init = await run(['init', '--editor'], { cwd: dir });
    expect(init.code, init.stderr).toBe(0);
    const tasks = JSON.parse(readFileSync(join(dir, '.vscode/tasks.json'), 'utf8')) as {
      tasks: { label: string; command: string; args: string[]; problemMatcher: { pattern: Pattern[] } }[];
    };
    const task = tasks.tasks.find((t) => t.label === VALIDATE_TASK_LABEL)!;
    expect([task.command, ...task.args]).toEqual(['ppp', 'validate']);
    const text = await run(['validate'], { cwd: dir, env: { FORCE_COLOR: '0', NO_COLOR: '1' } });
    const json = await run(['validate', '--format', 'json'], { cwd: dir });
    const problems = (JSON.parse(json.stdout) as { problems: Record<string, unknown>[] }).problems;
    expect(problems.length).toBeGreaterThanOrEqual(5);
    expect(new Set(problems.map((p) => p.severity))).toEqual(new Set(['error', 'warning']));
    expect(match(text.stdout, task.problemMatcher.pattern)).toEqual(problems);
  });
});
