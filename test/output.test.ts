/**
 * Output a person can trust: no table cuts an id or a date at any width, control characters in any value are shown
 * escaped in every output, and counts agree in number.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../src/report/table.js';
import { MEMBERS, ROOT, cleanup, makeRegister, tempDir, validSet } from './helpers/register.js';
import { run, type RunOptions } from './helpers/run.js';

afterAll(cleanup);

const SAMPLE = join(ROOT, 'register');
const WIDTHS = [40, 59, 60, 80, 200];
const terminal = (columns: number): RunOptions => ({ columns, stdoutIsTTY: true, env: { NO_COLOR: '1' } });

/** Checks a table (or its records) at a width: ids and dates whole, and nothing wider than the terminal. */
function expectFits(text: string, width: number, values: readonly string[], summary = true): void {
  // The summary line under the table ("41 reviews on …") is a sentence: the terminal wraps it, nothing is cut.
  const out = summary ? text.trimEnd().split('\n').slice(0, -1).join('\n') : text;
  const isTable = out.startsWith('┌');
  if (width < 60) expect(isTable, out.slice(0, 300)).toBe(false);
  for (const v of values) expect(out, `${v} at ${width}`).toContain(v);
  for (const line of out.split('\n')) {
    if (/^[┌│├└]/.test(line)) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
    // A record's free text is wrapped to the width; only a fixed value longer than the line may pass it.
    else if (!isTable && line.length > width) expect(line, line).toMatch(/^[A-Z][A-Za-z -]*: \S+$/);
  }
  if (!isTable) expect(out).toMatch(/\n\n/);
}

describe('tables fit the terminal and never cut an id or a date', () => {
  it.each(WIDTHS)('ppp register at %i columns', async (width) => {
    const json = JSON.parse((await run(['register', '--format', 'json', '-C', SAMPLE])).stdout) as Record<
      string,
      string | null
    >[];
    const r = await run(['register', '-C', SAMPLE], terminal(width));
    expect(r.code, r.stderr).toBe(0);
    const values = json.flatMap((d) => [d.id!, d.approved_on, d.review_due]).filter((v): v is string => !!v);
    expectFits(r.stdout, width, values);
    expect(r.stdout).toMatch(/\n52 documents\n$/);
  });

  it.each(WIDTHS)('ppp due at %i columns', async (width) => {
    const args = ['due', '-C', SAMPLE, '--today', '2027-01-05'];
    const json = JSON.parse((await run([...args, '--json'])).stdout) as { id: string; review_due: string }[];
    const r = await run(args, terminal(width));
    expectFits(
      r.stdout,
      width,
      json.flatMap((d) => [d.id, d.review_due]),
    );
  });

  it.each(WIDTHS)('ppp meetings at %i columns', async (width) => {
    const r = await run(['meetings', '-C', SAMPLE, '--today', '2027-01-05', '--count', '4'], terminal(width));
    expectFits(r.stdout, width, ['Tue 2027-01-12', 'Thu 2026-12-24', 'Thu 2027-01-07', 'Tue 2027-04-13']);
  });

  it.each(WIDTHS)('ppp members at %i columns', async (width) => {
    const json = JSON.parse((await run(['members', '--json', '-C', SAMPLE])).stdout) as {
      id: string;
      email?: string;
    }[];
    const r = await run(['members', '-C', SAMPLE], terminal(width));
    expectFits(
      r.stdout,
      width,
      json.flatMap((m) => [m.id, m.email ?? m.id]),
    );
  });

  it.each(WIDTHS)('ppp actions at %i columns', async (width) => {
    const args = ['actions', '-C', SAMPLE, '--today', '2027-01-05'];
    const json = JSON.parse((await run([...args, '--json'])).stdout) as { id: string; due: string }[];
    const r = await run(args, terminal(width));
    expectFits(
      r.stdout,
      width,
      json.flatMap((a) => [a.id, a.due]),
    );
    expect(r.stdout).toMatch(/\n6 actions on 2027-01-05\n$/);
  });

  describe('on the live example', () => {
    const dir = join(tempDir(), 'demo');
    beforeAll(async () => {
      expect((await run(['init', dir, '--example'])).code).toBe(0);
    });

    it.each(WIDTHS)('ppp verify at %i columns', async (width) => {
      const json = JSON.parse((await run(['verify', '--json'], { cwd: dir })).stdout) as {
        documents: { id: string; commit: string | null; approved_on: string | null }[];
      };
      const values = json.documents.flatMap((d) => [d.id, d.commit?.slice(0, 12) ?? d.id, d.approved_on ?? d.id]);
      const out = (await run(['verify'], { ...terminal(width), cwd: dir })).stdout;
      expectFits(out.slice(0, out.search(/\n(✗|!) /)), width, values, false);
    });

    it.each(WIDTHS)('ppp history at %i columns', async (width) => {
      const history = JSON.parse((await run(['history', 'CS-PRO-0001', '--json'], { cwd: dir })).stdout) as {
        versions: { commit: string; date: string }[];
      };
      const out = (await run(['history', 'CS-PRO-0001'], { ...terminal(width), cwd: dir })).stdout;
      const table = out.slice(out.indexOf('\n') + 1).replace(/\n[0-9a-f]{12}: .*/g, '');
      expectFits(
        table,
        width,
        history.versions.flatMap((v) => [v.commit.slice(0, 12), v.date]),
        false,
      );
    });
  });
});

