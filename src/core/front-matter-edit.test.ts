import { describe, expect, it } from 'vitest';
import { EditError, editFrontMatter } from './front-matter-edit.js';

const original = `---
# The first comment stays.
id: CS-PRO-0007
title: Missing children   # a trailing comment stays
type: procedure
status: drafting          # drafting until submitted
version: "0.1"
governed_by: [CS-POL-0001]
approval:
  route: ppp
  approved_on: 2025-01-14   # a comment inside
submission:
  kind: draft
  on: 2026-12-01
owner: hos-north
---

# Missing children

Body text, with --- and: colons, kept exactly.
`;

describe('editFrontMatter', () => {
  it('rewrites a field in place and keeps every other byte', () => {
    const out = editFrontMatter(original, { status: 'submitted' });
    expect(out).toBe(original.replace('status: drafting', 'status: submitted'));
  });

  it('replaces a nested group on its own lines, in flow style', () => {
    const out = editFrontMatter(original, { submission: { kind: 'review', on: '2027-01-05', meeting: '2027-02-09' } });
    expect(out).toContain('submission: { kind: review, on: 2027-01-05, meeting: 2027-02-09 }\nowner: hos-north\n');
    expect(
      out.replace(
        'submission: { kind: review, on: 2027-01-05, meeting: 2027-02-09 }',
        'submission:\n  kind: draft\n  on: 2026-12-01',
      ),
    ).toBe(original);
  });

  it('adds a missing field at the end and removes one, lines and all', () => {
    const out = editFrontMatter(original, { summary: 'What to do when a child goes missing.', submission: undefined });
    expect(out).not.toContain('submission');
    expect(out).toContain('owner: hos-north\nsummary: What to do when a child goes missing.\n---\n');
    expect(out.split('---\n')[2]).toBe(original.split('---\n')[2]);
  });

  it('quotes what would change type, and keeps dates plain', () => {
    const out = editFrontMatter(original, { version: '2.0', review: { cycle: '3 years', due: '2030-01-14' } });
    expect(out).toContain('version: "2.0"\n');
    expect(out).toContain('review: { cycle: 3 years, due: 2030-01-14 }\n');
  });

  it('keeps CRLF line endings and a byte order mark', () => {
    const crlf = '\ufeff' + original.replace(/\n/g, '\r\n');
    const out = editFrontMatter(crlf, { status: 'submitted', summary: 'S' });
    expect(out.startsWith('\ufeff---\r\n')).toBe(true);
    expect(out).not.toMatch(/[^\r]\n/);
    expect(out).toContain('summary: S\r\n---\r\n');
  });

  it('keeps a comment on the line of a changed field', () => {
    const out = editFrontMatter(original, { title: 'Children missing from home or care' });
    expect(out).toContain('title: Children missing from home or care   # a trailing comment stays\n');
  });

  it.each([
    ['no front matter', '# Just text\n'],
    ['broken front matter', '---\nid: [unclosed\n---\n'],
  ])('refuses %s', (_name, text) => {
    expect(() => editFrontMatter(text, { status: 'submitted' })).toThrow(EditError);
  });
});
