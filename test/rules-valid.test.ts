/**
 * Valid near misses: for every document, register, front matter, YAML and schema rule, a set of
 * documents as close to breaking the rule as it can be while correct. Each passes with no
 * problem at all, and one step (`broken`) makes the rule report, so no case can pass by accident.
 */
import { describe, expect, it } from 'vitest';
import { rules } from '../src/rules/index.js';
import { PRESET, checkDocuments, doc, fullBody, validSet } from './helpers/register.js';

type Files = Record<string, string>;

const POL = 'documents/policies/CS-POL-0001-values.md';
const PRO = 'documents/procedures/CS-PRO-0001-missing.md';
const FRM = 'documents/forms/CS-FRM-0001-return.md';
const GDL = 'documents/guidelines/CS-GDL-0001-notes.md';
const OLD = 'documents/procedures/CS-PRO-0002-old.md';
const STD = 'documents/standards/CS-STD-0001-visits.md';
const CONSULTATION = PRESET.replace('requires: [eqia]', 'requires: [eqia, consultation]');

/** Returns a copy of files with one file's text changed (from → to); throws when from is not there. */
function edit(files: Files, file: string, from: string | RegExp, to: string): Files {
  const before = files[file];
  if (before === undefined) throw new Error(`test setup: no file ${file}`);
  const after = before.replace(from, to);
  if (after === before) throw new Error(`test setup: ${String(from)} not found in ${file}`);
  return { ...files, [file]: after };
}

/** Returns the valid set with edits applied in turn, each [file, from, to]. */
function valid(...edits: [string, string | RegExp, string][]): Files {
  return edits.reduce((files, [file, from, to]) => edit(files, file, from, to), validSet());
}

/** Returns a copy of files with one file moved to a new path. */
function rename(files: Files, from: string, to: string): Files {
  const { [from]: text, ...rest } = files;
  if (text === undefined) throw new Error(`test setup: no file ${from}`);
  return { ...rest, [to]: text };
}

/** Returns a copy of files without one file. */
function without(files: Files, file: string): Files {
  if (files[file] === undefined) throw new Error(`test setup: no file ${file}`);
  return Object.fromEntries(Object.entries(files).filter(([f]) => f !== file));
}

/** A guideline with the given front matter lines after the six required fields. */
function guideline(status = 'drafting', more = ''): string {
  return doc(
    `id: CS-GDL-0001\ntitle: Notes for practitioners\ntype: guideline\nstatus: ` +
      `${status}\nversion: "0.1"\nowner: qa-1\n${more}`,
    fullBody('guideline'),
  );
}

/** A procedure that an approved document replaced; retired, so it needs no governance or sections. */
function oldProcedure(status: string): string {
  return doc(
    `id: CS-PRO-0002\ntitle: Missing children (2019)\ntype: procedure\nstatus: ` +
      `${status}\nversion: "3.0"\nowner: hos-1\n`,
    '\n# Missing children (2019)\n',
  );
}

interface NearMiss {
  rule: string;
  /** What brings it close to the rule. */
  name: string;
  files: Files;
  settings?: string;
  /** The files after the one step that breaks the rule. */
  broken: Files;
  /** The settings after that step, when the step is in ppp.yaml. */
  brokenSettings?: string;
}

const near = (
  rule: string,
  name: string,
  files: Files,
  step: (files: Files) => Files,
  settings?: string,
): NearMiss => ({ rule, name, files, settings, broken: step(files) });

