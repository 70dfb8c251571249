import { describe, expect, it } from 'vitest';
import {
  appendDecision,
  parseDecisions,
  planDecision,
  withTemplateSections,
  type DecisionRequest,
} from './decisions.js';
import { parseTemplate } from './templates.js';

const submitted = (kind: string, more: Record<string, unknown> = {}) => ({
  id: 'CS-STD-0001',
  type: 'standard',
  status: 'submitted',
  version: '0.1',
  governed_by: ['CS-POL-0001'],
  submission: { kind, on: '2026-10-20', meeting: '2026-11-10' },
  ...more,
});
const request = (decision: DecisionRequest['decision'], more: Partial<DecisionRequest> = {}): DecisionRequest => ({
  decision,
  meeting: '2026-11-10',
  nextMeeting: '2027-01-12',
  recordedOn: '2026-11-11',
  ...more,
});

describe('planDecision', () => {
  it.each([
    ['agree', submitted('proposal'), {}, 'drafting'],
    ['decline', submitted('proposal'), { reason: 'Not needed' }, 'withdrawn'],
    ['return', submitted('draft'), { reason: 'Rework' }, 'drafting'],
    [
      'return',
      submitted('review', { approval: { route: 'ppp', approved_on: '2024-01-09' } }),
      { reason: 'R' },
      'under-review',
    ],
    [
      'return',
      submitted('draft', { approval: { route: 'interim', approved_on: '2026-10-01' } }),
      { reason: 'R' },
      'interim',
    ],
    ['defer', submitted('draft'), {}, 'submitted'],
    ['note', { id: 'X', status: 'approved', version: '1.0' }, {}, 'approved'],
    ['agree', { id: 'CS-POL-0009', type: 'policy', status: 'proposed', version: '0.1' }, {}, 'drafting'],
  ] as const)('%s of %j gives status %s', (decision, data, more, status) => {
    const plan = planDecision(data, request(decision, more));
    expect(plan.ok, JSON.stringify(plan)).toBe(true);
    if (plan.ok) expect(plan.status).toBe(status);
  });

  it('defer keeps the date first received; agree records the meeting; the record carries the real date', () => {
    const defer = planDecision(submitted('draft'), request('defer'));
    expect(defer).toMatchObject({
      ok: true,
      changes: { submission: { kind: 'draft', on: '2026-10-20', meeting: '2027-01-12' } },
      record: { decision: 'defer', deferred_to: '2027-01-12', recorded_on: '2026-11-11' },
    });
    const agree = planDecision(submitted('proposal'), request('agree'));
    expect(agree).toMatchObject({
      ok: true,
      changes: { proposal: { agreed_on: '2026-11-10', meeting: '2026-11-10' } },
    });
  });

  it.each([
    ['agree a draft', submitted('draft'), request('agree'), 'not a proposal'],
    ['decline without a reason', submitted('proposal'), request('decline'), '--reason'],
    ['return a proposal', submitted('proposal'), request('return', { reason: 'x' }), 'is a proposal'],
    ['defer a draft not submitted', { id: 'X', status: 'drafting' }, request('defer'), 'not submitted'],
    ['defer with no meeting after', submitted('draft'), request('defer', { nextMeeting: undefined }), 'no meeting'],
    ['decide on a retired document', { id: 'X', status: 'withdrawn' }, request('note'), 'retired'],
    [
      'an item of a later meeting',
      submitted('draft', { submission: { kind: 'draft', on: '2026-11-01', meeting: '2027-01-12' } }),
      request('return', { reason: 'x' }),
      'agenda of the meeting of 2027-01-12',
    ],
    [
      'an item received after the meeting',
      submitted('draft', { submission: { kind: 'draft', on: '2026-11-12', meeting: '2026-11-10' } }),
      request('return', { reason: 'x' }),
      'received on 2026-11-12',
    ],
    [
      'agree a standard with no governor',
      { id: 'X', type: 'standard', status: 'proposed' },
      request('agree'),
      '--governed-by',
    ],
  ])('refuses to %s', (_name, data, req, message) => {
    const plan = planDecision(data as Record<string, unknown>, req);
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.refusals.join('\n')).toContain(message);
  });
});

describe('decisions.yaml', () => {
  it('appends a decision and reads it back; a CRLF file stays CRLF and its comments stay', () => {
    const record = { id: 'CS-STD-0001', decision: 'agree' as const, version: '0.1', recorded_on: '2026-11-11' };
    const first = appendDecision('', '2026-11-10', record);
    expect(first).toMatch(/^# Decisions of the meeting of 2026-11-10/);
    const second = appendDecision(first.replace(/\n/g, '\r\n'), '2026-11-10', { ...record, decision: 'note' });
    expect(second).toContain('\r\n');
    expect(second).toContain('# Decisions of the meeting');
    expect(parseDecisions('d.yaml', second)).toEqual({
      decisions: [record, { ...record, decision: 'note' }],
      problems: [],
    });
  });

  it.each([
    ['not a list', 'id: X\n', 1, 1, 'must be a list'],
    ['an unknown decision', '- { id: X, decision: approve, recorded_on: 2026-11-11 }\n', 1, 22, 'not one of'],
    ['no date', '- { id: X, decision: note }\n', 1, 3, 'recorded_on'],
    [
      'a bad deferral',
      '- { id: X, decision: defer, recorded_on: 2026-11-11, deferred_to: soon }\n',
      1,
      67,
      'deferred_to',
    ],
    ['an alias', '- &a { id: X, decision: note, recorded_on: 2026-11-11 }\n- *a\n', 2, 3, 'alias'],
  ])('reports %s at its line and column', (_name, text, line, column, message) => {
    const { problems } = parseDecisions('d.yaml', text);
    expect(problems[0]).toMatchObject({ file: 'd.yaml', rule: 'decisions/invalid', line, column });
    expect(problems[0]!.message).toContain(message);
  });
});

describe('withTemplateSections', () => {
  const template = parseTemplate(
    'standard',
    '---\nid: X\n---\n# Title\n\n## Purpose\n\n## Standard\n\n## Notes (optional)\n',
    'built-in',
  );

  it('adds the required sections a document lacks, once', () => {
    const text = '---\nid: X\n---\n\n# X\n\n## Purpose\n\nWhy.\n';
    const after = withTemplateSections(text, template);
    expect(after).toBe(`${text}\n## Standard\n\nTo be drafted.\n`);
    expect(withTemplateSections(after, template)).toBe(after);
  });
});
