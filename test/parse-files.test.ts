/**
 * The register's own files and the reading of documents: actions.yaml, members.yaml, a
 * meeting's attendance.yaml, and a document listed but not readable. Each rule has invalid
 * cases (rule, line, column, a fragment of the message) and valid near misses, each one step
 * from its rule; actions/* and file/unreadable are also checked through ppp validate.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseActions } from '../src/core/actions.js';
import { parseAttendance } from '../src/core/attendance.js';
import { makeContext } from '../src/core/context.js';
import { parseMembers } from '../src/core/members.js';
import type { Problem } from '../src/core/problem.js';
import { rate } from '../src/rules/index.js';
import { compileSchemas } from '../src/core/schema.js';
import { parseSettings } from '../src/core/ppp-yaml.js';
import { parseRules } from '../src/rules/parse-rules.js';
import { checkJob } from '../src/io/check-job.js';
import { listDocuments } from '../src/io/fs.js';
import { readSchemas, readTemplates } from '../src/io/register-files.js';
import { run } from './helpers/run.js';
import { MEMBERS, PRESET, ROOT, cleanup, doc, fullBody, makeRegister, tempDir, validSet } from './helpers/register.js';

afterAll(cleanup);

const parsed = parseSettings(PRESET);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.faults));
const settings = parsed.settings;
const members = new Map(parseMembers(MEMBERS, settings.roles).members.map((m) => [m.id, m]));

/** One action written as actions.yaml writes it; a field given as undefined is left out. */
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

const ATTENDANCE = 'meetings/2027-01-12/attendance.yaml';
const member = (id: string, role: string, more = '') => `  - { id: ${id}, name: Someone, role: ${role}${more} }\n`;

interface FileCase {
  rule: string;
  /** What brings it close to the rule (near misses), or what is wrong (invalid cases). */
  name: string;
  text: string;
  /** Where the rule reports, and a fragment of its message. */
  line: number;
  column: number;
  message: string;
}

interface FileNearMiss extends FileCase {
  /** The text after the one step that breaks the rule; it reports at line and column. */
  broken: string;
}

// Rated by the rule registry, as the readers in src/io rate them.
const parsers: Record<string, (text: string) => Problem[]> = {
  actions: (text) => parseActions(text, members).problems.map(rate),
  members: (text) => parseMembers(text, settings.roles).problems.map(rate),
  attendance: (text) => parseAttendance(ATTENDANCE, text, members).problems.map(rate),
};
const parserOf = (rule: string) => parsers[rule.split('/')[0]!]!;

const invalid: FileCase[] = [
  {
    rule: 'actions/invalid',
    name: 'a mapping, not a list',
    text: 'id: A-2026-11-01\n',
    line: 1,
    column: 1,
    message: 'must be a list of actions',
  },
  {
    rule: 'actions/invalid',
    name: 'an action that is a line of text',
    text: action() + '- Brief the duty teams\n',
    line: 7,
    column: 3,
    message: 'each action is { id, text',
  },
  {
    rule: 'actions/invalid',
    name: 'an action without an id',
    text: action({ id: undefined }),
    line: 1,
    column: 3,
    message: 'must be written like A-2026-11-01',
  },
  {
    rule: 'actions/invalid',
    name: 'an id with one digit',
    text: action({ id: 'A-2026-11-1' }),
    line: 1,
    column: 7,
    message: '"A-2026-11-1" must be written like A-2026-11-01',
  },
  {
    rule: 'actions/invalid',
    name: 'text of spaces',
    text: action({ text: '"  "' }),
    line: 2,
    column: 9,
    message: 'has no text',
  },
  {
    rule: 'actions/invalid',
    name: 'no owner',
    text: action({ owner: undefined }),
    line: 1,
    column: 3,
    message: 'has no owner',
  },
  {
    rule: 'actions/invalid',
    name: 'raised on a day that does not exist',
    text: action({ raised: '2026-11-31' }),
    line: 4,
    column: 11,
    message: 'November 2026 has 30 days',
  },
  {
    rule: 'actions/invalid',
    name: 'no due date',
    text: action({ due: undefined }),
    line: 1,
    column: 3,
    message: 'due: must be a date',
  },
  {
    rule: 'actions/invalid',
    name: 'done_on yes',
    text: action({ done_on: 'yes' }),
    line: 6,
    column: 12,
    message: 'or null while open',
  },
  { rule: 'actions/invalid', name: 'not YAML', text: '- [\n', line: 2, column: 1, message: 'not valid YAML' },
  {
    rule: 'actions/duplicate-id',
    name: 'the same id twice',
    text: action() + action({ text: 'Another' }),
    line: 7,
    column: 7,
    message: 'A-2026-11-01 is used twice',
  },
  {
    rule: 'actions/unknown-owner',
    name: 'an owner who is not a member',
    text: action({ owner: 'hqb' }),
    line: 3,
    column: 10,
    message: 'owner "hqb" is not a member',
  },
];

