import { describe, expect, it } from 'vitest';
import { approvalMessage } from './approval.js';
import { contentHash } from './content-hash.js';
import { judgeCommit, verifyDocuments, type CommitInput, type CommitVerdict } from './verify.js';

const FILE = 'documents/procedures/CS-PRO-0007-missing.md';
const TEXT = `---
id: CS-PRO-0007
title: Missing children
type: procedure
status: approved
version: "2.0"
approval: { route: ppp, approved_on: 2027-01-12, approved_by: Group, meeting: 2027-01-12 }
review: { cycle: 3 years, due: 2030-01-12 }
---

# Missing children
`;
const trailers = (over: Record<string, string> = {}) =>
  approvalMessage(
    'Missing children',
    {
      'PPP-Document': 'CS-PRO-0007',
      'PPP-Version': '2.0',
      'PPP-Route': 'ppp',
      'PPP-Meeting': '2027-01-12',
      'PPP-Approved-On': '2027-01-12',
      'PPP-Content-SHA256': contentHash(TEXT)!,
      ...over,
    },
    'Group',
  );
const commit = (over: Partial<CommitInput> = {}): CommitInput => ({
  commit: 'c'.repeat(40),
  date: '2027-01-13T09:00:00+00:00',
  message: trailers(),
  files: [{ status: 'M', path: FILE, blob: 'b'.repeat(40) }],
  ...over,
});
const good = { code: 'G', signer: 'chair@example.org', key: 'SHA256:abc' };

describe('judgeCommit', () => {
  it('verifies a signed commit whose trailers match the document it changed', () => {
    expect(judgeCommit(commit(), good, TEXT)).toMatchObject({
      state: 'verified',
      document: 'CS-PRO-0007',
      version: '2.0',
      meeting: '2027-01-12',
      file: FILE,
    });
  });

  it('fails an approval dated after the commit that records it, and passes one made the same day', () => {
    const late = judgeCommit(commit({ date: '2027-01-11T18:00:00+00:00' }), good, TEXT);
    expect(late).toMatchObject({ state: 'no-approval-commit' });
    expect(late.detail).toContain("PPP-Approved-On 2027-01-12 is after the commit's own date, 2027-01-11");
    expect(judgeCommit(commit({ date: '2027-01-12T23:30:00+00:00' }), good, TEXT).state).toBe('verified');
  });

  it.each([
    ['N', 'unsigned'],
    ['B', 'bad-signature'],
    ['U', 'untrusted-signer'],
    ['E', 'untrusted-signer'],
    ['R', 'untrusted-signer'],
    ['X', 'untrusted-signer'],
  ])('git %%G? = %s is %s', (code, state) => {
    expect(judgeCommit(commit(), { ...good, code }, TEXT).state).toBe(state);
  });

  it.each([
    [
      'a commit that also edits allowed_signers',
      commit({
        files: [
          { status: 'M', path: FILE, blob: 'b' },
          { status: 'M', path: 'allowed_signers', blob: 'a' },
        ],
      }),
      TEXT,
      'untrusted-signer',
      'also changes allowed_signers',
    ],
    [
      'a commit of two files',
      commit({
        files: [
          { status: 'M', path: FILE, blob: 'b' },
          { status: 'M', path: 'ppp.yaml', blob: 'a' },
        ],
      }),
      TEXT,
      'no-approval-commit',
      'changes exactly the approved document',
    ],
    [
      'trailers of another document',
      commit({ message: trailers({ 'PPP-Document': 'CS-PRO-0008' }) }),
      TEXT,
      'no-approval-commit',
      'names CS-PRO-0008',
    ],
    [
      'another version',
      commit({ message: trailers({ 'PPP-Version': '3.0' }) }),
      TEXT,
      'no-approval-commit',
      'PPP-Version 3.0',
    ],
    [
      'another hash',
      commit({ message: trailers({ 'PPP-Content-SHA256': '0'.repeat(64) }) }),
      TEXT,
      'no-approval-commit',
      'not the hash',
    ],
    [
      'a draft committed as approved',
      commit(),
      TEXT.replace('status: approved', 'status: drafting'),
      'no-approval-commit',
      'status at the commit is drafting',
    ],
  ])('%s', (_name, input, text, state, detail) => {
    const v = judgeCommit(input, good, text);
    expect(v.state).toBe(state);
    expect(v.detail).toContain(detail);
  });
});

describe('verifyDocuments', () => {
  const verdict = judgeCommit(commit(), good, TEXT) as CommitVerdict;
  const last = new Map([['CS-PRO-0007', verdict]]);
  const doc = {
    id: 'CS-PRO-0007',
    file: FILE,
    status: 'approved',
    version: '2.0',
    approvedOn: '2027-01-12',
    hash: contentHash(TEXT),
  };

  it('gives verified, modified-after-approval, pending versions and missing commits', () => {
    expect(verifyDocuments([doc], last, 'required')[0]).toMatchObject({
      state: 'verified',
      severity: 'ok',
      signer: 'chair@example.org',
    });
    expect(verifyDocuments([{ ...doc, hash: contentHash(TEXT + 'x') }], last, 'required')[0]).toMatchObject({
      state: 'modified-after-approval',
      severity: 'error',
    });
    expect(
      verifyDocuments([{ ...doc, status: 'drafting', version: '2.1', hash: undefined }], last, 'required')[0],
    ).toMatchObject({ state: 'verified', pending_version: '2.1' });
    expect(verifyDocuments([{ ...doc, id: 'CS-PRO-0009' }], last, 'required')[0]).toMatchObject({
      state: 'no-approval-commit',
      commit: null,
    });
    expect(
      verifyDocuments([{ ...doc, id: 'CS-PRO-0009', status: 'drafting', approvedOn: undefined }], last, 'required'),
    ).toEqual([]);
  });

  it('makes unsigned a warning when signing is optional', () => {
    const unsigned = new Map([['CS-PRO-0007', judgeCommit(commit(), { ...good, code: 'N' }, TEXT)]]);
    expect(verifyDocuments([doc], unsigned, 'optional')[0]!.severity).toBe('warning');
    expect(verifyDocuments([doc], unsigned, 'required')[0]!.severity).toBe('error');
  });

  it('says, of a missing approval commit, that a squash or rebase merge drops signed approval commits', () => {
    const [row] = verifyDocuments([{ ...doc, id: 'CS-PRO-0009' }], last, 'required');
    expect(row).toMatchObject({ state: 'no-approval-commit' });
    expect(row!.detail).toContain('no signed approval commit for CS-PRO-0009 is in the history');
    expect(row!.detail).toContain('a squash or rebase merge drops signed approval commits');
  });
});
