/** The sample register in register/ is the demonstration: it must stay clean and tell its story. */
import { join } from 'node:path';
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
  for (const s of ['approved', 'submitted', 'interim', 'drafting', 'proposed', 'superseded'])
    expect(statuses.has(s), s).toBe(true);
});