// Every kind of character that must never reach a terminal raw: ANSI escapes, an OSC title, BEL, NUL, a newline and a
// tab inside a value, CR, DEL, C1 controls, bidirectional overrides and isolates, the line separator.
const HOSTILE =
  'Bad\\e[2J\\e]0;owned\\a\\0 one\\nline\\ttab\\r\\x7f\\x85\\x9b \\u202eevil\\u202c \\u2066x\\u2069 \\u2028end';
const HOSTILE_VALUE =
  'Bad\u001b[2J\u001b]0;owned\u0007\u0000 one\nline\ttab\r\u007f\u0085\u009b \u202eevil\u202c \u2066x\u2069 \u2028end';
// eslint-disable-next-line no-control-regex
const RAW = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function hostileRegister(): string {
  const set = validSet();
  const FRM = 'documents/forms/CS-FRM-0001-return.md';
  const POL = 'documents/policies/CS-POL-0001-values.md';
  set[FRM] = set[FRM]!.replace('title: Return home interview', `title: "${HOSTILE}"`);
  set[POL] = set[POL]!.replace('title: Values and principles', `title: "${HOSTILE}"`);
  const members = MEMBERS.replace('name: Head of QA and Partnerships (name to add)', `name: "${HOSTILE}"`);
  return makeRegister({
    ...set,
    'members.yaml': members,
    'actions.yaml':
      `- id: A-2026-11-01\n  text: "${HOSTILE}"\n  owner: hqa\n` +
      '  raised: 2026-11-10\n  due: 2026-12-01\n  done_on: null\n',
  });
}

describe('control characters are shown escaped in every output', () => {
  it.each([
    ['register', []],
    ['register', ['--format', 'md']],
    ['due', []],
    ['members', []],
    ['actions', []],
    ['agenda', []],
    ['validate', ['--no-cache']],
    ['validate', ['--format', 'github', '--no-cache']],
  ])('ppp %s %j, as a table and as records', async (command, more) => {
    const root = hostileRegister();
    for (const width of [40, 200]) {
      const r = await run([command, ...more, '--today', '2027-01-05'], { ...terminal(width), cwd: root });
      expect(r.stdout.length).toBeGreaterThan(0);
      expect(r.stdout, r.stdout).not.toMatch(RAW);
      expect(r.stderr).not.toMatch(RAW);
      if (command !== 'validate') expect(r.stdout).toMatch(/Bad\\+u001b\\?\[2J/);
      if (command !== 'validate') expect(r.stdout).toMatch(/\\+u202eevil/);
    }
  });

  it.each([
    ['register', '--format', 'json'],
    ['due', '--json'],
    ['members', '--json'],
    ['actions', '--json'],
    ['agenda', '--json'],
    ['validate', '--format', 'json', '--no-cache'],
  ])('ppp %s %s stays valid JSON with the value as it is', async (...args) => {
    const root = hostileRegister();
    const r = await run([...args, '--today', '2027-01-05'], { cwd: root });
    expect(r.stdout).not.toMatch(RAW);
    const text = JSON.stringify(JSON.parse(r.stdout));
    if (args[0] !== 'validate') expect(text).toContain(JSON.stringify(HOSTILE_VALUE).slice(1, -1));
  });

  it('ppp register --format csv keeps its CRLF line ends and escapes the rest', async () => {
    const r = await run(['register', '--format', 'csv'], { cwd: hostileRegister() });
    expect(r.stdout).toContain('\r\n');
    expect(r.stdout.replace(/\r\n/g, '').replace(/\n/g, '')).not.toMatch(RAW);
  });

  it('ppp agenda --out and ppp minutes write markdown with every value escaped', async () => {
    const root = hostileRegister();
    const out = join(tempDir(), 'agenda.md');
    expect((await run(['agenda', '--out', out, '--today', '2027-01-05'], { cwd: root })).code).toBe(0);
    const agenda = readFileSync(out, 'utf8');
    expect(agenda).not.toMatch(RAW);
    expect(agenda).toContain('Bad\\\\u001b\\[2J');

    const dir = join(tempDir(), 'register');
    cpSync(SAMPLE, dir, { recursive: true });
    const members = join(dir, 'members.yaml');
    writeFileSync(members, readFileSync(members, 'utf8').replace(/name: .*/, `name: "${HOSTILE}"`));
    const now = () => Date.UTC(2027, 0, 12, 18);
    // Written into actions.yaml by hand: ppp action add refuses a control character in its text.
    const actions = join(dir, 'actions.yaml');
    writeFileSync(
      actions,
      readFileSync(actions, 'utf8') +
        `- id: A-2027-01-01\n  text: ${JSON.stringify(HOSTILE_VALUE)}\n  owner: hos-south\n` +
        '  raised: 2027-01-12\n  due: 2027-02-01\n  done_on: null\n',
    );
    const r = await run(['minutes', '2027-01-12', '--today', '2027-01-12'], { cwd: dir, now });
    expect(r.code, r.stderr).toBe(0);
    const minutes = readFileSync(join(dir, 'meetings/2027-01-12/minutes.md'), 'utf8');
    expect(minutes).not.toMatch(RAW);
    expect(minutes).toContain('Bad\\\\u001b\\[2J');
  });

  it('error messages show a value from the command line escaped', async () => {
    const r = await run(['submit', `CS-PRO-0001${HOSTILE_VALUE}`, '--today', '2027-01-05'], { cwd: makeRegister() });
    expect(r.code).toBe(2);
    expect(r.stderr.slice(0, -1)).not.toMatch(RAW);
    expect(r.stderr).toContain('the ID argument holds a control character (\\u001b)');
  });

  it('ppp validate rejects the control characters in the title and in members.yaml, at their lines', async () => {
    const r = await run(['validate', '--format', 'json', '--no-cache'], { cwd: hostileRegister() });
    const problems = (JSON.parse(r.stdout) as { problems: { file: string; line: number; rule: string }[] }).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: 'documents/forms/CS-FRM-0001-return.md',
          line: 3,
          rule: 'title/control-character',
        }),
        expect.objectContaining({
          file: 'documents/policies/CS-POL-0001-values.md',
          line: 3,
          rule: 'title/control-character',
        }),
        expect.objectContaining({ file: 'members.yaml', line: 13, rule: 'members/control-character' }),
      ]),
    );
    expect(r.code).toBe(1);
  });
});

