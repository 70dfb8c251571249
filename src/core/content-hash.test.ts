import { describe, expect, it } from 'vitest';
import { canonicalContent, contentHash } from './content-hash.js';

const approved = `---
id: CS-PRO-0007
title: Missing children
type: procedure
status: approved
version: "2.0"
owner: hos-north
approval: { route: ppp, approved_on: 2027-01-12, approved_by: PPP Group, meeting: 2027-01-12 }
review: { cycle: 3 years, due: 2030-01-12 }
governed_by: [CS-POL-0001]
---

# Missing children

## Procedure

Practitioners must report a missing child to the police at once.
`;

describe('PPP-Content-SHA256', () => {
  const base = contentHash(approved)!;

  it('is a sha256 of canonical front matter and body', () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(canonicalContent(approved)).toMatch(
      /^\{"approval":\{"approved_by":"PPP Group","approved_on":"2027-01-12","meeting":"2027-01-12","route":"ppp"\},"governed_by":\["CS-POL-0001"\],"id":"CS-PRO-0007",/,
    );
  });

  it.each([
    ['CRLF line endings', approved.replace(/\n/g, '\r\n')],
    ['a byte order mark', '\ufeff' + approved],
    ['a new status', approved.replace('status: approved', 'status: submitted')],
    [
      'a submission added',
      approved.replace(
        'owner: hos-north',
        'owner: hos-north\nsubmission: { kind: review, on: 2029-11-01, meeting: 2029-12-11 }',
      ),
    ],
    [
      'YAML layout and comments',
      approved
        .replace('governed_by: [CS-POL-0001]', 'governed_by:\n  - CS-POL-0001   # the values policy')
        .replace('version: "2.0"', "version: '2.0'"),
    ],
    [
      'key order',
      approved.replace('type: procedure\n', '').replace('owner: hos-north', 'owner: hos-north\ntype: procedure'),
    ],
  ])('does not change with %s', (_name, text) => {
    expect(contentHash(text)).toBe(base);
  });

  it.each([
    ['a word of the body', approved.replace('at once', 'promptly')],
    ['a value of the front matter', approved.replace('due: 2030-01-12', 'due: 2030-01-13')],
    ['a field added', approved.replace('owner: hos-north', 'owner: hos-north\nsponsor: hqa')],
    ['the version', approved.replace('"2.0"', '"2.1"')],
    ['a space in the body', approved.replace('must report', 'must  report')],
  ])('changes with %s', (_name, text) => {
    expect(contentHash(text)).not.toBe(base);
  });

  it('has no hash for a document whose front matter cannot be read', () => {
    expect(contentHash('# no front matter\n')).toBeUndefined();
    expect(contentHash('---\nid: [broken\n---\n')).toBeUndefined();
  });
});
