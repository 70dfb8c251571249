/**
 * Empty and impossible values are refused (exit 2, naming the flag and what to do), never guessed: every argument and
 * flag value of every command, ppp's environment variables, --owner naming nobody, flags that cannot go together,
 * ppp help for a command that does not exist, and numbers, durations and dates beyond what can be meant.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/command-table.js';
import { processIo } from '../../src/io/io.js';
import { approvableRegister } from '../helpers/git.js';
import { cleanup, tempDir } from '../helpers/register.js';
import { run } from '../helpers/run.js';

afterAll(cleanup);

let root: string;
beforeAll(() => {
  root = approvableRegister({ on: '2026-12-20', meeting: '2027-01-12' }).root;
});
const FRM = 'documents/forms/CS-FRM-0001-return.md';

/** Every leaf command as it is typed (["action", "add"]), with its commander definition. */
function leafCommands(): { path: string[]; command: Command }[] {
  const program = new Command('ppp');
  for (const entry of COMMANDS) entry.define(program, { io: processIo(), exitCode: 0 });
  const leaves: { path: string[]; command: Command }[] = [];
  const walk = (c: Command, path: string[]) => {
    if (c.commands.length === 0) leaves.push({ path, command: c });
    for (const sub of c.commands) walk(sub, [...path, sub.name()]);
  };
  for (const c of program.commands) walk(c, [c.name()]);
  return leaves;
}

/** The argv of a command with every required argument and option given a placeholder, so one value can be varied. */
function baseArgs(command: Command, path: string[], skipOption?: string): string[] {
  const args = [...path, ...command.registeredArguments.filter((a) => a.required).map(() => 'X')];
  for (const o of command.options) if (o.mandatory && o.long !== skipOption) args.push(o.long!, 'x');
  return args;
}

const LEAVES = leafCommands();
const VALUE_FLAGS = LEAVES.flatMap(({ path, command }) =>
  command.options
    .filter((o) => o.required || o.optional)
    .map((o) => ({ name: `${path.join(' ')} ${o.long}`, path, command, flag: o.long! })),
);
const ARGUMENTS = LEAVES.flatMap(({ path, command }) =>
  command.registeredArguments.map((a, i) => ({ name: `${path.join(' ')} ${a.name().toUpperCase()}`, path, a, i })),
);