const nearMisses: FileNearMiss[] = [
  // actions.yaml
  {
    rule: 'actions/invalid',
    name: 'done_on: null while open',
    text: action(),
    broken: action({ done_on: 'nul' }),
    line: 6,
    column: 12,
    message: 'done_on: "nul"',
  },
  {
    rule: 'actions/invalid',
    name: 'done_on left out',
    text: action({ done_on: undefined }),
    broken: action({ done_on: '2026-11-31' }),
    line: 6,
    column: 12,
    message: 'November 2026 has 30 days',
  },
  {
    rule: 'actions/invalid',
    name: 'done_on ~, the other null',
    text: action({ done_on: '~' }),
    broken: action({ done_on: '"~"' }),
    line: 6,
    column: 12,
    message: 'done_on:',
  },
  {
    rule: 'actions/invalid',
    name: 'an id with a three-digit number',
    text: action({ id: 'A-2026-11-100' }),
    broken: action({ id: 'A-2026-1-100' }),
    line: 1,
    column: 7,
    message: 'must be written like A-2026-11-01',
  },
  {
    rule: 'actions/invalid',
    name: 'comments, blank lines and quoted dates',
    text:
      `# The action ` +
      `tracker.\n\n${action({ raised: '"2026-11-10"', due: "'2026-12-01' # before the meeting" })}\n# end\n`,
    broken:
      `# The action ` +
      `tracker.\n\n${action({ raised: '"2026/11/10"', due: "'2026-12-01' # before the meeting" })}\n# end\n`,
    line: 6,
    column: 11,
    message: 'raised:',
  },
  {
    rule: 'actions/invalid',
    name: 'a file of comments alone: no actions yet',
    text: '# No actions yet.\n# - id: A-2026-11-01\n',
    broken: '# No actions yet.\nid: A-2026-11-01\n',
    line: 2,
    column: 1,
    message: 'must be a list of actions',
  },
  {
    rule: 'actions/invalid',
    name: 'an empty list',
    text: '[]\n',
    broken: '{}\n',
    line: 1,
    column: 1,
    message: 'must be a list of actions',
  },
  {
    rule: 'actions/invalid',
    name: 'a colon inside quoted text',
    text: action({ text: '"Brief: the duty teams"' }),
    broken: action({ text: 'Brief: the duty teams' }),
    line: 2,
    column: 9,
    message: 'not valid YAML',
  },
  {
    rule: 'actions/invalid',
    name: 'an action written as a flow map',
    text: '- { id: A-2026-11-01, text: Brief, owner: hqa, raised: 2026-11-10, due: 2026-12-01, done_on: null }\n',
    broken: '- { id: A-2026-11-01, text: Brief, owner: hqa, raised: 2026-11-10, due: 2026-12-01, done_on: null\n',
    line: 2,
    column: 1,
    message: 'not valid YAML',
  },
  {
    rule: 'actions/duplicate-id',
    name: 'the same number in two months',
    text: action({ id: 'A-2026-10-01' }) + action(),
    broken: action() + action(),
    line: 7,
    column: 7,
    message: 'A-2026-11-01 is used twice',
  },
  {
    rule: 'actions/duplicate-id',
    name: 'numbers 01 and 010',
    text: action() + action({ id: 'A-2026-11-010' }),
    broken: action() + action({ id: 'A-2026-11-01' }),
    line: 7,
    column: 7,
    message: 'is used twice',
  },
  {
    rule: 'actions/unknown-owner',
    name: 'a member id with a hyphen and digit',
    text: action({ owner: 'hos-1' }),
    broken: action({ owner: 'hos-3' }),
    line: 3,
    column: 10,
    message: 'owner "hos-3" is not a member',
  },
  {
    rule: 'actions/unknown-owner',
    name: 'a member whose id is also a role (chair)',
    text: action({ owner: 'chair' }),
    broken: action({ owner: 'qa-manager' }),
    line: 3,
    column: 10,
    message: 'owner "qa-manager"',
  },
  // members.yaml
  {
    rule: 'members/invalid',
    name: 'an empty list of members',
    text: 'members: []\n',
    broken: 'members:\n',
    line: 1,
    column: 1,
    message: 'must have a list "members:"',
  },
  {
    rule: 'members/invalid',
    name: 'voting: false',
    text: `members:\n${member('chair', 'chair', ', voting: false')}`,
    broken: `members:\n${member('chair', 'chair', ', voting: "false"')}`,
    line: 2,
    column: 54,
    message: 'true or false',
  },
  {
    rule: 'members/invalid',
    name: 'an id of digits in quotes',
    text: `members:\n${member('"007"', 'chair')}`,
    broken: `members:\n${member('007', 'chair')}`,
    line: 2,
    column: 11,
    message: 'member id is 7;',
  },
  {
    rule: 'members/invalid',
    name: 'email: null',
    text: `members:\n${member('chair', 'chair', ', email: null')}`,
    broken: `members:\n${member('chair', 'chair', ', email: [chair@example.org]')}`,
    line: 2,
    column: 53,
    message: 'email must be text',
  },
  {
    rule: 'members/invalid',
    name: 'an anchor that no alias uses',
    text: `members:\n  - &c { id: chair, name: Someone, role: chair }\n`,
    broken: `members:\n  - &c { id: chair, name: Someone, role: chair }\n  - *c\n`,
    line: 3,
    column: 5,
    message: 'the alias *c is not allowed',
  },
  {
    rule: 'members/invalid',
    name: 'the text !!str inside a quoted name',
    text: `members:\n  - { id: chair, name: "!!str Ann", role: chair }\n`,
    broken: `members:\n  - { id: chair, name: !!str Ann, role: chair }\n`,
    line: 2,
    column: 30,
    message: 'the YAML tag',
  },
  {
    rule: 'members/invalid',
    name: 'a role in quotes, after a byte order mark',
    text: `\ufeffmembers:\n${member('chair', '"chair"')}`,
    broken: `\ufeffmembers:\n${member('chair', '[chair]')}`,
    line: 2,
    column: 39,
    message: 'has a role that is not a single word',
  },
  {
    rule: 'members/duplicate-id',
    name: 'hos-1 and hos-10',
    text: `members:\n${member('hos-1', 'head-of-service')}${member('hos-10', 'head-of-service')}`,
    broken: `members:\n${member('hos-1', 'head-of-service')}${member('hos-1', 'head-of-service')}`,
    line: 3,
    column: 11,
    message: '"hos-1" is used twice (first on line 2)',
  },
  {
    rule: 'members/unknown-role',
    name: 'a role of ppp.yaml that no preset member has',
    text: `members:\n${member('ops', 'operations-manager')}`,
    broken: `members:\n${member('ops', 'operations-managers')}`,
    line: 2,
    column: 37,
    message: 'role "operations-managers" is not one of the roles',
  },
  {
    rule: 'members/control-character',
    name: 'a newline escape in a quoted name',
    text: `members:\n  - { id: chair, name: "Ann \\\\n Lee", role: chair }\n`,
    broken: `members:\n  - { id: chair, name: "Ann \\n Lee", role: chair }\n`,
    line: 2,
    column: 24,
    message: 'name holds a control character (\\n)',
  },
  {
    rule: 'members/control-character',
    name: 'a name with accents, an apostrophe and a non-Latin script',
    text: `members:\n  - { id: chair, name: "Siân O'Brien-Ηλίας", role: chair }\n`,
    broken: `members:\n  - { id: chair, name: "Siân O'Brien-Ηλίας\\u202e", role: chair }\n`,
    line: 2,
    column: 24,
    message: 'holds a control character (\\u202e)',
  },
  {
    rule: 'members/email',
    name: 'an e-mail address with a name and brackets round it',
    text: `members:\n  - { id: chair, name: Ann Lee, role: chair, email: ann.lee@council.gov.uk }\n`,
    broken: `members:\n  - { id: chair, name: Ann Lee, role: chair, email: "Ann Lee <ann.lee@council.gov.uk>" }\n`,
    line: 2,
    column: 53,
    message: 'is not an e-mail address; write it like jo.bloggs@council.gov.uk',
  },
  // attendance.yaml
  {
    rule: 'attendance/invalid',
    name: 'empty lists, and a list left empty',
    text: 'present: [chair]\napologies: []\nabsent:\n',
    broken: 'present: [chair]\napologies: []\nabsent: hqa\n',
    line: 3,
    column: 9,
    message: 'absent must be a list',
  },
  {
    rule: 'attendance/invalid',
    name: 'delegate: null',
    text: 'apologies:\n  - { member: psw, delegate: null }\n',
    broken: 'apologies:\n  - { member: psw, delegate: 3 }\n',
    line: 2,
    column: 5,
    message: 'delegate must be a name or null',
  },
  {
    rule: 'attendance/unknown-member',
    name: 'a delegate who is not a member',
    text: 'apologies:\n  - { member: lead-send, delegate: Jamie Deputy }\n',
    broken: 'apologies:\n  - { member: Jamie Deputy }\n',
    line: 2,
    column: 15,
    message: '"Jamie Deputy", who is not a member',
  },
  {
    rule: 'attendance/duplicate',
    name: 'a member present who is also named as a delegate',
    text: 'present: [hos-2]\napologies:\n  - { member: hos-1, delegate: hos-2 }\n',
    broken: 'present: [hos-2]\napologies:\n  - { member: hos-2, delegate: hos-1 }\n',
    line: 3,
    column: 15,
    message: '"hos-2" is recorded twice (in present and apologies)',
  },
];

