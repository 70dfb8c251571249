/** Every rule: the valid set passes it; a change breaks it at the right line and column with a useful message. */
import { afterAll, describe, expect, it } from 'vitest';
import { rules } from '../src/rules/index.js';
import { PRESET, checkDocuments, cleanup, doc, fullBody, validSet } from './helpers/register.js';

afterAll(cleanup);

const POL = 'documents/policies/CS-POL-0001-values.md';
const PRO = 'documents/procedures/CS-PRO-0001-missing.md';
const FRM = 'documents/forms/CS-FRM-0001-return.md';

/** Returns the valid set with one file's text replaced (from → to). */
function change(file: string, from: string | RegExp, to: string): Record<string, string> {
  const set = validSet();
  const before = set[file]!;
  const after = before.replace(from, to);
  if (after === before) throw new Error(`test setup: ${String(from)} not found in ${file}`);
  set[file] = after;
  return set;
}

function add(file: string, text: string): Record<string, string> {
  return { ...validSet(), [file]: text };
}

it('the valid set has no problems at all', () => {
  expect(checkDocuments(validSet())).toEqual([]);
});

interface Case {
  rule: string;
  files: Record<string, string>;
  file: string;
  line: number;
  column: number;
  message: string;
  severity?: 'error' | 'warning';
}

