import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  approvalMessage,
  approvalRefusals,
  compareVersions,
  nextVersion,
  parseApprovalTrailers,
  planApproval,
  type ApprovalRequest,
} from './approval.js';
import type { Route } from './document.js';
import { parseSettings } from './ppp-yaml.js';

const presets = join(import.meta.dirname, '../../presets');
function settingsOf(preset: string) {
  const r = parseSettings(readFileSync(join(presets, `${preset}.yaml`), 'utf8'));
  if (!r.ok) throw new Error('preset does not parse');
  return r.settings;
}
const dorset = settingsOf('dorset-ppp');
const submitted = {
  id: 'CS-PRO-0007',
  type: 'procedure',
  status: 'submitted',
  version: '0.3',
  eqia: { status: 'completed', on: '2026-12-01' },
};
const request = (over: Partial<ApprovalRequest> = {}): ApprovalRequest => ({
  route: 'ppp',
  meeting: '2027-01-12',
  on: '2027-01-12',
  by: 'Group',
  ...over,
});

describe('nextVersion', () => {
  it.each([
    ['0.3', 'submitted', 'ppp', '1.0'],
    ['0.9', 'drafting', 'interim', '1.0'],
    ['1.0', 'interim', 'ppp', '1.0'],
    ['2.1', 'submitted', 'ppp', '3.0'],
    ['1.0', 'under-review', 'director', '2.0'],
    ['rubbish', 'submitted', 'ppp', '1.0'],
  ] as [string, string, Route, string][])('%s (%s, route %s) becomes %s', (current, status, route, next) => {
    expect(nextVersion(current, status, route)).toBe(next);
  });

  it('compares versions numerically', () => {
    expect(compareVersions('10.0', '9.9')).toBeGreaterThan(0);
    expect(compareVersions('1.2', '1.10')).toBeLessThan(0);
  });
});

describe('approvalRefusals', () => {
  it('accepts a submitted procedure with its EqIA at a past meeting', () => {
    expect(approvalRefusals(submitted, dorset, request(), '2027-01-20')).toEqual([]);
  });

  it.each([
    ['a route its type may not use', submitted, request({ route: 'cabinet' }), 'may not be approved by route cabinet'],
    ['a drafting document by the group', { ...submitted, status: 'drafting' }, request(), 'run ppp submit'],
    ['a cycle beyond max_cycle', submitted, request({ cycle: '37 months' }), 'longer than the longest'],
    ['a cycle in working days', submitted, request({ cycle: '10 working days' }), 'calendar time'],
    ['an approval dated in the future', submitted, request({ on: '2027-02-01', meeting: undefined }), 'after today'],
    ['an approval before its meeting', submitted, request({ on: '2027-01-11' }), 'before the meeting'],
    ['a lower --version', { ...submitted, version: '2.0' }, request({ version: '1.5' }), 'lower than'],
    ['a draft --version', submitted, request({ version: '0.5' }), 'draft number'],
    ['no EqIA', { ...submitted, eqia: undefined }, request(), 'equality impact assessment'],
    [
      'an EqIA not required without a reason',
      { ...submitted, eqia: { status: 'not-required' } },
      request(),
      'equality impact assessment',
    ],
    ['a retired document', { ...submitted, status: 'withdrawn' }, request({ route: 'director' }), 'retired'],
    [
      'interim approval twice',
      { ...submitted, status: 'interim' },
      request({ route: 'interim' }),
      'already has interim approval',
    ],
    [
      "partnership without the group's meeting",
      submitted,
      request({ route: 'partnership', meeting: undefined }),
      'preliminary approval',
    ],
    ['no approver', submitted, request({ by: undefined }), 'pass --by'],
  ])('refuses %s', (_name, data, req, message) => {
    expect(approvalRefusals(data, dorset, req, '2027-01-20').join('\n')).toContain(message);
  });

  it.each([
    ['partnership', 'Safeguarding Children Partnership', /Cabinet|Director/],
    ['cabinet', 'Cabinet', /Partnership|Director/],
    ['director', 'Director', /Partnership|Cabinet/],
    ['interim', 'Head of Service', /Partnership|Cabinet|Director/],
  ] as const)('asks for --by with an example of who approves by route %s', (route, names, notNames) => {
    const reasons = approvalRefusals(submitted, dorset, request({ route, by: undefined }), '2027-01-20');
    const hint = reasons.find((r) => r.includes('pass --by'))!;
    expect(hint).toContain(names);
    expect(hint).not.toMatch(notNames);
  });

  it('lets director and interim routes approve without a submission', () => {
    expect(
      approvalRefusals(
        { ...submitted, status: 'drafting' },
        dorset,
        request({ route: 'director', meeting: undefined, on: '2027-01-15' }),
        '2027-01-20',
      ),
    ).toEqual([]);
  });

  it('requires consultation under merton-mscp', () => {
    const merton = settingsOf('merton-mscp');
    expect(approvalRefusals(submitted, merton, request({ route: 'partnership' }), '2027-01-20').join('\n')).toContain(
      'records no consultation',
    );
    expect(
      approvalRefusals(
        { ...submitted, consultation: [{ with: 'Police', on: '2026-11-01' }] },
        merton,
        request({ route: 'partnership' }),
        '2027-01-20',
      ),
    ).toEqual([]);
  });
});

