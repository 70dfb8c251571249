/**
 * Small faults, each its own test: a summary given to ppp new replaces the template's placeholder, a moved submission
 * keeps the date it was received, messages quote the field they name, the --by example fits the route, and the
 * terminal prompts offer what the register allows (route) and what ppp new can make (a proposal).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { approvableRegister } from '../helpers/git.js';
import { checkDocuments, cleanup, doc, fullBody, makeRegister, tempDir, validSet } from '../helpers/register.js';
import { run } from '../helpers/run.js';
import { hasScript, onTerminal } from '../helpers/terminal.js';

afterAll(cleanup);

const FRM = 'documents/forms/CS-FRM-0001-return.md';

describe('ppp new --summary', () => {
  it('writes one summary line, in place of the template placeholder', async () => {
    const root = makeRegister();
    const r = await run(
      ['new', 'policy', '--title', 'Values', '--owner', 'hqa', '--summary', 'Why we work as we do.'],
      { cwd: root },
    );
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(join(root, 'documents/policies/CS-POL-0001-values.md'), 'utf8');
    const front = text.split('\n---\n')[0]!;
    expect(front.split('\n').filter((l) => /summary:/.test(l))).toEqual(['summary: Why we work as we do.']);
    expect((await run(['validate'], { cwd: root })).code).toBe(0);
  });
});

describe('ppp submit, moving a submission to a later meeting', () => {
  function register() {
    const set = validSet();
    set[FRM] = set[FRM]!.replace('status: drafting', 'summary: Records the return home interview.\nstatus: drafting');
    return makeRegister(set);
  }

  it.each([
    ['before the later meeting’s deadline', '2027-01-05'],
    ['after the later meeting’s deadline, as it was received in time for it', '2027-01-28'],
  ])('keeps the date it was first received (%s)', async (_when, movedOn) => {
    const root = register();
    expect((await run(['submit', 'CS-FRM-0001', '--today', '2026-12-20'], { cwd: root })).code).toBe(0);
    const moved = await run(['submit', 'CS-FRM-0001', '--meeting', '2027-02-09', '--today', movedOn], { cwd: root });
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.stdout).toContain(
      'Moved CS-FRM-0001 (draft, received 2026-12-20) from the meeting of 2027-01-12 to the meeting of 2027-02-09',
    );
    const text = readFileSync(join(root, FRM), 'utf8');
    expect(text).toContain('submission: { kind: draft, on: 2026-12-20, meeting: 2027-02-09 }');
    expect(text).not.toContain('late');
  });
});

describe('messages name front matter fields in quotes', () => {
  const tor = (fields: string) =>
    doc(
      'id: CS-TOR-0001\ntitle: Terms\nsummary: The group.\ntype: terms-of-reference\nstatus: submitted\n' +
        `version: "0.2"\nowner: chair\nsubmission: { kind: draft, on: 2027-01-04, meeting: 2027-01-12 }\n${fields}`,
      fullBody('terms-of-reference'),
    );
  const file = 'documents/terms-of-reference/CS-TOR-0001-terms.md';
  it.each([
    ['a missing body', '', 'document/incomplete', 'must have the field "body" (the name of the group these terms'],
    ['an empty body', 'body: ""\n', 'schema/invalid', 'the field "body" is empty'],
    ['a body that is a list', 'body: [a, b]\n', 'schema/type', 'the field "body" must be text'],
    ['a scope that is not a scope', 'body: G\nscope: everyone\n', 'schema/enum', 'the field "scope" is "everyone"'],
    ['a link to nothing', 'body: G\nread_with: [CS-POL-0099]\n', 'link/unresolved', 'the field "read_with" names'],
    ['a sponsor who is nobody', 'body: G\nsponsor: nobody\n', 'member/unknown', 'the field "sponsor" names "nobody"'],
  ])('%s', (_name, fields, rule, message) => {
    const problems = checkDocuments({ ...validSet(), [file]: tor(fields) });
    expect(problems.filter((p) => p.rule === rule).map((p) => p.message)).toEqual([expect.stringContaining(message)]);
  });

  it('a missing field the schema requires', () => {
    const problems = checkDocuments({ ...validSet(), [file]: tor('body: G\n').replace('owner: chair\n', '') });
    expect(problems.find((p) => p.rule === 'schema/required')?.message).toContain('the field "owner" is missing');
  });
});

describe('ppp approve --route partnership without --by', () => {
  it('gives an example of --by that names a partnership', async () => {
    const { root } = approvableRegister({ on: '2026-12-20', meeting: '2027-01-12' });
    const r = await run(['approve', 'CS-FRM-0001', '--route', 'partnership', '--meeting', '2027-01-12'], {
      cwd: root,
      env: { PPP_TODAY: '2027-01-20' },
    });
    expect(r.code).toBe(1);
    const hint = r.stderr.split('\n').find((l) => l.includes('pass --by'))!;
    expect(hint).toMatch(/--by "[^"]*Partnership[^"]*"/);
    expect(hint).not.toMatch(/Cabinet|Director/);
  });
});

describe.skipIf(!hasScript)('terminal prompts', () => {
  it('approve offers only the routes ppp.yaml allows for the document type', async () => {
    const { root } = approvableRegister({ on: '2026-12-20', meeting: '2027-01-12' });
    // Dorset: a form may be approved by ppp, director, interim or partnership; never cabinet, and virtual is Kent's.
    const r = await onTerminal(['approve', 'CS-FRM-0001'], root, [[/partnership/, '\x03']]);
    const prompt = r.screen.slice(r.screen.indexOf('Route of approval'));
    for (const route of ['ppp', 'director', 'interim', 'partnership']) expect(prompt).toContain(route);
    expect(prompt).not.toMatch(/cabinet|virtual/);
  }, 30_000);

  it('new offers a proposal, and writes one with status proposed', async () => {
    const dir = join(tempDir(), 'reg');
    expect((await run(['init', dir])).code).toBe(0);
    const down = '\x1b[B';
    const r = await onTerminal(['new', 'standard', '--title', 'Recording standard'], dir, [
      [/draft or a proposal/, `${down}\r`],
      [/Owner/, '\r'],
    ]);
    expect(r.code, r.screen).toBe(0);
    expect(r.screen).toContain('a proposal (status proposed)');
    // A proposal needs no governing document, so none is asked for.
    expect(r.screen).not.toContain('Governing');
    const [file] = readdirSync(join(dir, 'documents/standards'));
    expect(readFileSync(join(dir, 'documents/standards', file!), 'utf8')).toContain('status: proposed');
    expect((await run(['validate'], { cwd: dir })).code).toBe(0);
  }, 30_000);
});
