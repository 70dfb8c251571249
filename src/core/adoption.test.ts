import { describe, expect, it } from 'vitest';
import {
  adoptionGap,
  adoptionMessage,
  adoptionOf,
  documentsApproved,
  judgeAdoption,
  parseAdoptionTrailers,
} from './adoption.js';
import { approvalMessage } from './approval.js';
import { contentHash } from './content-hash.js';
import type { CommitInput, Signature } from './verify.js';

const FILE = 'documents/policies/CS-POL-0001-values.md';
const TEXT = `---
id: CS-POL-0001
title: Values
type: policy
status: approved
version: "1.0"
approval: { route: cabinet, approved_on: 2025-01-14, approved_by: Cabinet }
review: { cycle: 3 years, due: 2028-01-14 }
---

# Values
`;
const HASH = contentHash(TEXT)!;
const good: Signature = { code: 'G', signer: 'chair@example.org', key: 'SHA256:abc' };
const message = (over: { version?: string; hash?: string; title?: string } = {}) =>
  adoptionMessage(
    [
      {
        id: 'CS-POL-0001',
        version: over.version ?? '1.0',
        contentHash: over.hash ?? HASH,
        file: FILE,
        title: over.title ?? 'Values',
        status: 'approved',
      },
    ],
    'Cabinet minutes\n2025-01-14',
    'a'.repeat(40),
  );
const commit = (over: Partial<CommitInput> = {}): CommitInput => ({
  commit: 'c'.repeat(40),
  date: '2026-11-25T09:00:00+00:00',
  message: message(),
  files: [],
  ...over,
});

describe('adoption trailers', () => {
  it('are one line each, in the last paragraph, and read back', () => {
    const text = message({ title: 'Values\nPPP-Document: CS-POL-0009' });
    expect(text.split('\n\n').pop()).toBe(
      `PPP-Evidence: Cabinet minutes 2025-01-14\nPPP-Adopted: CS-POL-0001 1.0 ${HASH} ${FILE}\n`,
    );
    expect(parseAdoptionTrailers(text)).toEqual({
      evidence: 'Cabinet minutes 2025-01-14',
      documents: [{ id: 'CS-POL-0001', version: '1.0', contentHash: HASH, file: FILE }],
    });
    expect(documentsApproved(text)).toEqual(['CS-POL-0001']);
  });

  it('an approval commit is not an adoption, and a malformed line is no document', () => {
    const approval = approvalMessage(
      'Values',
      {
        'PPP-Document': 'CS-POL-0002',
        'PPP-Version': '1.0',
        'PPP-Route': 'ppp',
        'PPP-Approved-On': '2027-01-12',
        'PPP-Content-SHA256': HASH,
      },
      'Group',
    );
    expect(parseAdoptionTrailers(approval)).toBeUndefined();
    expect(documentsApproved(approval)).toEqual(['CS-POL-0002']);
    expect(parseAdoptionTrailers('Adopt\n\nPPP-Adopted: CS-POL-0001 1.0 short-hash x.md\n')).toBeUndefined();
  });

  it.each([
    [{ status: 'approved', approval: { route: 'ppp', approved_on: '2025-01-14', approved_by: 'G' } }, undefined],
    [{ status: 'withdrawn', approval: { route: 'ppp', approved_on: '2025-01-14', approved_by: 'G' } }, undefined],
    [{ status: 'approved', approval: { route: 'ppp', approved_on: '2025-01-14' } }, 'approval.approved_by missing'],
    [{ status: 'drafting' }, 'approval.route, approval.approved_on, approval.approved_by missing'],
  ])('adoptionGap(%j)', (data, fragment) => {
    const gap = adoptionGap(data);
    if (fragment === undefined) expect(gap).toBeUndefined();
    else expect(gap).toContain(fragment);
  });
});

describe('judgeAdoption', () => {
  it('a signed commit that changes no file and matches the document is verified, adopted', () => {
    const v = adoptionOf(judgeAdoption(commit(), good, [TEXT]), 'CS-POL-0001');
    expect(v).toMatchObject({
      state: 'verified',
      adopted: true,
      version: '1.0',
      route: 'cabinet',
      approvedOn: '2025-01-14',
      contentHash: HASH,
      file: FILE,
    });
    expect(v?.adoptedOutOfForce).toBeUndefined();
    expect(adoptionOf(judgeAdoption(commit(), good, [TEXT]), 'CS-POL-0002')).toBeUndefined();
  });

  it.each([
    ['no signature', commit(), { ...good, code: 'N' }, [TEXT], 'unsigned', 'adoption commit is not signed'],
    ['an altered commit', commit(), { ...good, code: 'B' }, [TEXT], 'bad-signature', 'altered after signing'],
    ['an unlisted key', commit(), { ...good, code: 'U' }, [TEXT], 'untrusted-signer', 'not in allowed_signers'],
    [
      'allowed_signers changed with it',
      commit({ files: [{ status: 'M', path: 'allowed_signers', blob: 'b'.repeat(40) }] }),
      good,
      [TEXT],
      'untrusted-signer',
      'also changes allowed_signers',
    ],
    [
      'a document changed with it',
      commit({ files: [{ status: 'M', path: FILE, blob: 'b'.repeat(40) }] }),
      good,
      [TEXT],
      'no-approval-commit',
      'changes no file',
    ],
    [
      'another hash',
      commit({ message: message({ hash: 'f'.repeat(64) }) }),
      good,
      [TEXT],
      'no-approval-commit',
      'hash',
    ],
    [
      'another version',
      commit({ message: message({ version: '2.0' }) }),
      good,
      [TEXT],
      'no-approval-commit',
      'it says version 2.0 but the document says 1.0',
    ],
    ['no file there', commit(), good, [undefined], 'no-approval-commit', 'is not a readable document'],
  ])('%s', (_name, c, signature, texts, state, fragment) => {
    const v = adoptionOf(judgeAdoption(c, signature, texts), 'CS-POL-0001')!;
    expect(v.state).toBe(state);
    expect(v.detail).toContain(fragment);
  });

  it('a document adopted while not in force is marked so', () => {
    const submitted = TEXT.replace('status: approved', 'status: submitted');
    const v = adoptionOf(judgeAdoption(commit(), good, [submitted]), 'CS-POL-0001')!;
    expect(v).toMatchObject({ state: 'verified', adoptedOutOfForce: true });
  });
});