const cases: Case[] = [
  {
    rule: 'frontmatter/missing',
    files: add('documents/guidelines/CS-GDL-0001-x.md', '# Notes\n'),
    file: 'documents/guidelines/CS-GDL-0001-x.md',
    line: 1,
    column: 1,
    message: 'has no front matter',
  },
  {
    rule: 'frontmatter/engine',
    files: add('documents/guidelines/CS-GDL-0001-x.md', '---js\n{ id: (() => { throw 1 })() }\n---\n'),
    file: 'documents/guidelines/CS-GDL-0001-x.md',
    line: 1,
    column: 4,
    message: 'was not run',
  },
  {
    rule: 'frontmatter/unclosed',
    files: add('documents/guidelines/CS-GDL-0001-x.md', '---\nid: CS-GDL-0001\n'),
    file: 'documents/guidelines/CS-GDL-0001-x.md',
    line: 1,
    column: 1,
    message: 'never closed',
  },
  {
    rule: 'yaml/syntax',
    files: change(FRM, 'title: Return home interview', 'title: [Return home'),
    file: FRM,
    line: 4,
    column: 1,
    message: 'not valid YAML',
  },
  {
    rule: 'yaml/duplicate-key',
    files: change(FRM, 'owner: qa-1', 'owner: qa-1\nowner: qa-2'),
    file: FRM,
    line: 8,
    column: 1,
    message: 'written twice',
  },
  {
    rule: 'yaml/alias',
    files: change(FRM, 'owner: qa-1', 'owner: &o qa-1\nx-copy: *o'),
    file: FRM,
    line: 8,
    column: 9,
    message: 'alias *o',
  },
  {
    rule: 'yaml/tag',
    files: change(FRM, 'version: "0.1"', 'version: !!str 0.1'),
    file: FRM,
    line: 6,
    column: 10,
    message: 'the YAML tag !!str',
  },
  {
    rule: 'yaml/not-a-mapping',
    files: add('documents/guidelines/CS-GDL-0001-x.md', '---\n- a\n---\n'),
    file: 'documents/guidelines/CS-GDL-0001-x.md',
    line: 2,
    column: 1,
    message: 'is a list',
  },
  {
    rule: 'schema/required',
    files: change(FRM, 'owner: qa-1\n', ''),
    file: FRM,
    line: 1,
    column: 1,
    message: 'the field "owner" is missing',
  },
  {
    rule: 'schema/type',
    files: change(FRM, 'version: "0.1"', 'version: 2.0'),
    file: FRM,
    line: 6,
    column: 10,
    message: 'version: "2.0"',
  },
  {
    rule: 'schema/enum',
    files: change(FRM, 'status: drafting', 'status: draftng'),
    file: FRM,
    line: 5,
    column: 9,
    message: 'did you mean "drafting"',
  },
  {
    rule: 'schema/date',
    files: change(PRO, 'approved_on: 2025-03-11', 'approved_on: 2025-02-30'),
    file: PRO,
    line: 9,
    column: 38,
    message: 'February 2025 has 28 days',
  },
  {
    rule: 'schema/duration',
    files: change(PRO, 'cycle: 2 years', 'cycle: two years'),
    file: PRO,
    line: 10,
    column: 18,
    message: 'is not a duration',
  },
  {
    rule: 'schema/pattern',
    files: change(FRM, 'governed_by: [CS-PRO-0001]', 'governed_by: [PRO-1]'),
    file: FRM,
    line: 8,
    column: 15,
    message: 'like CS-POL-0001',
  },
  {
    rule: 'schema/unknown-field',
    files: change(PRO, 'review: {', 'reveiw: {'),
    file: PRO,
    line: 10,
    column: 1,
    message: 'did you mean "review"',
  },
  {
    rule: 'schema/unknown-field',
    files: change(POL, 'approved_by: Cabinet', 'approved_by: Cabinet, Dorset Council'),
    file: POL,
    line: 11,
    column: 76,
    message: 'put the whole value in quotes',
  },
  {
    rule: 'schema/invalid',
    files: change(PRO, 'governed_by: [CS-POL-0001]', 'governed_by: [CS-POL-0001, CS-POL-0001]'),
    file: PRO,
    line: 11,
    column: 14,
    message: 'same value twice',
  },
  {
    rule: 'id/file-name',
    files: change(FRM, 'id: CS-FRM-0001', 'id: CS-FRM-0002'),
    file: FRM,
    line: 2,
    column: 5,
    message: 'rename the file',
  },
  {
    rule: 'id/type-code',
    files: {
      ...validSet(),
      'documents/forms/CS-STD-0001-x.md': doc(
        'id: CS-STD-0001\ntitle: X\ntype: form\nstatus: drafting\nversion: "0.1"\nowner: ' +
          'qa-1\ngoverned_by: [CS-PRO-0001]\n',
        fullBody('form'),
      ),
    },
    file: 'documents/forms/CS-STD-0001-x.md',
    line: 2,
    column: 5,
    message: 'whose code is FRM',
  },
  {
    rule: 'id/prefix',
    files: {
      ...validSet(),
      'documents/forms/XX-FRM-0009-x.md': doc(
        'id: XX-FRM-0009\ntitle: X\ntype: form\nstatus: drafting\nversion: "0.1"\nowner: ' +
          'qa-1\ngoverned_by: [CS-PRO-0001]\n',
        fullBody('form'),
      ),
    },
    file: 'documents/forms/XX-FRM-0009-x.md',
    line: 2,
    column: 5,
    message: 'does not start with CS-',
  },
  {
    rule: 'title/control-character',
    files: change(FRM, 'title: Return home interview', 'title: "Return home\\e[2J interview"'),
    file: FRM,
    line: 3,
    column: 8,
    message: 'control character (\\u001b)',
  },
  {
    rule: 'title/control-character',
    files: change(PRO, 'title: Missing children', 'title: >\n  Missing children'),
    file: PRO,
    line: 3,
    column: 8,
    message: 'control character (\\n)',
  },
  {
    rule: 'document/incomplete',
    files: change(POL, 'sponsor: psw\n', ''),
    file: POL,
    line: 6,
    column: 9,
    message: 'must have the field "sponsor"',
  },
  {
    rule: 'approval/missing',
    files: change(PRO, /approval: .*\n/, ''),
    file: PRO,
    line: 6,
    column: 9,
    message: 'approval.route, approval.approved_on, approval.approved_by are missing',
  },
  {
    rule: 'approval/route-not-allowed',
    files: change(POL, 'route: cabinet', 'route: ppp'),
    file: POL,
    line: 11,
    column: 20,
    message: 'allowed: cabinet',
  },
  {
    rule: 'approval/interim',
    files: change(PRO, 'route: ppp', 'route: interim'),
    file: PRO,
    line: 6,
    column: 9,
    message: 'must be interim',
  },
  {
    rule: 'review/missing',
    files: change(PRO, /review: .*\n/, ''),
    file: PRO,
    line: 6,
    column: 9,
    message: 'review.cycle and review.due missing',
  },
  {
    rule: 'review/before-approval',
    files: change(PRO, 'due: 2027-03-11', 'due: 2025-03-11'),
    file: PRO,
    line: 10,
    column: 32,
    message: 'not after the approval',
  },
  {
    rule: 'review/beyond-max-cycle',
    files: change(PRO, 'due: 2027-03-11', 'due: 2028-03-12'),
    file: PRO,
    line: 10,
    column: 32,
    message: 'later than 2028-03-11',
  },
  {
    rule: 'review/cycle-too-long',
    files: change(PRO, 'cycle: 2 years, due: 2027-03-11', 'cycle: 4 years, due: 2028-03-11'),
    file: PRO,
    line: 10,
    column: 18,
    message: "longer than the register's maximum of 3 years",
  },
  {
    rule: 'review/due-mismatch',
    severity: 'warning',
    files: change(PRO, 'due: 2027-03-11', 'due: 2027-06-11'),
    file: PRO,
    line: 10,
    column: 32,
    message: 'is not 2027-03-11',
  },
  {
    rule: 'eqia/missing',
    files: change(POL, /eqia: .*\n/, ''),
    file: POL,
    line: 6,
    column: 9,
    message: 'without its equality impact assessment',
  },
  {
    rule: 'eqia/missing',
    files: change(POL, 'eqia: { status: completed, on: 2024-12-01 }', 'eqia: { status: not-required }'),
    file: POL,
    line: 13,
    column: 17,
    message: 'without a reason',
  },
  { rule: 'consultation/missing', files: validSet(), file: POL, line: 6, column: 9, message: 'requires consultation' },
  {
    rule: 'submission/missing',
    files: change(FRM, 'status: drafting', 'status: submitted\nsummary: A form.'),
    file: FRM,
    line: 5,
    column: 9,
    message: 'use ppp submit',
  },
  {
    rule: 'template/missing-section',
    files: change(PRO, '## Recording', '## Records kept'),
    file: PRO,
    line: 14,
    column: 1,
    message: 'the section "Recording" is missing',
  },
  {
    rule: 'governance/missing',
    files: change(FRM, 'governed_by: [CS-PRO-0001]\n', ''),
    file: FRM,
    line: 4,
    column: 7,
    message: 'must be governed by a procedure or policy',
  },
  {
    rule: 'governance/wrong-type',
    files: change(PRO, 'governed_by: [CS-POL-0001]', 'governed_by: [CS-PRO-0001]'.replace('PRO-0001', 'FRM-0001')),
    file: PRO,
    line: 11,
    column: 15,
    message: 'CS-FRM-0001 is a form',
  },
  {
    rule: 'id/duplicate',
    files: { ...validSet(), 'documents/forms/CS-FRM-0001-copy.md': validSet()[FRM]! },
    file: FRM,
    line: 2,
    column: 5,
    message: 'also used by documents/forms/CS-FRM-0001-copy.md',
  },
  {
    rule: 'link/unresolved',
    files: change(PRO, 'related_forms: [CS-FRM-0001]', 'related_forms: [CS-FRM-0001, CS-FRM-0099]'),
    file: PRO,
    line: 12,
    column: 30,
    message: 'CS-FRM-0099, which is not in the register',
  },
  {
    rule: 'link/self',
    files: change(PRO, 'related_forms: [CS-FRM-0001]', 'read_with: [CS-PRO-0001]'),
    file: PRO,
    line: 12,
    column: 13,
    message: 'the document itself',
  },
  {
    rule: 'link/retired',
    severity: 'warning',
    files: change(FRM, 'status: drafting', 'status: withdrawn'),
    file: PRO,
    line: 12,
    column: 17,
    message: 'which is withdrawn',
  },
  {
    rule: 'supersedes/not-retired',
    severity: 'warning',
    files: change(PRO, 'related_forms: [CS-FRM-0001]', 'related_forms: [CS-FRM-0001]\nsupersedes: [CS-FRM-0001]'),
    file: PRO,
    line: 13,
    column: 14,
    message: "set that document's status to superseded",
  },
  {
    rule: 'member/unknown',
    files: change(PRO, 'owner: hos-1', 'owner: hos-9'),
    file: PRO,
    line: 8,
    column: 8,
    message: 'did you mean "hos-1"',
  },
];