describe('an empty or blank value is refused', () => {
  it('covers every command', () => {
    expect(VALUE_FLAGS.length).toBeGreaterThan(40);
    const commands = ['action', 'adopt', 'approve', 'attendance', 'decide', 'history', 'import', 'init', 'minutes'];
    const taking = [...new Set(ARGUMENTS.map((a) => a.path[0]))].sort();
    expect(taking).toEqual([...commands, 'new', 'report', 'retire', 'submit', 'validate']);
  });

  it.each(
    VALUE_FLAGS.flatMap((f) => [
      { ...f, value: '' },
      { ...f, value: '   ' },
    ]),
  )('$name "$value"', async ({ path, command, flag, value }) => {
    const r = await run([...baseArgs(command, path, flag), flag, value], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${flag} is ${value ? 'blank' : 'empty'}; give it a value`);
    expect(r.stderr).toContain(`ppp help ${path.join(' ')}`);
  });

  it.each(
    ARGUMENTS.flatMap((a) => [
      { ...a, value: '' },
      { ...a, value: ' \t' },
    ]),
  )('$name "$value"', async ({ path, a, i, value }) => {
    const command = LEAVES.find((l) => l.path.join(' ') === path.join(' '))!.command;
    const args = baseArgs(command, path);
    // The argument varied stands where it is declared, after the command's words.
    const position = path.length + i;
    if (position < args.length && command.registeredArguments[i]!.required) args[position] = value;
    else args.splice(position, 0, value);
    const r = await run(args, { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`the ${a.name().toUpperCase()} argument is ${value ? 'blank' : 'empty'}`);
  });

  it.each([
    [['init', ''], 'the DIR argument is empty; give the folder to create the register in'],
    [['register', '-C', ''], '--register is empty'],
    [['register', '--register', ' '], '--register is blank'],
    [['validate', '--today', ''], '--today is empty; give a real date as YYYY-MM-DD'],
    [['new', 'policy', '--title', '  ', '--owner', 'hqa'], '--title is blank'],
    [['retire', 'CS-FRM-0001', '--reason', ''], '--reason is empty'],
    [['decide', 'CS-FRM-0001', 'defer', '--meeting', ''], '--meeting is empty'],
    [['adopt', '--all', '--evidence', ''], '--evidence is empty'],
    [['agenda', '--out', ''], '--out is empty'],
    [['meetings', '--ics', ''], '--ics is empty'],
    [['agenda', '--accept-late', 'CS-FRM-0001', ''], '--accept-late is empty'],
    [['adopt', 'CS-POL-0001', '', '--evidence', 'minutes'], 'the IDS argument is empty'],
    [['validate', 'documents', ''], 'the PATHS argument is empty'],
  ])('%j', async (args, message) => {
    const r = await run(args, { cwd: root });
    expect(r).toMatchObject({ code: 2, stderr: expect.stringContaining(message) });
  });

  it('init "" creates nothing, even in an empty folder', async () => {
    const dir = tempDir();
    expect((await run(['init', ''], { cwd: dir })).code).toBe(2);
    expect(existsSync(join(dir, 'ppp.yaml'))).toBe(false);
  });

  it.each([
    ['PPP_REGISTER', '', 'PPP_REGISTER is set but empty'],
    ['PPP_REGISTER', '  ', 'PPP_REGISTER is set but empty'],
    ['PPP_TODAY', '', 'PPP_TODAY is set but empty'],
    ['PPP_CACHE_DIR', '', 'PPP_CACHE_DIR is set but empty'],
    ['PPP_THREADS', '', 'PPP_THREADS="" is not a number of threads'],
    ['PPP_THREADS', '0', 'PPP_THREADS="0" is not a number of threads'],
    ['PPP_THREADS', '-2', 'is not a number of threads'],
    ['PPP_THREADS', '1.5', 'is not a number of threads'],
    ['PPP_THREADS', 'many', 'is not a number of threads'],
  ])('%s=%j', async (name, value, message) => {
    const r = await run(['validate', '--no-cache'], { cwd: root, env: { [name]: value } });
    expect(r).toMatchObject({ code: 2, stderr: expect.stringContaining(message) });
  });

  it('PPP_TODAY="" is refused by every command, also one that uses no date', async () => {
    for (const args of [['members'], ['register'], ['verify']]) {
      const r = await run(args, { cwd: root, env: { PPP_TODAY: '' } });
      expect(r).toMatchObject({ code: 2, stderr: expect.stringContaining('PPP_TODAY') });
    }
  });

  it('a register named by PPP_THREADS=2 or PPP_REGISTER still works', async () => {
    expect((await run(['validate'], { cwd: tempDir(), env: { PPP_REGISTER: root, PPP_THREADS: '2' } })).code).toBe(0);
  });
});

describe('--owner (or an attendance list) naming nobody lists the members (exit 2)', () => {
  it.each([
    [['register', '--owner', 'nobody']],
    [['list', '--owner', 'nobody']],
    [['actions', '--owner', 'nobody']],
    [['due', '--owner', 'nobody']],
    [['new', 'policy', '--title', 'T', '--owner', 'nobody']],
    [['action', 'add', 'Do it', '--owner', 'nobody', '--due', '2027-02-01']],
    [['attendance', '2027-01-12', '--present', 'hqa,nobody'], '--present'],
    [['attendance', '2027-01-12', '--apologies', 'nobody=A Deputy'], '--apologies'],
    [['attendance', '2027-01-12', '--absent', 'nobody'], '--absent'],
  ])('%j', async (args, flag = '--owner') => {
    const r = await run(args, { cwd: root, env: { PPP_TODAY: '2027-01-05' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${flag} nobody is not a member in members.yaml; use one of: `);
    expect(r.stderr).toContain('hqa');
  });

  it('an owner the documents still name may be filtered on', async () => {
    const r = await run(['register', '--owner', 'qa-1', '--json'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([expect.objectContaining({ id: 'CS-FRM-0001' })]);
  });
});

describe('flags that cannot go together are refused with the reason', () => {
  it.each([
    [['register', '--format', 'csv', '--json'], '--format and --json cannot go together'],
    [['list', '--format', 'md', '--json'], '--json is the same as --format json'],
    [['validate', '--list-rules', '--strict'], '--list-rules and --strict cannot go together'],
    [['validate', '--list-rules', '--no-cache'], '--list-rules and --no-cache cannot go together'],
    [['validate', '--list-rules', '--format', 'github'], '--list-rules and --format cannot go together'],
    [['agenda', '--json', '--out', 'agenda.md'], '--json and --out cannot go together'],
    [['agenda', '--issue', '--out', 'agenda.md'], '--issue and --out cannot go together'],
    [['history', 'CS-PRO-0001', '--diff', '2.0..', '--json'], '--json and --diff cannot go together'],
    [['meetings', '--to', '2027-12-31', '--count', '3'], '--to and --count cannot go together'],
    [['submit', 'CS-FRM-0001', '--late'], '--late goes with --meeting DATE'],
    [['adopt', 'CS-POL-0001', '--all', '--evidence', 'minutes'], 'not both'],
    [['retire', 'CS-PRO-0001', '--reason', 'r', '--superseded-by', 'CS-POL-0001', '--status', 'archived'], 'leave out'],
    [['decide', 'CS-FRM-0001', 'defer', '--meeting', '2027-01-12', '--governed-by', 'CS-PRO-0001'], 'goes with agree'],
    [['approve', 'CS-FRM-0001', '--route', 'ppp', '--responses', 'r.yaml'], '--responses is for --route virtual'],
  ])('%j', async (args, message) => {
    const before = readFileSync(join(root, FRM), 'utf8');
    const r = await run(args, { cwd: root, env: { PPP_TODAY: '2027-01-20' } });
    expect(r).toMatchObject({ code: 2, stderr: expect.stringContaining(message) });
    expect(r.stdout).toBe('');
    expect(existsSync(join(root, 'agenda.md'))).toBe(false);
    expect(readFileSync(join(root, FRM), 'utf8')).toBe(before);
  });

  it('the same format twice is no conflict', async () => {
    expect((await run(['register', '--format', 'json', '--json'], { cwd: root })).code).toBe(0);
  });
});

describe('ppp help NAME', () => {
  it.each([
    [['help', 'nosuch'], '"nosuch" is not a command of ppp', 'register'],
    [['help', 'action', 'nosuch'], '"nosuch" is not a command of ppp action; run "ppp help action"', 'add, done'],
    [['help', ''], 'an empty name is not a command of ppp', 'register'],
  ])('%j is refused', async (args, message, choices) => {
    const r = await run(args);
    expect(r).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining(message) });
    expect(r.stderr).toContain(choices);
  });

  it.each([
    [['help', 'list'], 'Usage: ppp register|list'],
    [['help', 'action', 'add'], 'Usage: ppp action add'],
    [['help', 'help'], 'Usage: ppp [options] [command]'],
  ])('%j shows that help', async (args, usage) => {
    const r = await run(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(usage);
  });
});

describe('impossible numbers, durations and dates', () => {
  it.each([
    [['due', '--within', '0 days'], '"0 days" is no time at all'],
    [['due', '--within', 'P0D'], 'is no time at all'],
    [['due', '--within', '0 working days'], 'is no time at all'],
    [['due', '--within', '-3 days'], 'is not a duration'],
    [['due', '--within', '1000 years'], 'is longer than 100 years'],
    [['due', '--within', '9999 years'], 'is longer than 100 years'],
    [['approve', 'CS-FRM-0001', '--route', 'ppp', '--cycle', '0 months'], '--cycle: "0 months" is no time at all'],
    [['approve', 'CS-FRM-0001', '--route', 'ppp', '--cycle', '200 years'], 'is longer than 100 years'],
    [['approve', 'CS-FRM-0001', '--route', 'ppp', '--cycle', '10 working days'], 'counted in calendar time'],
    [['approve', 'CS-FRM-0001', '--route', 'ppp', '--version', '0'], '--version 0 is not a version'],
    [['meetings', '--count', '0'], 'must be a whole number from 1 to 500'],
    [['meetings', '--count', '-1'], 'must be a whole number from 1 to 500'],
    [['meetings', '--count', '1.5'], 'must be a whole number from 1 to 500'],
    [['meetings', '--count', '100000'], 'must be a whole number from 1 to 500'],
    [['meetings', '--from', '2027-01-01', '--to', '9999-12-31'], 'spans more than 10 years'],
    [['meetings', '--from', '0001-01-01'], 'more than 100 years from today'],
    [['meetings', '--today', '9999-06-01'], '--today 9999-06-01 is more than 100 years from the real date'],
    [['due', '--today', '0001-01-01'], 'more than 100 years from the real date'],
  ])('%j', async (args, message) => {
    const before = readFileSync(join(root, FRM), 'utf8');
    const r = await run(args, { cwd: root, env: { PPP_TODAY: '2027-01-20' } });
    expect(r).toMatchObject({ code: 2, stderr: expect.stringContaining(message) });
    expect(readFileSync(join(root, FRM), 'utf8')).toBe(before);
  });
});

describe('a value holding a control character is refused before anything is written', () => {
  it.each([
    ['new --title', ['new', 'policy', '--title', 'Values\x1b[31m', '--owner', 'hqa', '--yes'], '--title', '\\u001b'],
    [
      'new --summary',
      ['new', 'policy', '--title', 'V', '--summary', 'a\u202eb', '--owner', 'hqa', '--yes'],
      '--summary',
      '\\u202e',
    ],
    [
      'action add TEXT',
      ['action', 'add', 'Fix\nthis', '--owner', 'hqa', '--due', '2031-01-01'],
      'the TEXT argument',
      '\\n',
    ],
    [
      'decide --reason',
      ['decide', 'CS-FRM-0001', 'return', '--meeting', '2026-10-13', '--reason', 'a\tb'],
      '--reason',
      '\\t',
    ],
    ['approve --by', ['approve', 'CS-FRM-0001', '--route', 'director', '--by', 'Dir\x07ector'], '--by', '\\u0007'],
    ['adopt --evidence', ['adopt', '--all', '--evidence', 'Minutes\x1b]0;x\x07'], '--evidence', '\\u001b'],
  ])('%s', async (_what, args, flag, shown) => {
    const before = readFileSync(join(root, FRM), 'utf8');
    const r = await run(args, { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`ppp: ${flag} holds a control character (${shown}); write it as plain text on one line\n`);
    expect(readFileSync(join(root, FRM), 'utf8')).toBe(before);
    expect(existsSync(join(root, 'documents', 'policies', 'CS-POL-0002-values.md'))).toBe(false);
  });
});