describe.each(invalid)('$rule: $name', (c) => {
  it(`is found at ${c.line}:${c.column}`, () => {
    const problems = parserOf(c.rule)(c.text);
    const found = problems.filter((p) => p.rule === c.rule);
    expect(found, JSON.stringify(problems, null, 1)).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: c.line, column: c.column, severity: 'error' });
    expect(found[0]!.message).toContain(c.message);
  });
});

describe.each(nearMisses)('$rule, valid: $name', (c) => {
  it('has no problem', () => {
    expect(parserOf(c.rule)(c.text)).toEqual([]);
  });

  it(`is one step from ${c.rule} at ${c.line}:${c.column}`, () => {
    const problems = parserOf(c.rule)(c.broken);
    const found = problems.find((p) => p.rule === c.rule);
    expect(found, JSON.stringify(problems, null, 1)).toMatchObject({
      line: c.line,
      column: c.column,
      severity: 'error',
    });
    expect(found!.message).toContain(c.message);
  });
});

it('every actions, members and attendance rule has invalid cases and valid near misses', () => {
  const ids = parseRules.map((r) => r.id).filter((id) => /^(actions|members|attendance)\//.test(id));
  expect(ids.filter((id) => !nearMisses.some((c) => c.rule === id))).toEqual([]);
  expect(
    ids.filter(
      (id) => !invalid.some((c) => c.rule === id) && !id.startsWith('members/') && !id.startsWith('attendance/'),
    ),
  ).toEqual([]);
});

it('parseActions keeps the actions it can read, with done_on null while open', () => {
  const r = parseActions(
    action() +
      action({ id: 'A-2026-11-100', owner: 'chair', done_on: undefined }) +
      action({ id: 'A-2026-11-02', done_on: '2026-11-20' }) +
      action({ owner: 'hqb' }),
    members,
  );
  expect(r.actions.map((a) => [a.id, a.owner, a.done_on])).toEqual([
    ['A-2026-11-01', 'hqa', null],
    ['A-2026-11-100', 'chair', null],
    ['A-2026-11-02', 'hqa', '2026-11-20'],
  ]);
  expect(r.problems.map((p) => [p.rule, p.line])).toEqual([
    ['actions/duplicate-id', 18],
    ['actions/unknown-owner', 20],
  ]);
});

// file/unreadable: a file that was listed and then could not be read.
const context = () => {
  const templates = readTemplates(join(ROOT, 'no-such-register'));
  return makeContext({ settings, templates, schemas: readSchemas().sources }, compileSchemas);
};
const GUIDE = doc(
  'id: CS-GDL-0001\ntitle: Notes\ntype: guideline\nstatus: drafting\nversion: "0.1"\nowner: qa-1\n',
  fullBody('guideline'),
);

/** Returns a Unix socket listening at path: a name in the folder that open() refuses (ENXIO). */
async function listen(path: string): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, resolve);
  });
  return server;
}