const nearMisses: NearMiss[] = [
  // Front matter fences.
  near(
    'frontmatter/missing',
    'a byte order mark and CRLF line ends before the opening ---',
    { ...validSet(), [FRM]: `\ufeff${validSet()[FRM]!.replace(/\n/g, '\r\n')}` },
    (f) => edit(f, FRM, '\ufeff', '\r\n'),
  ),
  near('frontmatter/missing', 'spaces after the opening ---', valid([FRM, /^---\n/, '---  \n']), (f) =>
    edit(f, FRM, /^---/, ' ---'),
  ),
  near('frontmatter/engine', '---yaml names YAML itself', valid([FRM, /^---\n/, '---yaml\n']), (f) =>
    edit(f, FRM, '---yaml', '---json'),
  ),
  near('frontmatter/engine', '---yml names YAML itself', valid([FRM, /^---\n/, '---yml\n']), (f) =>
    edit(f, FRM, '---yml', '---coffee'),
  ),
  near(
    'frontmatter/unclosed',
    'closed by --- at the very end of the file, with no line break',
    {
      ...validSet(),
      [GDL]: guideline('proposed')
        .replace(/\n# Title[^]*$/, '')
        .replace(/\n$/, ''),
    },
    (f) => edit(f, GDL, /\n---$/, '\n'),
  ),
  near('frontmatter/unclosed', 'closed by ..., the YAML end of document', valid([FRM, /\n---\n/, '\n...\n']), (f) =>
    edit(f, FRM, '\n...\n', '\n..\n'),
  ),
  // YAML.
  near(
    'yaml/syntax',
    'a colon inside a quoted title',
    valid([FRM, 'title: Return home interview', 'title: "Return home: interview"']),
    (f) => edit(f, FRM, '"Return home: interview"', 'Return home: interview'),
  ),
  near(
    'yaml/syntax',
    'a list whose dashes start at the column of its key',
    valid([FRM, 'governed_by: [CS-PRO-0001]', 'governed_by:\n- CS-PRO-0001']),
    (f) => edit(f, FRM, 'governed_by:\n- CS-PRO-0001', 'governed_by:\n - CS-PRO-0001\n- CS-POL-0001'),
  ),
  near(
    'yaml/duplicate-key',
    'the same key at another level, inside an x- field',
    valid([FRM, 'owner: qa-1', 'owner: qa-1\nx-history: { owner: qa-2 }']),
    (f) => edit(f, FRM, 'x-history: { owner: qa-2 }', 'owner: qa-2'),
  ),
  near(
    'yaml/duplicate-key',
    'keys that differ in one letter',
    valid([FRM, 'owner: qa-1', 'owner: qa-1\nx-owner: qa-2']),
    (f) => edit(f, FRM, 'x-owner: qa-2', 'owner: qa-2'),
  ),
  near(
    'yaml/alias',
    '* and & inside a quoted value',
    valid([FRM, 'owner: qa-1', 'owner: qa-1\nx-copy: "&o then *o"']),
    (f) => edit(f, FRM, 'owner: qa-1\nx-copy: "&o then *o"', 'owner: &o qa-1\nx-copy: *o'),
  ),
  near(
    'yaml/alias',
    '* and & in the middle of a plain title',
    valid([FRM, 'title: Return home interview', 'title: Return *home* & interview']),
    (f) => edit(f, FRM, 'title: Return *home* & interview', 'title: *home'),
  ),
  near(
    'yaml/tag',
    'the text !!str inside a quoted value',
    valid([FRM, 'owner: qa-1', 'owner: qa-1\nx-note: "!!str 0.1"']),
    (f) => edit(f, FRM, '"!!str 0.1"', '!!str 0.1'),
  ),
  near(
    'yaml/tag',
    'the text !!str in the middle of a plain title',
    valid([FRM, 'title: Return home interview', 'title: Return home !!str interview']),
    (f) => edit(f, FRM, 'title: Return home !!str interview', 'title: !!str Return home interview'),
  ),
  near(
    'yaml/not-a-mapping',
    'a comment that reads like a list item before the fields',
    valid([FRM, /^---\n/, '---\n# - drafted from the 2019 form\n']),
    (f) => ({ ...f, [FRM]: '---\n# - drafted from the 2019 form\n- CS-PRO-0001\n---\n' }),
  ),
  // Schema.
  near('schema/required', 'a guideline with only the six required fields', { ...validSet(), [GDL]: guideline() }, (f) =>
    edit(f, GDL, 'owner: qa-1\n', ''),
  ),
  near(
    'schema/type',
    'title: yes is text in YAML 1.2',
    valid([FRM, 'title: Return home interview', 'title: yes']),
    (f) => edit(f, FRM, 'title: yes', 'title: true'),
  ),
  near(
    'schema/type',
    'a title of digits in quotes',
    valid([FRM, 'title: Return home interview', 'title: "2024"']),
    (f) => edit(f, FRM, 'title: "2024"', 'title: 2024'),
  ),
  near(
    'schema/type',
    'a title written like a date stays text',
    valid([FRM, 'title: Return home interview', 'title: 2024-01-01']),
    (f) => edit(f, FRM, 'title: 2024-01-01', 'title: 20240101'),
  ),
  near('schema/enum', 'a status in single quotes', valid([FRM, 'status: drafting', "status: 'drafting'"]), (f) =>
    edit(f, FRM, "status: 'drafting'", 'status: Drafting'),
  ),
  near(
    'schema/date',
    'the leap day 2024-02-29',
    valid(
      [PRO, 'approved_on: 2025-03-11', 'approved_on: 2024-02-29'],
      [PRO, 'meeting: 2025-03-11', 'meeting: 2024-02-29'],
      [PRO, 'cycle: 2 years, due: 2027-03-11', 'cycle: 2 years, due: 2026-02-28'],
    ),
    (f) => edit(f, PRO, 'approved_on: 2024-02-29', 'approved_on: 2023-02-29'),
  ),
  near('schema/date', 'a date in quotes', valid([PRO, 'approved_on: 2025-03-11', 'approved_on: "2025-03-11"']), (f) =>
    edit(f, PRO, '"2025-03-11"', '"2025-3-11"'),
  ),
  near('schema/duration', 'an ISO 8601 cycle, P2Y', valid([PRO, 'cycle: 2 years', 'cycle: P2Y']), (f) =>
    edit(f, PRO, 'cycle: P2Y', 'cycle: 2Y'),
  ),
  near('schema/duration', 'a cycle in capitalised months', valid([PRO, 'cycle: 2 years', 'cycle: 24 Months']), (f) =>
    edit(f, PRO, 'cycle: 24 Months', 'cycle: 24 mnths'),
  ),
  near(
    'schema/pattern',
    'a version with a two-digit minor number',
    valid([FRM, 'version: "0.1"', 'version: "0.10"']),
    (f) => edit(f, FRM, '"0.10"', '"0.1.0"'),
  ),
  near(
    'schema/pattern',
    'member ids with digits and hyphens',
    valid([FRM, 'owner: qa-1', 'owner: qa-1\nauthors: [hos-1, qa-2]']),
    (f) => edit(f, FRM, '[hos-1, qa-2]', '[hos-1, QA-2]'),
  ),
  near(
    'schema/unknown-field',
    'own data under an x- name',
    valid([FRM, 'owner: qa-1', 'owner: qa-1\nx-own-data: { anything: [1, 2] }']),
    (f) => edit(f, FRM, 'x-own-data', 'own-data'),
  ),
  near(
    'schema/invalid',
    'two different authors',
    valid([FRM, 'owner: qa-1', 'owner: qa-1\nauthors: [hqa, psw]']),
    (f) => edit(f, FRM, '[hqa, psw]', '[hqa, hqa]'),
  ),
  near('schema/invalid', 'a title of one character', valid([FRM, 'title: Return home interview', 'title: X']), (f) =>
    edit(f, FRM, 'title: X', 'title: ""'),
  ),
  // Ids.
  near('id/file-name', 'a file named exactly ID.md', rename(validSet(), FRM, 'documents/forms/CS-FRM-0001.md'), (f) =>
    rename(f, 'documents/forms/CS-FRM-0001.md', 'documents/forms/CS-FRM-00011.md'),
  ),
  near(
    'id/file-name',
    'a file name with spaces, quotes and brackets after ID-',
    rename(validSet(), FRM, "documents/forms/CS-FRM-0001-return 'home' (v2).md"),
    (f) => rename(f, "documents/forms/CS-FRM-0001-return 'home' (v2).md", 'documents/forms/CS-FRM-0001_return.md'),
  ),
  near(
    'id/type-code',
    'a framework, whose code QAF is not its name',
    {
      ...validSet(),
      'documents/frameworks/CS-QAF-0001-x.md': doc(
        'id: CS-QAF-0001\ntitle: Quality\ntype: framework\nstatus: drafting\nversion: "0.1"\nowner: qa-1\n',
        fullBody('framework'),
      ),
    },
    (f) => edit(f, 'documents/frameworks/CS-QAF-0001-x.md', 'type: framework', 'type: strategy'),
  ),
  {
    rule: 'id/prefix',
    name: 'ids CSC-… in a register whose id_prefix CSC starts with another prefix, CS',
    files: Object.fromEntries(
      Object.entries(validSet()).map(([file, text]) => [file.replace('/CS-', '/CSC-'), text.replace(/CS-/g, 'CSC-')]),
    ),
    settings: PRESET.replace('id_prefix: CS ', 'id_prefix: CSC'),
    broken: Object.fromEntries(
      Object.entries(validSet()).map(([file, text]) => [file.replace('/CS-', '/CSC-'), text.replace(/CS-/g, 'CSC-')]),
    ),
    brokenSettings: PRESET,
  },
  near(
    'title/control-character',
    'a folded title kept on one line (>-), with accents, quotes and a dash',
    valid([FRM, 'title: Return home interview', 'title: >-\n  Return home — “Siân’s” interview\n  record']),
    (f) => edit(f, FRM, 'interview\n  record', 'interview\u202e record'),
  ),
  // Completeness, approval and review.
  near(
    'document/incomplete',
    'a drafting policy without sponsor, not yet on an agenda',
    valid(
      [POL, 'sponsor: psw\n', ''],
      [POL, 'status: approved', 'status: drafting'],
      [POL, /approval: .*\n/, ''],
      [POL, /review: .*\n/, ''],
    ),
    (f) => edit(f, POL, 'status: drafting', 'status: submitted\nsubmission: { kind: draft, on: 2027-01-04 }'),
  ),
  near('approval/missing', 'an approval without the optional meeting', valid([PRO, ', meeting: 2025-03-11', '']), (f) =>
    edit(f, PRO, ', approved_by: "Practice, Policy and Procedures Group"', ''),
  ),
  near(
    'approval/route-not-allowed',
    "a '*' route for a type with no entry of its own",
    valid([PRO, 'route: ppp', 'route: director']),
    (f) => edit(f, PRO, 'route: director', 'route: cabinet'),
  ),
  near(
    'approval/interim',
    'status interim with route interim',
    valid([PRO, 'status: approved', 'status: interim'], [PRO, 'route: ppp', 'route: interim']),
    (f) => edit(f, PRO, 'status: interim', 'status: approved'),
  ),
  near(
    'review/missing',
    'a document under review, no longer in force, without a review',
    valid([PRO, 'status: approved', 'status: under-review'], [PRO, /review: .*\n/, '']),
    (f) => edit(f, PRO, 'status: under-review', 'status: approved'),
  ),
  near(
    'review/before-approval',
    'due the day after approval',
    valid([PRO, 'cycle: 2 years, due: 2027-03-11', 'cycle: 1 day, due: 2025-03-12']),
    (f) => edit(f, PRO, 'due: 2025-03-12', 'due: 2025-03-11'),
  ),
  near(
    'review/beyond-max-cycle',
    'due exactly approved_on + max_cycle',
    valid([PRO, 'cycle: 2 years, due: 2027-03-11', 'cycle: 3 years, due: 2028-03-11']),
    (f) => edit(f, PRO, 'due: 2028-03-11', 'due: 2028-03-12'),
  ),
  near(
    'review/beyond-max-cycle',
    'approved on a leap day: the maximum ends on 28 February',
    valid(
      [PRO, 'approved_on: 2025-03-11', 'approved_on: 2024-02-29'],
      [PRO, 'meeting: 2025-03-11', 'meeting: 2024-02-29'],
      [PRO, 'cycle: 2 years, due: 2027-03-11', 'cycle: 3 years, due: 2027-02-28'],
    ),
    (f) => edit(f, PRO, 'due: 2027-02-28', 'due: 2027-03-01'),
  ),
  near(
    'review/cycle-too-long',
    'a cycle of 36 months, the maximum of 3 years',
    valid([PRO, 'cycle: 2 years, due: 2027-03-11', 'cycle: 36 months, due: 2028-03-11']),
    (f) => edit(f, PRO, 'cycle: 36 months', 'cycle: 37 months'),
  ),
  near(
    'review/cycle-too-long',
    'a cycle of 156 weeks, four days short of 3 years',
    valid([PRO, 'cycle: 2 years, due: 2027-03-11', 'cycle: 156 weeks, due: 2028-03-07']),
    (f) => edit(f, PRO, 'cycle: 156 weeks, due: 2028-03-07', 'cycle: 157 weeks, due: 2028-03-14'),
  ),
  near(
    'review/due-mismatch',
    'due earlier than approved_on + cycle',
    valid([PRO, 'due: 2027-03-11', 'due: 2027-03-10']),
    (f) => edit(f, PRO, 'due: 2027-03-10', 'due: 2027-03-12'),
  ),
  near(
    'review/due-mismatch',
    '2024-02-29 + 1 year is 2025-02-28',
    valid(
      [PRO, 'approved_on: 2025-03-11', 'approved_on: 2024-02-29'],
      [PRO, 'meeting: 2025-03-11', 'meeting: 2024-02-29'],
      [PRO, 'cycle: 2 years, due: 2027-03-11', 'cycle: 1 year, due: 2025-02-28'],
    ),
    (f) => edit(f, PRO, 'due: 2025-02-28', 'due: 2025-03-01'),
  ),
  near(
    'review/due-mismatch',
    '2025-01-31 + 1 month is 2025-02-28',
    valid(
      [PRO, 'approved_on: 2025-03-11', 'approved_on: 2025-01-31'],
      [PRO, 'meeting: 2025-03-11', 'meeting: 2025-01-31'],
      [PRO, 'cycle: 2 years, due: 2027-03-11', 'cycle: 1 month, due: 2025-02-28'],
    ),
    (f) => edit(f, PRO, 'due: 2025-02-28', 'due: 2025-03-03'),
  ),
  near(
    'eqia/missing',
    'a revised version 2.0 without an assessment',
    valid([POL, 'version: "1.0"', 'version: "2.0"'], [POL, /eqia: .*\n/, '']),
    (f) => edit(f, POL, 'version: "2.0"', 'version: "1.9"'),
  ),
  near(
    'eqia/missing',
    'a version 10.0, which starts with 1',
    valid([POL, 'version: "1.0"', 'version: "10.0"'], [POL, /eqia: .*\n/, '']),
    (f) => edit(f, POL, 'version: "10.0"', 'version: "1.0"'),
  ),
  near(
    'eqia/missing',
    'not required, with a reason',
    valid([
      POL,
      'eqia: { status: completed, on: 2024-12-01 }',
      'eqia: { status: not-required, reason: It restates the law. }',
    ]),
    (f) => edit(f, POL, 'reason: It restates the law.', 'reason: " "'),
  ),
  near(
    'consultation/missing',
    'one consultation recorded, its date left out',
    valid(
      [POL, 'owner: hqa', 'owner: hqa\nconsultation: [{ with: Legal services, on: 2024-12-10 }]'],
      [PRO, 'owner: hos-1', 'owner: hos-1\nconsultation: [{ with: Dorset Police }]'],
    ),
    (f) => edit(f, PRO, 'consultation: [{ with: Dorset Police }]', 'consultation: []'),
    CONSULTATION,
  ),
  near(
    'submission/missing',
    'a submitted form with its submission',
    valid([
      FRM,
      'status: drafting',
      'status: submitted\nsummary: A form.\nsubmission: { kind: draft, on: 2027-01-04, meeting: 2027-01-12 }',
    ]),
    (f) => edit(f, FRM, /submission: .*\n/, ''),
  ),
  near(
    'template/missing-section',
    'a required heading in capitals with a colon',
    valid([PRO, '## Recording', '## RECORDING:']),
    (f) => edit(f, PRO, '## RECORDING:', '```\n## RECORDING:\n```'),
  ),
  near(
    'template/missing-section',
    'a required heading numbered, one level down',
    valid([PRO, '## Recording', '### 4. Recording']),
    (f) => edit(f, PRO, '### 4. Recording', '### 4. Records'),
  ),
  // Governance and links.
  near(
    'governance/missing',
    'a proposed procedure without governed_by',
    {
      ...validSet(),
      [OLD]: doc(
        'id: CS-PRO-0002\ntitle: Proposed\ntype: procedure\nstatus: proposed\nversion: "0.1"\nowner: hqa\n',
        '\n# Proposed\n',
      ),
    },
    (f) => edit(f, OLD, 'status: proposed', 'status: drafting'),
  ),
  near(
    'governance/missing',
    'a withdrawn form without governed_by',
    valid(
      [FRM, 'governed_by: [CS-PRO-0001]\n', ''],
      [FRM, 'status: drafting', 'status: withdrawn'],
      [PRO, 'related_forms: [CS-FRM-0001]\n', ''],
    ),
    (f) => edit(f, FRM, 'status: withdrawn', 'status: drafting'),
  ),
  near(
    'governance/wrong-type',
    'a form governed by a policy',
    valid([FRM, 'governed_by: [CS-PRO-0001]', 'governed_by: [CS-POL-0001]']),
    (f) => edit(f, FRM, 'governed_by: [CS-POL-0001]', 'governed_by: [CS-FRM-0001]'),
  ),
  near(
    'governance/wrong-type',
    'a standard governed by a procedure',
    {
      ...validSet(),
      [STD]: doc(
        'id: CS-STD-0001\ntitle: Visits\ntype: standard\nstatus: drafting\nversion: ' +
          '"0.1"\nowner: qa-1\ngoverned_by: [CS-PRO-0001]\n',
        fullBody('standard'),
      ),
    },
    (f) => edit(f, STD, 'governed_by: [CS-PRO-0001]', 'governed_by: [CS-FRM-0001]'),
  ),
  near(
    'governance/cycle',
    'a standard governed by a policy and by a procedure that the policy governs',
    {
      ...validSet(),
      [STD]: doc(
        'id: CS-STD-0001\ntitle: Visits\ntype: standard\nstatus: drafting\nversion: ' +
          '"0.1"\nowner: qa-1\ngoverned_by: [CS-POL-0001, CS-PRO-0001]\n',
        fullBody('standard'),
      ),
    },
    (f) => edit(f, PRO, 'governed_by: [CS-POL-0001]', 'governed_by: [CS-POL-0001, CS-STD-0001]'),
  ),
  near(
    'id/duplicate',
    'a copy of a form under the next id, in another folder',
    {
      ...validSet(),
      'documents/forms/old/CS-FRM-0002-return.md': validSet()[FRM]!.replace('id: CS-FRM-0001', 'id: CS-FRM-0002'),
    },
    (f) =>
      rename(
        edit(f, 'documents/forms/old/CS-FRM-0002-return.md', 'id: CS-FRM-0002', 'id: CS-FRM-0001'),
        'documents/forms/old/CS-FRM-0002-return.md',
        'documents/forms/old/CS-FRM-0001-return.md',
      ),
  ),
  near(
    'link/unresolved',
    'supersedes names a superseded document that is still in the register',
    {
      ...valid([PRO, 'related_forms: [CS-FRM-0001]', 'related_forms: [CS-FRM-0001]\nsupersedes: [CS-PRO-0002]']),
      [OLD]: oldProcedure('superseded'),
    },
    (f) => without(f, OLD),
  ),
  near(
    'link/self',
    'two documents that read each other',
    valid(
      [FRM, 'governed_by: [CS-PRO-0001]', 'governed_by: [CS-PRO-0001]\nread_with: [CS-PRO-0001]'],
      [PRO, 'related_forms: [CS-FRM-0001]', 'related_forms: [CS-FRM-0001]\nread_with: [CS-FRM-0001]'],
    ),
    (f) => edit(f, FRM, 'read_with: [CS-PRO-0001]', 'read_with: [CS-FRM-0001]'),
  ),
  near(
    'link/retired',
    'a withdrawn document linking to a withdrawn one',
    valid([FRM, 'status: drafting', 'status: withdrawn'], [PRO, 'status: approved', 'status: withdrawn']),
    (f) => edit(f, PRO, 'status: withdrawn', 'status: approved'),
  ),
  near(
    'link/retired',
    'supersedes names a superseded document',
    {
      ...valid([PRO, 'related_forms: [CS-FRM-0001]', 'related_forms: [CS-FRM-0001]\nsupersedes: [CS-PRO-0002]']),
      [OLD]: oldProcedure('superseded'),
    },
    (f) => edit(f, PRO, 'supersedes: [CS-PRO-0002]', 'read_with: [CS-PRO-0002]'),
  ),
  near(
    'supersedes/not-retired',
    'an approved document supersedes an archived one',
    {
      ...valid([PRO, 'related_forms: [CS-FRM-0001]', 'related_forms: [CS-FRM-0001]\nsupersedes: [CS-PRO-0002]']),
      [OLD]: oldProcedure('archived'),
    },
    (f) => edit(f, OLD, 'status: archived', 'status: proposed'),
  ),
  near(
    'supersedes/not-retired',
    'a draft replacement supersedes a document still approved',
    {
      ...validSet(),
      [OLD]: doc(
        'id: CS-PRO-0002\ntitle: Missing children (2027)\ntype: procedure\nstatus: ' +
          'drafting\nversion: "3.0"\nowner: hos-1\ngoverned_by: [CS-POL-0001]\nsupersedes: [CS-PRO-0001]\n',
        fullBody('procedure'),
      ),
    },
    (f) =>
      edit(
        f,
        OLD,
        'status: drafting',
        'status: approved\napproval: { route: ppp, approved_on: 2027-01-12, approved_by: ' +
          'PPP }\nreview: { cycle: 2 years, due: 2029-01-12 }',
      ),
  ),
  near(
    'member/unknown',
    'authors and sponsor who are members, one with a hyphen',
    valid([FRM, 'owner: qa-1', 'owner: qa-1\nsponsor: psw\nauthors: [hos-1, tm-wfd]']),
    (f) => edit(f, FRM, 'tm-wfd', 'tm-wf'),
  ),
];

describe.each(nearMisses)('$rule: $name', (c) => {
  it('has no problem at all', () => {
    expect(checkDocuments(c.files, c.settings)).toEqual([]);
  });

  it(`is one step from ${c.rule}`, () => {
    const problems = checkDocuments(c.broken, c.brokenSettings ?? c.settings);
    expect(
      problems.map((p) => p.rule),
      JSON.stringify(problems, null, 1),
    ).toContain(c.rule);
  });
});

it('every document, register, front matter, YAML and schema rule has a valid near miss', () => {
  const covered = new Set(nearMisses.map((c) => c.rule));
  const uncovered = rules
    .filter((r) => r.scope !== 'parse' || /^(frontmatter|yaml|schema)\//.test(r.id))
    .filter((r) => !covered.has(r.id));
  expect(uncovered.map((r) => r.id)).toEqual([]);
});
