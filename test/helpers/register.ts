/** Temporary registers on disk for tests, and a pure pipeline over in-memory documents. */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRegisterView } from '../../src/core/register-view.js';
import { checkFile, checkRegister } from '../../src/rules/runner.js';
import { compileSchemas } from '../../src/core/schema.js';
import { parseSettings } from '../../src/core/ppp-yaml.js';
import { makeContext } from '../../src/core/context.js';
import { parseMembers } from '../../src/core/members.js';
import { sortProblems, type Problem } from '../../src/core/problem.js';
import type { Io } from '../../src/io/io.js';
import { readSchemas, readTemplates } from '../../src/io/register-files.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const PRESET = readFileSync(join(ROOT, 'presets/dorset-ppp.yaml'), 'utf8');
export const MEMBERS = readFileSync(join(ROOT, 'presets/dorset-ppp.members.yaml'), 'utf8');

const dirs: string[] = [];

/** Returns a new empty temporary folder, removed by cleanup(). */
export function tempDir(prefix = 'ppp-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** Removes every temporary folder made so far. */
export function cleanup(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Writes files (path relative to dir) and returns dir. */
export function writeFiles(dir: string, files: Record<string, string | Buffer>): string {
  for (const [rel, content] of Object.entries(files)) {
    const path = join(dir, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}

/** Returns a temporary register with the dorset-ppp preset and the given documents. */
export function makeRegister(files: Record<string, string | Buffer> = {}, settings = PRESET): string {
  const dir = tempDir();
  return writeFiles(dir, { 'ppp.yaml': settings, 'members.yaml': MEMBERS, 'documents/.gitkeep': '', ...files });
}

/** A captured world for main(): fixed clock, no TTY, a private cache folder. */
export function testIo(cwd: string, env: Record<string, string> = {}): Io & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    cwd,
    env: { PPP_CACHE_DIR: join(cwd, '.test-cache'), ...env },
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    stdinIsTTY: false,
    stdoutIsTTY: false,
    now: () => Date.UTC(2027, 0, 5, 12),
    out: () => out,
    err: () => err,
  };
}

/** Returns the problems of in-memory documents checked like a register (dorset-ppp settings, preset members). */
export function checkDocuments(files: Record<string, string>, settingsText = PRESET): Problem[] {
  const parsed = parseSettings(settingsText);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.faults));
  const context = makeContext(
    {
      settings: parsed.settings,
      templates: readTemplates(join(ROOT, 'no-such-register')),
      schemas: readSchemas().sources,
    },
    compileSchemas,
  );
  const records = Object.entries(files).map(([file, text]) => checkFile(file, text, 'x', context));
  const members = parseMembers(MEMBERS, parsed.settings.roles).members;
  return sortProblems([
    ...records.flatMap((r) => r.problems),
    ...checkRegister(buildRegisterView(records, members), context),
  ]);
}

/** Returns a document's text from front matter lines and a body. */
export function doc(frontMatter: string, body = ''): string {
  return `---\n${frontMatter.replace(/^\n/, '')}---\n${body}`;
}

/** Bodies with every required section of each built-in template. */
export function fullBody(type: string): string {
  const template = readFileSync(join(ROOT, 'templates', `${type}.md`), 'utf8');
  const headings = template.split('\n').filter((l) => l.startsWith('## ') && !/\(optional\)/.test(l));
  return `\n# Title\n\n${headings.map((h) => `${h}\n\nText.\n`).join('\n')}`;
}

// The documents are written as people write them: a flow map may run past 120 columns.
/* eslint-disable max-len */
/** A valid approved policy, procedure and form that link to each other. */
export function validSet(): Record<string, string> {
  return {
    'documents/policies/CS-POL-0001-values.md': doc(
      `id: CS-POL-0001
title: Values and principles
summary: The governing policy of the procedures library.
type: policy
status: approved
version: "1.0"
owner: hqa
sponsor: psw
scope: service
approval: { route: cabinet, approved_on: 2025-01-14, approved_by: Cabinet }
review: { cycle: 3 years, due: 2028-01-14 }
eqia: { status: completed, on: 2024-12-01 }
`,
      fullBody('policy'),
    ),
    'documents/procedures/CS-PRO-0001-missing.md': doc(
      `id: CS-PRO-0001
title: Missing children
summary: Steps when a child goes missing.
type: procedure
status: approved
version: "2.0"
owner: hos-1
approval: { route: ppp, approved_on: 2025-03-11, approved_by: "Practice, Policy and Procedures Group", meeting: 2025-03-11 }
review: { cycle: 2 years, due: 2027-03-11 }
governed_by: [CS-POL-0001]
related_forms: [CS-FRM-0001]
`,
      fullBody('procedure'),
    ),
    'documents/forms/CS-FRM-0001-return.md': doc(
      `id: CS-FRM-0001
title: Return home interview
type: form
status: drafting
version: "0.1"
owner: qa-1
governed_by: [CS-PRO-0001]
`,
      fullBody('form'),
    ),
  };
}
/* eslint-enable max-len */
