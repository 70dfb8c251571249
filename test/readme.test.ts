/** README.md stays true: the two set-up commands first, every rule and every command documented. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { COMMANDS } from '../src/cli/command-table.js';
import { rules } from '../src/rules/index.js';
import { ROOT } from './helpers/register.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

it('gives the two set-up commands in its first lines', () => {
  const head = readme.split('\n').slice(0, 8).join('\n');
  expect(head).toContain('npm ci && npm start');
  expect(head).toContain('npm test');
});

it('lists every rule with its severity', () => {
  for (const r of rules) expect(readme, r.id).toContain(`| \`${r.id}\` | ${r.severity} |`);
});

it.each(COMMANDS.map((c) => c.name))('has a section for ppp %s', (command) => {
  expect(readme).toMatch(new RegExp(`^### .*\`ppp ${command}[ \`]`, 'm'));
});

it('npm start runs the sample register for its fixed date', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
    engines: { node: string };
  };
  expect(pkg.scripts.start).toContain('agenda -C register --today 2027-01-05');
  expect(pkg.scripts.test).toMatch(/build.*typecheck.*lint.*vitest/);
  expect(pkg.engines.node).toBe('>=20');
});