describe('planApproval', () => {
  it('sets status, version, approval and review, and removes submission', () => {
    const plan = planApproval({ ...submitted, review: { cycle: '2 years' } }, dorset, request());
    expect(plan.changes).toEqual({
      status: 'approved',
      version: '1.0',
      approval: { route: 'ppp', approved_on: '2027-01-12', approved_by: 'Group', meeting: '2027-01-12' },
      review: { cycle: '2 years', due: '2029-01-12' },
      submission: undefined,
    });
  });

  it('approves in full the version a document on interim approval was submitted with; a revision is the next', () => {
    const interim = {
      ...submitted,
      version: '1.0',
      approval: { route: 'interim', approved_on: '2026-10-19', approved_by: 'Head of Service' },
    };
    expect(planApproval(interim, dorset, request()).version).toBe('1.0');
    const revised = { ...interim, submission: { kind: 'review', on: '2026-12-01', meeting: '2027-01-12' } };
    expect(planApproval(revised, dorset, request()).version).toBe('2.0');
  });

  it('clamps the due date to the end of the month', () => {
    expect(
      planApproval(submitted, dorset, request({ on: '2028-02-29', meeting: undefined, cycle: '1 year' })).review.due,
    ).toBe('2029-02-28');
  });

  const tor = { ...submitted, id: 'CS-TOR-0004', type: 'terms-of-reference' };
  it.each([
    ['--cycle first', tor, { cycle: '2 years' }, '2 years', '2029-01-12'],
    ["else the document's own", { ...tor, review: { cycle: '3 years' } }, {}, '3 years', '2030-01-12'],
    ["else the type's (review.cycles)", tor, {}, '1 year', '2028-01-12'],
    ["else the type's, for a framework too", { ...tor, type: 'framework' }, {}, '1 year', '2028-01-12'],
    ['else review.default_cycle', submitted, {}, '3 years', '2030-01-12'],
  ])('takes the review cycle from %s', (_, data, over, cycle, due) => {
    expect(planApproval(data, dorset, request(over)).review).toEqual({ cycle, due });
  });
});

describe('approval messages', () => {
  it('round-trips its trailers and keeps a hostile title on one line', () => {
    const message = approvalMessage(
      'Missing\nPPP-Document: CS-POL-0001 \u001b[31mchildren',
      {
        'PPP-Document': 'CS-PRO-0007',
        'PPP-Version': '2.0',
        'PPP-Route': 'ppp',
        'PPP-Meeting': '2027-01-12',
        'PPP-Approved-On': '2027-01-12',
        'PPP-Content-SHA256': 'ab'.repeat(32),
      },
      'Group',
    );
    expect(message.split('\n')[0]).toBe('Approve CS-PRO-0007 v2.0: Missing PPP-Document: CS-POL-0001 [31mchildren');
    expect(parseApprovalTrailers(message)).toEqual({
      'PPP-Document': 'CS-PRO-0007',
      'PPP-Version': '2.0',
      'PPP-Route': 'ppp',
      'PPP-Meeting': '2027-01-12',
      'PPP-Approved-On': '2027-01-12',
      'PPP-Content-SHA256': 'ab'.repeat(32),
    });
    expect(parseApprovalTrailers('Fix a typo\n\nSigned-off-by: A <a@b>\n')).toBeUndefined();
  });
});
