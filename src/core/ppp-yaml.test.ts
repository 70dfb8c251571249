import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCycleFor, routesFor } from './settings.js';
import { parseSettings } from './ppp-yaml.js';

const presets = join(import.meta.dirname, '../../presets');

describe('parseSettings', () => {
  it.each(readdirSync(presets).filter((f) => f.endsWith('.yaml') && !f.includes('.members.')))(
    'the preset %s is valid',
    (file) => {
      const r = parseSettings(readFileSync(join(presets, file), 'utf8'));
      expect(r.ok, JSON.stringify(r)).toBe(true);
    },
  );

  it('fills defaults from the dorset-ppp settings', () => {
    const r = parseSettings('group: G\nid_prefix: CS\n');
    if (!r.ok) throw new Error('not ok');
    expect(r.settings.meetings.submission_deadline.workingDays).toBe(10);
    expect(r.settings.review.max_cycle.months).toBe(36);
    expect(routesFor(r.settings, 'policy')).toEqual(['cabinet']);
    expect(routesFor(r.settings, 'form')).toEqual(['ppp', 'director', 'interim']);
  });

  it.each([
    ['group: G\n', 1, 1, 'id_prefix is missing'],
    ['group: G\nid_prefix: cs\n', 2, 12, 'capital letters'],
    ['group: G\nid_prefix: CS\ntimezone: Mars/Olympus\n', 3, 11, 'not a known time zone'],
    ['group: G\nid_prefix: CS\nholidays:\n  region: wales\n', 4, 11, 'england-and-wales'],
    ['group: G\nid_prefix: CS\nholidays:\n  add: [2027-02-30]\n', 4, 9, 'not a real date'],
    ['group: G\nid_prefix: CS\nmeetings:\n  rule: every second tuesday\n', 4, 9, 'FREQ=MONTHLY;BYDAY=+2TU'],
    ['group: G\nid_prefix: CS\nmeetings:\n  time: "9am"\n', 4, 9, '24-hour time'],
    ['group: G\nid_prefix: CS\nmeetings:\n  duration: all day\n', 4, 13, 'meeting length'],
    ['group: G\nid_prefix: CS\nreview:\n  due_soon: 5 working days\n', 4, 13, 'not working days'],
    ['group: G\nid_prefix: CS\napproval:\n  authorities:\n    memo: [ppp]\n', 5, 5, 'not a document type'],
    [
      'group: G\nid_prefix: CS\napproval:\n  authorities:\n    policy: [council]\n    "*": [ppp]\n',
      5,
      14,
      'ppp, director',
    ],
    ['group: G\nid_prefix: CS\nquorum:\n  - { role: wizard, min: 2 }\n', 4, 13, 'not in roles'],
    ['group: G\nid_prefix: CS\ngroup: H\n', 3, 1, 'not valid YAML'],
    ['group: &g G\nid_prefix: CS\nshort_name: *g\n', 3, 13, 'alias'],
    ['- a\n- b\n', 1, 1, 'must hold settings'],
  ])('reports %j at %i:%i', (text, line, column, fragment) => {
    const r = parseSettings(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.faults[0]).toMatchObject({ line, column });
    expect(r.faults[0]!.message).toContain(fragment);
  });
});

describe('parseSettings names values and refuses settings that cannot work', () => {
  it.each([
    ['group: G\nid_prefix: cs\n', 'id_prefix is "cs"'],
    ['group: G\nid_prefix: CS\nholidays: {region: wales}\n', 'holidays.region is "wales"'],
    ['group: G\nid_prefix: CS\nmeetings: {time: "25:00"}\n', 'meetings.time is "25:00"'],
    ['group: G\nid_prefix: CS\nreview: {max_cycle: 0 days}\n', 'review.max_cycle is zero'],
    [
      'group: G\nid_prefix: CS\nreview: {default_cycle: 5 years, max_cycle: 1 year}\n',
      'default_cycle (5 years) is longer than review.max_cycle (1 year)',
    ],
    ['group: !!binary eA==\nid_prefix: CS\n', 'tag'],
    ['group: G\nid_prefix: CS\nmeetings: 3\n', 'meetings must be a group of settings, not 3'],
    ['group: G\nid_prefix: CS\nquorum:\n  - { role: chair, min: 0 }\n', 'quorum.0.min must be at least 1'],
    [
      'group: G\nid_prefix: CS\napproval:\n  authorities: { procedure: [ppp] }\n',
      'names no routes for policy, standard, form',
    ],
  ])('%j', (text, fragment) => {
    const r = parseSettings(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.faults.map((f) => f.message).join('\n')).toContain(fragment);
  });
});