// A cycle needs two documents that govern each other.
const cycle = validSet();
cycle[FRM] = cycle[FRM]!.replace('type: form', 'type: standard').replace('CS-FRM-0001', 'CS-STD-0001');
cycle['documents/standards/CS-STD-0001-x.md'] = cycle[FRM]!;
delete cycle[FRM];
cycle[PRO] = cycle[PRO]!.replace('governed_by: [CS-POL-0001]', 'governed_by: [CS-POL-0001, CS-STD-0001]').replace(
  'related_forms: [CS-FRM-0001]\n',
  '',
);
cases.push({
  rule: 'governance/cycle',
  files: cycle,
  file: PRO,
  line: 11,
  column: 14,
  message: 'CS-PRO-0001 → CS-STD-0001 → CS-PRO-0001',
});

describe.each(cases)('$rule', (c) => {
  it(`is found at ${c.file.split('/').pop()}:${c.line}:${c.column}`, () => {
    const settings =
      c.rule === 'consultation/missing' ? PRESET.replace('requires: [eqia]', 'requires: [eqia, consultation]') : PRESET;
    const problems = checkDocuments(c.files, settings);
    const found = problems.filter((p) => p.rule === c.rule && p.file === c.file);
    expect(found, JSON.stringify(problems, null, 1)).not.toHaveLength(0);
    expect(found[0]).toMatchObject({ line: c.line, column: c.column, severity: c.severity ?? 'error' });
    expect(found[0]!.message).toContain(c.message);
  });
});

it('every document and register rule has a test case', () => {
  const tested = new Set(cases.map((c) => c.rule));
  const untested = rules
    .filter(
      (r) =>
        r.scope !== 'parse' ||
        r.id.startsWith('yaml/') ||
        r.id.startsWith('frontmatter/') ||
        r.id.startsWith('schema/'),
    )
    .filter((r) => !tested.has(r.id));
  expect(untested.map((r) => r.id)).toEqual([]);
});

it('a proposal need not be governed nor have every template section yet', () => {
  const set = validSet();
  set['documents/procedures/CS-PRO-0002-x.md'] = doc(
    'id: CS-PRO-0002\ntitle: Proposed\ntype: procedure\nstatus: proposed\nversion: "0.1"\nowner: hqa\n',
    '\n# Proposed\n\nWhy we need it.\n',
  );
  expect(checkDocuments(set)).toEqual([]);
});

it('rule ids are subject/fault and unique', () => {
  for (const r of rules) expect(r.id).toMatch(/^[a-z]+\/[a-z-]+$/);
  expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
});
