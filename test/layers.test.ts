/**
 * Imports point one way: cli → commands → core and rules (pure), report (formatters), io
 * (files, processes, threads, git, the clock). core never imports rules; no command reaches
 * into another command's module; the command table lists every command once.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/cli/command-table.js';
import { ROOT } from './helpers/register.js';

const SRC = join(ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(join(SRC, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/** Every module a file imports, statically or with import(), quoted either way. */
function importsOf(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)(['"])([^'"]+)\1/g)) found.push(m[2]!);
  return found;
}

/** The src-relative path ('core/document.ts') of each relative import of a file. */
function localImports(file: string): string[] {
  return importsOf(readFileSync(file, 'utf8'))
    .filter((m) => m.startsWith('.'))
    .map((m) =>
      relative(SRC, resolve(dirname(file), m))
        .replace(/\.js$/, '.ts')
        .split('\\')
        .join('/'),
    );
}

const IMPURE =
  /^(node:)?(fs|fs\/promises|child_process|os|worker_threads|net|http|https|tty|process|readline)$|^simple-git$|^chalk$|^commander$|^@inquirer\//;

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

it('src/report/reports, the report kit, is pure too: data in, strings out', () => {
  const files = sources('report/reports');
  expect(files.map((f) => basename(f)).sort()).toEqual(expect.arrayContaining(['charts.ts', 'html-kit.ts']));
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    for (const m of importsOf(text)) expect(IMPURE.test(m), `${f} imports ${m}`).toBe(false);
    expect(/\bprocess\.|new Date\(\)|Date\.now\(\)/.test(text), `${f} reads the process or the clock`).toBe(false);
  }
});

it('src/core never imports src/rules: the runner lives with the rules', () => {
  for (const f of sources('core')) {
    for (const m of localImports(f)) expect(m.startsWith('rules/'), `${relative(SRC, f)} imports ${m}`).toBe(false);
  }
});

it('src/commands reaches the file system, git and threads only through src/io', () => {
  for (const f of sources('commands')) {
    for (const m of importsOf(readFileSync(f, 'utf8'))) {
      expect(/^(node:)?(fs|fs\/promises|child_process|worker_threads)$|^simple-git$/.test(m), `${f} imports ${m}`).toBe(
        false,
      );
    }
  }
});

describe('no command reaches into another', () => {
  it("a command's module imports shared steps, never another command's module", () => {
    const commands = readdirSync(join(SRC, 'commands')).filter((n) => n.endsWith('.ts'));
    expect(commands.length).toBeGreaterThan(10);
    for (const name of commands) {
      for (const m of localImports(join(SRC, 'commands', name))) {
        expect(m.startsWith('commands/') && !m.startsWith('commands/steps/'), `commands/${name} imports ${m}`).toBe(
          false,
        );
      }
    }
  });

  it('a shared step imports no command module', () => {
    for (const f of sources('commands/steps')) {
      for (const m of localImports(f)) {
        expect(m.startsWith('commands/') && !m.startsWith('commands/steps/'), `${relative(SRC, f)} imports ${m}`).toBe(
          false,
        );
      }
    }
  });

  it('a cli file imports only its own command module, and never cli/main', () => {
    for (const f of sources('cli/commands')) {
      const own = `commands/${basename(f)}`;
      for (const m of localImports(f)) {
        expect(m, `${relative(SRC, f)} imports ${m}`).not.toBe('cli/main.ts');
        if (m.startsWith('commands/')) expect(m, `${relative(SRC, f)} imports ${m}`).toBe(own);
      }
    }
  });

  it('io and report import no command and no cli', () => {
    for (const f of [...sources('io'), ...sources('report')]) {
      for (const m of localImports(f))
        expect(/^(commands|cli)\//.test(m), `${relative(SRC, f)} imports ${m}`).toBe(false);
    }
  });
});

it('the command table lists every cli file once, each with its command module', () => {
  const names = COMMANDS.map((c) => c.name);
  expect(new Set(names).size).toBe(names.length);
  const files = readdirSync(join(SRC, 'cli', 'commands')).map((n) => n.replace(/\.ts$/, ''));
  expect([...names].sort()).toEqual(files.sort());
  for (const name of names)
    expect(existsSync(join(SRC, 'commands', `${name}.ts`)), `src/commands/${name}.ts`).toBe(true);
});

it('only src/io/git.ts imports simple-git, and only src/io/fs.ts writes files', () => {
  for (const f of sources('')) {
    const text = readFileSync(f, 'utf8');
    if (!f.endsWith(join('io', 'git.ts'))) expect(importsOf(text).includes('simple-git'), f).toBe(false);
    // The register lock (io/lock.ts) makes and moves its own small file; every file of the register goes through fs.ts.
    if (!f.endsWith(join('io', 'fs.ts')) && !f.endsWith(join('io', 'lock.ts')))
      expect(/writeFileSync|renameSync|appendFileSync|createWriteStream/.test(text), f).toBe(false);
  }
});

it('only src/io/mail.ts loads nodemailer, and only with import(), so other commands never load it', () => {
  const importers = sources('').filter((f) => importsOf(readFileSync(f, 'utf8')).includes('nodemailer'));
  expect(importers).toEqual([join(SRC, 'io', 'mail.ts')]);
  const text = readFileSync(importers[0]!, 'utf8');
  expect(/^import[^(]*['"]nodemailer['"]/m.test(text), 'io/mail.ts imports nodemailer statically').toBe(false);
});

it('the import scanner sees every form of import', () => {
  expect(
    importsOf(`import a from "node:fs";\nimport { b } from 'fs';\nconst c = await import('node:os');\nimport 'chalk';`),
  ).toEqual(['node:fs', 'fs', 'node:os', 'chalk']);
});
