/** The sample register in register/ is the demonstration: it must stay clean and tell its story. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SAMPLE_NOW } from '../src/core/story-dates.js';
import { expect, it } from 'vitest';
import { run } from './helpers/run.js';
import { ROOT } from './helpers/register.js';

const REGISTER = join(ROOT, 'register');

it('validates with no errors and no warnings, even with --strict', async () => {
  const r = await run(['validate', '--strict', '--format', 'json', '--no-cache', '-C', REGISTER]);
  const json = JSON.parse(r.stdout);
  expect(json.problems).toEqual([]);
  expect(json.documents).toBeGreaterThanOrEqual(35);
  expect(r.code).toBe(0);
});

it('holds every type and the statuses of its story', async () => {
  const rows = JSON.parse((await run(['register', '--format', 'json', '-C', REGISTER])).stdout) as {
    type: string;
    status: string;
    id: string;
  }[];
  const types = new Set(rows.map((r) => r.type));
  expect([...types].sort()).toEqual([
    'form',
    'framework',
    'guideline',
    'policy',
    'procedure',
    'protocol',
    'standard',
    'strategy',
    'terms-of-reference',
  ]);
  const statuses = new Set(rows.map((r) => r.status));
  for (const s of ['approved', 'submitted', 'drafting', 'proposed', 'superseded', 'archived', 'withdrawn'])
    expect(statuses.has(s), s).toBe(true);
  // On interim approval, and submitted to the group for its full approval.
  const interim = readFileSync(
    join(REGISTER, 'documents/procedures', 'CS-PRO-0010-deprivation-of-liberty-applications-for-children.md'),
    'utf8',
  );
  expect(interim).toMatch(/route: interim/);
  expect(interim).toMatch(/status: submitted/);
});

it('has issued agendas, decisions of every kind and minutes that list every decision', () => {
  const meetings = readdirSync(join(REGISTER, 'meetings')).sort();
  expect(meetings.length).toBeGreaterThanOrEqual(3);
  const kinds = new Set<string>();
  for (const meeting of meetings) {
    const folder = join(REGISTER, 'meetings', meeting);
    for (const file of ['agenda.md', 'agenda.json', 'attendance.yaml', 'decisions.yaml', 'minutes.md'])
      expect(existsSync(join(folder, file)), `${meeting}/${file}`).toBe(true);
    const minutes = readFileSync(join(folder, 'minutes.md'), 'utf8');
    const decisions = parse(readFileSync(join(folder, 'decisions.yaml'), 'utf8')) as { id: string; decision: string }[];
    for (const d of decisions) {
      kinds.add(d.decision);
      const said = { agree: 'proposal agreed', return: 'returned to the author', defer: 'deferred to', note: 'noted' };
      const at = minutes.indexOf(d.id);
      expect(at, `${meeting}: ${d.id}`).toBeGreaterThanOrEqual(0);
      expect(minutes, `${meeting}: ${d.id} ${d.decision}`).toContain(said[d.decision as keyof typeof said]);
    }
  }
  expect([...kinds].sort()).toEqual(['agree', 'defer', 'note', 'return']);
});

it('records nothing after the last day of its story', () => {
  const recorded =
    /\b(on|approved_on|agreed_on|recorded_on|raised|done_on|issued_on|preliminary_on): (\d{4}-\d{2}-\d{2})/g;
  const files = [
    'actions.yaml',
    ...readdirSync(REGISTER, { recursive: true, encoding: 'utf8' }).filter(
      (f) => /^(documents|meetings)\//.test(f) && /\.(md|yaml)$/.test(f),
    ),
  ];
  const late: string[] = [];
  for (const file of files) {
    for (const m of readFileSync(join(REGISTER, file), 'utf8').matchAll(recorded))
      if (m[2]! > SAMPLE_NOW) late.push(`${file}: ${m[0]}`);
  }
  expect(late).toEqual([]);
});
