/**
 * review.cycles end to end: ppp approve without --cycle gives a document its type's cycle from ppp.yaml, on a real
 * temporary git repository with a real ed25519 signing key. Every record is dated at a meeting already held.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../helpers/run.js';
import { allowSigners, commitAll, makeKey, useKey } from '../helpers/git.js';
import { cleanup, doc, fullBody, makeRegister, PRESET, validSet } from '../helpers/register.js';

afterAll(cleanup);

// The dorset-ppp meeting of 13 October 2026 (second Tuesday), before the day these tests were written.
const MEETING = '2026-10-13';
const NOW = () => Date.UTC(2026, 10, 25, 12);
const TOR = 'documents/terms-of-reference/CS-TOR-0001-ppp-group.md';
const QAF = 'documents/frameworks/CS-QAF-0001-quality-assurance.md';

const submitted = (id: string, type: string, title: string, extra: string) =>
  doc(
    `id: ${id}
title: ${title}
summary: The ${title.toLowerCase()} of the children's services.
type: ${type}
status: submitted
version: "0.2"
owner: chair
${extra}submission: { kind: draft, on: 2026-09-20, meeting: ${MEETING} }
eqia: { status: not-required, reason: Sets out how the group works; no direct effect on families. }
`,
    fullBody(type),
  );

function register(settings = PRESET) {
  const root = makeRegister(
    {
      ...validSet(),
      [TOR]: submitted('CS-TOR-0001', 'terms-of-reference', 'PPP Group terms of reference', 'body: PPP Group\n'),
      [QAF]: submitted(
        'CS-QAF-0001',
        'framework',
        'Quality assurance framework',
        'period: { from: 2026-04-01, to: 2027-03-31 }\n',
      ),
    },
    settings,
  );
  const key = makeKey('chair');
  allowSigners(root, [{ principal: 'chair@example.org', publicKey: key.publicKey }]);
  commitAll(root);
  useKey(root, key);
  return root;
}

describe('ppp approve and review.cycles', () => {
  it('gives terms of reference and a framework the one-year cycle of their type when no --cycle is given', async () => {
    const root = register();
    const before = await run(['validate'], { cwd: root, now: NOW });
    expect(before.code, before.stdout).toBe(0);
    for (const [id, file] of [
      ['CS-TOR-0001', TOR],
      ['CS-QAF-0001', QAF],
    ] as const) {
      const r = await run(['approve', id, '--route', 'ppp'], { cwd: root, now: NOW });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`review due 2027-10-13`);
      expect(readFileSync(join(root, file), 'utf8')).toMatch(/review:\n {2}cycle: 1 year\n {2}due: 2027-10-13\n/);
    }
    expect((await run(['validate'], { cwd: root, now: NOW })).code).toBe(0);
  });

  it('keeps review.default_cycle for a type that review.cycles does not name', async () => {
    const root = register(PRESET.replace(/ {4}terms-of-reference: 1 year\n/, ''));
    const r = await run(['approve', 'CS-TOR-0001', '--route', 'ppp'], { cwd: root, now: NOW });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(root, TOR), 'utf8')).toMatch(/review:\n {2}cycle: 3 years\n {2}due: 2029-10-13\n/);
  });
});