describe('file/unreadable', () => {
  it('a file that goes between listing and reading', () => {
    const root = makeRegister({ 'documents/guidelines/CS-GDL-0001-notes.md': GUIDE });
    const [listed] = listDocuments(root);
    expect(listed).toMatchObject({ rel: 'documents/guidelines/CS-GDL-0001-notes.md', outside: false });
    // Near miss: read while it is there, it has no problem.
    expect(checkJob(listed!, context).problems).toEqual([]);
    rmSync(listed!.abs);
    const record = checkJob(listed!, context);
    expect(record).toMatchObject({ file: 'documents/guidelines/CS-GDL-0001-notes.md', data: null, hash: '' });
    expect(record.problems).toHaveLength(1);
    expect(record.problems[0]).toMatchObject({
      file: 'documents/guidelines/CS-GDL-0001-notes.md',
      rule: 'file/unreadable',
      severity: 'error',
      line: 1,
      column: 1,
    });
    expect(record.problems[0]!.message).toContain('the file cannot be read: ENOENT');
  });

  it('a file replaced by a folder between listing and reading', () => {
    const root = makeRegister({ 'documents/guidelines/CS-GDL-0001-notes.md': GUIDE });
    const [listed] = listDocuments(root);
    rmSync(listed!.abs);
    mkdirSync(listed!.abs);
    const record = checkJob(listed!, context);
    expect(record.problems).toMatchObject([
      { file: 'documents/guidelines/CS-GDL-0001-notes.md', rule: 'file/unreadable', line: 1, column: 1 },
    ]);
    expect(record.problems[0]!.message).toContain('EISDIR');
  });

  it.each([
    ['a link, inside the register, to a named pipe', '../../pipe'],
    ['a named pipe itself', undefined],
  ])('%s: listed as not a regular file and never opened, so nothing waits for a writer', async (_name, link) => {
    const root = makeRegister(validSet());
    const name = 'CS-GDL-0001-notes.md';
    mkdirSync(join(root, 'documents', 'guidelines'), { recursive: true });
    const fifo = spawnSync('mkfifo', [link ? join(root, 'pipe') : join(root, 'documents', 'guidelines', name)]);
    if (fifo.status !== 0) throw new Error(`mkfifo failed: ${fifo.stderr}`);
    if (link) symlinkSync(link, join(root, 'documents', 'guidelines', name));
    expect(listDocuments(root).find((f) => f.rel.endsWith(name))).toMatchObject({ special: true });
    const r = await run(['validate', '--format', 'json'], { cwd: root });
    expect(r.code, r.stderr).toBe(1);
    const problems = JSON.parse(r.stdout).problems as Problem[];
    expect(problems).toMatchObject([
      { file: `documents/guidelines/${name}`, rule: 'file/unreadable', line: 1, column: 1 },
    ]);
    expect(problems[0]!.message).toContain('not a regular file');
  });

  it('a link, inside the register, to a socket', async () => {
    const root = makeRegister();
    const server = await listen(join(root, 'sock'));
    try {
      mkdirSync(join(root, 'documents/guidelines'), { recursive: true });
      symlinkSync('../../sock', join(root, 'documents/guidelines/CS-GDL-0001-notes.md'));
      const listed = listDocuments(root);
      expect(listed).toMatchObject([{ rel: 'documents/guidelines/CS-GDL-0001-notes.md', outside: false }]);
      const record = checkJob(listed[0]!, context);
      expect(record.problems).toMatchObject([
        { file: 'documents/guidelines/CS-GDL-0001-notes.md', rule: 'file/unreadable', line: 1, column: 1 },
      ]);
      expect(record.problems[0]!.message).toContain('ENXIO');
    } finally {
      server.close();
    }
  });
});

