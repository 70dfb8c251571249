/** Imports point one way: core/ and rules/ are pure; only io/ touches files, processes, threads, git and the clock. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from './helpers/register.js';

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, 'src', dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/** Every module a file imports, statically or with import(), quoted either way. */
function importsOf(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)(['"])([^'"]+)\1/g)) found.push(m[2]!);
  return found;
}

const IMPURE = /^(node:)?(fs|fs\/promises|child_process|os|worker_threads|net|http|https|tty|process|readline)$|^simple-git$|^chalk$|^cli-table3$|^commander$|^@inquirer\//;

it.each(['core', 'rules'])('src/%s imports nothing impure and reads no process or clock', (dir) => {
  const files = sources(dir);
  expect(files.length).toBeGreaterThan(3);
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    for (const m of importsOf(text)) {
      expect(IMPURE.test(m), `${f} imports ${m}`).toBe(false);
      expect(/(^|\/)(io|cli|commands|report)\//.test(m), `${f} imports ${m}`).toBe(false);
    }
    expect(/\bprocess\.|new Date\(\)|Date\.now\(\)/.test(text), `${f} reads the process or the clock`).toBe(false);
  }
});

it('src/commands reaches the file system, git and threads only through src/io', () => {
  for (const f of sources('commands')) {
    for (const m of importsOf(readFileSync(f, 'utf8'))) {
      expect(/^(node:)?(fs|fs\/promises|child_process|worker_threads)$|^simple-git$/.test(m), `${f} imports ${m}`).toBe(false);
    }
  }
});

it('only src/io/git.ts imports simple-git, and only src/io/fs.ts writes files', () => {
  for (const f of [...sources('')]) {
    const text = readFileSync(f, 'utf8');
    if (!f.endsWith(join('io', 'git.ts'))) expect(importsOf(text).includes('simple-git'), f).toBe(false);
    if (!f.endsWith(join('io', 'fs.ts'))) expect(/writeFileSync|renameSync|appendFileSync|createWriteStream/.test(text), f).toBe(false);
  }
});

it('the import scanner sees every form of import', () => {
  expect(importsOf(`import a from "node:fs";\nimport { b } from 'fs';\nconst c = await import('node:os');\nimport 'chalk';`)).toEqual(['node:fs', 'fs', 'node:os', 'chalk']);
});
