/** core/ and rules/ are pure: they never import the file system, processes, git, colour or read process. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from './helpers/register.js';

const FORBIDDEN = [/from 'node:fs'/, /from 'node:child_process'/, /from 'simple-git'/, /from 'chalk'/, /from 'cli-table3'/, /from 'commander'/, /\bprocess\./, /from '\.\.\/io\//, /from '\.\.\/cli\//, /new Date\(\)/, /Date\.now\(\)/];

it.each(['core', 'rules'])('src/%s imports nothing impure', (dir) => {
  const files = readdirSync(join(ROOT, 'src', dir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  expect(files.length).toBeGreaterThan(3);
  for (const f of files) {
    const text = readFileSync(join(ROOT, 'src', dir, f), 'utf8');
    for (const re of FORBIDDEN) expect(re.test(text), `${dir}/${f} matches ${re}`).toBe(false);
  }
});

it('only src/io/git.ts imports simple-git, and only src/io/fs.ts writes files', () => {
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  for (const f of walk(join(ROOT, 'src')).filter((x) => x.endsWith('.ts') && !x.endsWith('.test.ts'))) {
    const text = readFileSync(f, 'utf8');
    if (!f.endsWith(join('io', 'git.ts'))) expect(/['"]simple-git['"]/.test(text), f).toBe(false);
    if (!f.endsWith(join('io', 'fs.ts'))) expect(/writeFileSync|renameSync/.test(text), f).toBe(false);
  }
});