describe('through ppp validate', () => {
  it('validate exits 1 naming actions.yaml:7:7 when an action id is used twice; distinct ids pass', async () => {
    const twice = action() + action({ text: 'Another' });
    const root = makeRegister({ ...validSet(), 'actions.yaml': twice });
    const text = await run(['validate'], { cwd: root });
    expect(text.code, text.stderr).toBe(1);
    expect(text.stdout).toMatch(
      /^actions\.yaml\n\s+7:7\s+error\s+action id A-2026-11-01 is used twice.*actions\/duplicate-id$/m,
    );
    expect((await run(['validate', '--format', 'github'], { cwd: root })).stdout).toContain(
      '::error file=actions.yaml,line=7,col=7,title=actions/duplicate-id::',
    );
    const json = await run(['validate', '--format', 'json', 'actions.yaml'], { cwd: root });
    expect(JSON.parse(json.stdout).problems).toMatchObject([
      { file: 'actions.yaml', line: 7, column: 7, rule: 'actions/duplicate-id' },
    ]);

    writeFileSync(join(root, 'actions.yaml'), action() + action({ id: 'A-2026-11-02', text: 'Another' }));
    const ok = await run(['validate', '--strict'], { cwd: root });
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
  });

  it('validate reports an unknown action owner at its line and column', async () => {
    const root = makeRegister({ ...validSet(), 'actions.yaml': action({ owner: 'qa-manager' }) });
    const r = await run(['validate', '--format', 'json'], { cwd: root });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).problems).toMatchObject([
      { file: 'actions.yaml', line: 3, column: 10, rule: 'actions/unknown-owner' },
    ]);
  });

  it('validate reports a document it cannot read (a link to a socket), with and without the cache', async () => {
    const root = makeRegister(validSet());
    const server = await listen(join(root, 'sock'));
    try {
      mkdirSync(join(root, 'documents/guidelines'), { recursive: true });
      symlinkSync('../../sock', join(root, 'documents/guidelines/CS-GDL-0001-notes.md'));
      const env = { PPP_CACHE_DIR: join(tempDir('ppp-cache-'), 'cache') };
      for (const pass of ['cold', 'warm']) {
        const r = await run(['validate', '--format', 'json'], { cwd: root, env });
        expect(r.code, `${pass}: ${r.stderr}`).toBe(1);
        const problems = JSON.parse(r.stdout).problems as Problem[];
        expect(problems).toMatchObject([
          {
            file: 'documents/guidelines/CS-GDL-0001-notes.md',
            rule: 'file/unreadable',
            line: 1,
            column: 1,
            severity: 'error',
          },
        ]);
        expect(problems[0]!.message).toContain('the file cannot be read: it is not a regular file');
      }
    } finally {
      server.close();
    }
  });
});