describe('counts agree in number', () => {
  it('validate counts the files with problems, members.yaml included', async () => {
    const root = makeRegister({
      ...validSet(),
      'members.yaml': MEMBERS.replace('role: vice-chair', 'role: vice-chairs'),
    });
    const r = await run(['validate', '--no-cache'], { cwd: root });
    expect(r.stdout).toContain('✖ 1 problem (1 error, 0 warnings) in members.yaml; 3 documents checked');
    const broken = makeRegister({
      ...validSet(),
      'documents/forms/CS-FRM-0001-return.md': validSet()['documents/forms/CS-FRM-0001-return.md']!.replace(
        'owner: qa-1',
        'owner: qa-9',
      ),
      'members.yaml': MEMBERS.replace('role: vice-chair', 'role: vice-chairs'),
      'actions.yaml': '- id: A-2026-11-01\n  text: X\n  owner: nobody\n  raised: 2026-11-10\n  due: 2026-12-01\n',
    });
    const text = (await run(['validate', '--no-cache'], { cwd: broken })).stdout;
    expect(text).toMatch(
      /✖ \d+ problems \(\d+ errors, 0 warnings\) in 3 files \(1 document, actions\.yaml, members\.yaml\)/,
    );
    const github = (await run(['validate', '--format', 'github', '--no-cache'], { cwd: broken })).stdout;
    expect(github).toMatch(
      /3 documents checked: \d+ errors, 0 warnings in 3 files \(1 document, actions\.yaml, members\.yaml\)\n$/,
    );
  });

  it('one apology, one meeting, one day', async () => {
    const root = makeRegister();
    const file = join(tempDir(), 'one.ics');
    const ics = await run(['meetings', '--count', '1', '--ics', file, '--today', '2027-01-05'], { cwd: root });
    expect(ics.stderr).toContain('Wrote 1 meeting and its deadlines');
    const sample = join(tempDir(), 'register');
    cpSync(SAMPLE, sample, { recursive: true });
    const r = await run(
      [
        'attendance',
        '2027-01-12',
        '--present',
        'chair,hqa,psw,hos-north,hos-south,qa1,qa2,hos-cic,qa3,tm-wfd,commissioning,svc-lead-chad,svc-lead-cwad,' +
          'svc-lead-eh,svc-lead-fostering,svc-lead-permanence,vs-manager,mosaic-lead,ops-manager,hos-west',
        '--apologies',
        'svc-lead-send=Jamie Deputy',
        '--absent',
        'solicitor',
      ],
      { cwd: sample, now: () => Date.UTC(2027, 0, 20, 12) },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(', 1 apology, 1 absent.');
  });
});