describe('review.cycles', () => {
  const head = 'group: G\nid_prefix: CS\nreview:\n';

  it('gives a type its own default cycle; other types keep review.default_cycle', () => {
    const r = parseSettings(`${head}  default_cycle: 2 years\n  cycles:\n    framework: 1 year\n    standard: P18M\n`);
    if (!r.ok) throw new Error(JSON.stringify(r.faults));
    expect(defaultCycleFor(r.settings, 'framework')).toMatchObject({ months: 12, text: '1 year' });
    expect(defaultCycleFor(r.settings, 'standard').months).toBe(18);
    expect(defaultCycleFor(r.settings, 'policy').text).toBe('2 years');
    expect(defaultCycleFor(r.settings, 'constructor').text).toBe('2 years');
  });

  it('defaults to none, so a ppp.yaml without it keeps default_cycle for every type', () => {
    const r = parseSettings('group: G\nid_prefix: CS\n');
    if (!r.ok) throw new Error('not ok');
    expect(r.settings.review.cycles).toEqual({});
    expect(defaultCycleFor(r.settings, 'terms-of-reference').text).toBe('3 years');
  });

  it.each([
    ['dorset-ppp.yaml', '1 year', '1 year'],
    ['kent-medway.yaml', '1 year', '1 year'],
    ['merton-mscp.yaml', '3 years', '3 years'],
  ])('the preset %s reviews terms of reference every %s and frameworks every %s', (file, tor, qaf) => {
    const r = parseSettings(readFileSync(join(presets, file), 'utf8'));
    if (!r.ok) throw new Error(JSON.stringify(r.faults));
    expect(defaultCycleFor(r.settings, 'terms-of-reference').text).toBe(tor);
    expect(defaultCycleFor(r.settings, 'framework').text).toBe(qaf);
    expect(defaultCycleFor(r.settings, 'procedure').text).toBe('3 years');
  });

  it.each([
    ['an unknown type', '  cycles:\n    terms-of-referance: 1 year\n', 5, 5, 'did you mean "terms-of-reference"?'],
    ['a type written with spaces', '  cycles:\n    terms of reference: 1 year\n', 5, 5, '"terms-of-reference"'],
    ['a type with no near miss', '  cycles: { memo: 1 year }\n', 4, 13, 'not a document type; use one of: policy,'],
    ['"*"', '  cycles: { "*": 1 year }\n', 4, 13, 'not a document type'],
    ['a value that is not a duration', '  cycles:\n    framework: yearly\n', 5, 16, '"yearly" is not a duration'],
    ['a value that is not text', '  cycles:\n    framework: 1\n', 5, 16, 'review.cycles.framework must be text'],
    ['working days', '  cycles:\n    framework: 20 working days\n', 5, 16, 'not working days'],
    ['a zero cycle', '  cycles:\n    framework: 0 days\n', 5, 16, 'review.cycles.framework is zero'],
    [
      'a cycle longer than max_cycle',
      '  default_cycle: 1 year\n  max_cycle: 2 years\n  cycles:\n    framework: 30 months\n',
      7,
      16,
      'review.cycles.framework (30 months) is longer than review.max_cycle (2 years)',
    ],
    ['a list', '  cycles: [framework]\n', 4, 11, 'review.cycles must be a group of settings'],
  ])('reports %s at its line and column', (_, review, line, column, fragment) => {
    const r = parseSettings(head + review);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.faults).toHaveLength(1);
    expect(r.faults[0]).toMatchObject({ line, column });
    expect(r.faults[0]!.message).toContain(fragment);
  });

  it('reports every faulty type in one run', () => {
    const r = parseSettings(`${head}  cycles:\n    frameworks: 1 year\n    policy: 4 years\n    form: soon\n`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.faults.map((f) => [f.line, f.column])).toEqual([
      [5, 5],
      [6, 13],
      [7, 11],
    ]);
    expect(r.faults[0]!.message).toContain('did you mean "framework"?');
  });
});

