import { describe, expect, it } from 'vitest';
import { judgeRetirement, parseRetirementTrailers, retirementMessage, supersededIn } from './retirement.js';
import type { CommitInput } from './verify.js';

const good = { code: 'G', signer: 'chair@example.org', key: 'SHA256:x' };
const TEXT = (status: string, on = '2026-11-10', extra = '') =>
  `---\nid: CS-PRO-0001\ntitle: T\nstatus: ${status}\nretirement:\n  on: ${on}\n  reason: Gone\n${extra}---\n`;
const message = retirementMessage(
  'Missing children',
  '2.0',
  { 'PPP-Document': 'CS-PRO-0001', 'PPP-Retired-On': '2026-11-10', 'PPP-Status': 'withdrawn' },
  'Gone',
);
const commit = (over: Partial<CommitInput> = {}): CommitInput => ({
  commit: 'a'.repeat(40),
  date: '2026-11-20T12:00:00+00:00',
  message,
  files: [{ status: 'M', path: 'documents/procedures/CS-PRO-0001-missing.md', blob: 'b' }],
  ...over,
});

describe('retirement trailers', () => {
  it('writes and reads them back; an approval is not a retirement', () => {
    expect(message.split('\n')[0]).toBe('Retire CS-PRO-0001 v2.0: Missing children');
    expect(parseRetirementTrailers(message)).toEqual({
      'PPP-Document': 'CS-PRO-0001',
      'PPP-Retired-On': '2026-11-10',
      'PPP-Status': 'withdrawn',
    });
    expect(parseRetirementTrailers('Approve X\n\nPPP-Document: X\nPPP-Version: 1.0\n')).toBeUndefined();
    expect(supersededIn('Approve X\n\nPPP-Document: X\nPPP-Supersedes: A\nPPP-Supersedes: B\n')).toEqual(['A', 'B']);
  });
});

describe('judgeRetirement', () => {
  it.each([
    ['a good retirement', commit(), TEXT('withdrawn'), 'verified'],
    ['an unsigned one', commit(), TEXT('withdrawn'), 'unsigned', 'N'],
    ['one signed by an unlisted key', commit(), TEXT('withdrawn'), 'untrusted-signer', 'U'],
    ['a status that does not match', commit(), TEXT('archived'), 'removed-without-retirement'],
    ['a date that does not match', commit(), TEXT('withdrawn', '2026-11-11'), 'removed-without-retirement'],
    [
      'one that also changes allowed_signers',
      commit({ files: [...commit().files, { status: 'M', path: 'allowed_signers', blob: 'c' }] }),
      TEXT('withdrawn'),
      'untrusted-signer',
    ],
    [
      'one dated after its commit',
      commit({ date: '2026-11-09T12:00:00+00:00' }),
      TEXT('withdrawn'),
      'removed-without-retirement',
    ],
  ])('%s', (_name, input, text, state, code = 'G') => {
    expect(judgeRetirement(input, { ...good, code }, 'CS-PRO-0001', [text]).state).toBe(state);
  });

  it('judges an approval that supersedes the document by its superseded_by and date', () => {
    const approval = commit({
      message:
        'Approve CS-PRO-0002 v1.0: T\n\nPPP-Document: CS-PRO-0002\nPPP-Approved-On: 2026-11-10\n' +
        'PPP-Supersedes: CS-PRO-0001\n',
    });
    const text = TEXT('superseded', '2026-11-10', '  superseded_by: CS-PRO-0002\n');
    expect(judgeRetirement(approval, good, 'CS-PRO-0001', [text]).state).toBe('verified');
    expect(judgeRetirement(approval, good, 'CS-PRO-0001', [TEXT('superseded')]).state).toBe(
      'removed-without-retirement',
    );
  });
});
