/** ppp validate: every rule over the register, or over the named files against the whole register. */
import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { buildRegisterView, checkRegister } from '../core/check.js';
import { UsageError } from '../core/errors.js';
import { countProblems, sortProblems, type Problem } from '../core/problem.js';
import type { Io } from '../io/io.js';
import { loadRegister } from './load-register.js';

export interface ValidateOptions {
  register?: string;
  paths?: string[];
  cache?: boolean;
}

export interface ValidateResult {
  ok: boolean;
  documents: number;
  errors: number;
  warnings: number;
  problems: Problem[];
}

/** Returns every problem of the register (or of the named paths), sorted. */
export async function validate(options: ValidateOptions, io: Io): Promise<ValidateResult> {
  const loaded = await loadRegister(io, { register: options.register, cache: options.cache });
  const selected = selectFiles(loaded.root, loaded.records.map((r) => r.file), options.paths ?? [], io.cwd);
  const records = selected ? loaded.records.filter((r) => selected.has(r.file)) : loaded.records;
  const view = buildRegisterView(loaded.records, loaded.members);
  const problems = [
    ...(selected ? [] : loaded.memberProblems),
    ...records.flatMap((r) => r.problems),
    ...checkRegister(view, loaded.context(), selected),
  ];
  const sorted = sortProblems(problems);
  const { errors, warnings } = countProblems(sorted);
  return { ok: errors === 0, documents: records.length, errors, warnings, problems: sorted };
}

function selectFiles(root: string, files: string[], paths: string[], cwd: string): Set<string> | undefined {
  if (paths.length === 0) return undefined;
  const selected = new Set<string>();
  for (const p of paths) {
    const abs = resolve(cwd, p);
    const rel = relative(root, abs).split(sep).join('/');
    if (rel.startsWith('..') || !existsSync(abs)) {
      throw new UsageError(`${p}: ${existsSync(abs) ? 'is outside the register' : 'no such file or folder'}; name documents under ${resolve(root, 'documents')}`);
    }
    const matches = files.filter((f) => rel === '' || f === rel || f.startsWith(rel + '/'));
    if (matches.length === 0 && !(rel === 'members.yaml')) throw new UsageError(`${p}: no documents there (documents are documents/**/*.md)`);
    for (const m of matches) selected.add(m);
  }
  return selected;
}