describe('set-up mistakes in ppp.yaml, explained', () => {
  it.each([
    ['Europe/Londn', 'Europe/London'],
    ['London', 'Europe/London'],
    ['UK', 'Europe/London'],
    ['Europ/Paris', 'Europe/Paris'],
  ])('timezone %s: did you mean %s?', (zone, meant) => {
    const r = parseSettings(`group: G\nid_prefix: CS\ntimezone: ${zone}\n`);
    if (r.ok) throw new Error('accepted');
    expect(r.faults[0]).toMatchObject({ line: 3, column: 11 });
    expect(r.faults[0]!.message).toContain(`did you mean "${meant}"?`);
  });

  it('a meeting rule that has run out is a fault at its line, given today', () => {
    const text = 'group: G\nid_prefix: CS\nmeetings:\n  rule: "FREQ=MONTHLY;BYDAY=+2TU;UNTIL=20251231"\n';
    expect(parseSettings(text).ok).toBe(true);
    const r = parseSettings(text, { today: '2027-01-05' });
    if (r.ok) throw new Error('accepted');
    expect(r.faults[0]).toMatchObject({ line: 4, column: 9 });
    expect(r.faults[0]!.message).toContain('no meeting in the twelve months from 2027-01-05');
    expect(r.faults[0]!.message).toContain('FREQ=MONTHLY;BYDAY=+2TU');
  });

  it('a rule that does not parse says which part is wrong and what a valid rule looks like', () => {
    const r = parseSettings('group: G\nid_prefix: CS\nmeetings:\n  rule: "FREQ=MONTHLY;BYDAY=+2TUE"\n');
    if (r.ok) throw new Error('accepted');
    expect(r.faults[0]).toMatchObject({ line: 4, column: 9 });
    expect(r.faults[0]!.message).toMatch(/"\+2TUE" is not a day.*write it like FREQ=MONTHLY;BYDAY=\+2TU/);
  });
});

describe('mail: in ppp.yaml', () => {
  const base = 'group: G\nid_prefix: CS\n';

  it('reads the mail settings, with their defaults', () => {
    const r = parseSettings(
      `${base}mail:\n  host: smtp.example.org\n  from: { address: policies@example.org, name: PPP Group }\n` +
        '  auth: { type: password, user: policies@example.org, password_env: PPP_SMTP_PASSWORD }\n',
    );
    if (!r.ok) throw new Error(JSON.stringify(r.faults));
    expect(r.settings.mail).toMatchObject({
      host: 'smtp.example.org',
      port: 587,
      security: 'starttls',
      notice: [60, 30, 7],
    });
  });

  it('refuses a password in the file, at its line, naming the variable to use', () => {
    const r = parseSettings(
      `${base}mail:\n  host: smtp.example.org\n  from: policies@example.org\n` +
        '  auth:\n    type: password\n    user: policies@example.org\n    password: hunter2\n',
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.faults).toContainEqual(
      expect.objectContaining({ line: 9, message: expect.stringContaining('PPP_SMTP_PASSWORD') }),
    );
  });

  it('places a fault of a key that is missing at the mail block', () => {
    const r = parseSettings(`${base}mail:\n  from: policies@example.org\n`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.faults[0]).toMatchObject({ line: 4, message: expect.stringContaining('mail.host') });
  });
});
