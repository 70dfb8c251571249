/** ppp validate: every rule over the register, or over the named files against the whole register. */
import { relative, resolve, sep } from 'node:path';
import { UsageError } from '../core/errors.js';
import { countProblems, sortProblems, type ValidationSummary } from '../core/problem.js';
import { buildRegisterView } from '../core/register-view.js';
import { rate, rules } from '../rules/index.js';
import { IN_FORCE, RETIRED } from '../core/document.js';
import { frontMatterData } from '../core/front-matter.js';
import type { Problem } from '../core/problem.js';
import { changedDocuments, readFilesAt } from '../io/git.js';
import { decodeUtf8 } from '../io/fs.js';
import { checkRegister } from '../rules/runner.js';
import { pathExists, realPath } from '../io/fs.js';
import type { Io } from '../io/io.js';
import { readActions, readAllowedSigners } from '../io/register-files.js';
import { SIGNERS_FILE } from '../core/verify.js';
import { settingsWarnings } from './steps/settings-warnings.js';
import { loadRegister, type LoadedRegister } from './steps/load-register.js';

export interface ValidateOptions {
  register?: string;
  paths?: string[];
  cache?: boolean;
  /** Warnings fail too: ok is false when there are any. */
  strict?: boolean;
}

export interface ValidateResult extends ValidationSummary {
  /** The register's root folder. */
  root: string;
}

/** Returns every problem of the register (or of the named paths), sorted. */
export async function validate(options: ValidateOptions, io: Io): Promise<ValidateResult> {
  const loaded = await loadRegister(io, { register: options.register, cache: options.cache });
  const selection = selectFiles(
    loaded.root,
    loaded.records.map((r) => r.file),
    options.paths ?? [],
    io.cwd,
  );
  const selected = selection?.files;
  const records = selected ? loaded.records.filter((r) => selected.has(r.file)) : loaded.records;
  const view = buildRegisterView(loaded.records, loaded.members);
  const problems = [
    ...(!selection || selection.members ? loaded.memberProblems : []),
    ...(!selection ? loaded.meetingProblems : loaded.meetingProblems.filter((p) => selection.other.has(p.file))),
    ...(!selection || selection.other.has('actions.yaml')
      ? readActions(loaded.root, new Map(loaded.members.map((m) => [m.id, m]))).problems
      : []),
    ...(!selection || selection.other.has(SIGNERS_FILE) ? readAllowedSigners(loaded.root).problems : []),
    ...(await settingsWarnings(loaded)).filter((p) => !selection || selection.other.has(p.file)),
    ...records.flatMap((r) => r.problems),
    ...checkRegister(view, loaded.context(), selected),
    ...(await uncommittedRetirements(loaded, selected)),
  ];
  const sorted = sortProblems(problems);
  const { errors, warnings } = countProblems(sorted);
  return {
    root: loaded.root,
    ok: errors === 0 && !(options.strict && warnings > 0),
    documents: records.length,
    errors,
    warnings,
    problems: sorted,
  };
}

/**
 * Returns a warning for each document approved at HEAD that the work tree deletes or retires: committed so, it fails
 * ppp verify (removed-without-retirement). One git diff when nothing changed, and none outside git.
 */
async function uncommittedRetirements(loaded: LoadedRegister, selected: Set<string> | undefined): Promise<Problem[]> {
  const changed = (await changedDocuments(loaded.root)).filter(
    (c) => (c.status === 'D' || c.status === 'M') && (!selected || selected.has(c.path)),
  );
  const byFile = new Map(loaded.records.map((r) => [r.file, r]));
  const candidates = changed.filter((c) => c.status === 'D' || RETIRED.has(String(byFile.get(c.path)?.data?.status)));
  if (candidates.length === 0) return [];
  const committed = await readFilesAt(
    loaded.root,
    candidates.map((c) => ({ commit: 'HEAD', path: c.path })),
  );
  const problems: Problem[] = [];
  candidates.forEach((c, i) => {
    const bytes = committed[i];
    const text = bytes ? decodeUtf8(bytes) : undefined;
    const before = text === undefined ? undefined : frontMatterData(text);
    if (!before || !IN_FORCE.has(String(before.status))) return;
    const id = String(before.id);
    const now = byFile.get(c.path)?.data?.status;
    problems.push(
      rate({
        file: c.path,
        line: 1,
        column: 1,
        rule: 'retirement/uncommitted',
        message:
          `${id} is ${String(before.status)} in git but ` +
          `${c.status === 'D' ? 'has been deleted' : `is now ${String(now)}`} ` +
          `without a retirement commit, so ppp verify will fail (removed-without-retirement) once this is committed; ` +
          `${c.status === 'D' ? 'restore it (git checkout -- FILE)' : 'undo the status change'} and ` +
          `run ppp retire ${id} --reason "…"`,
      }),
    );
  });
  return problems;
}

/** Returns every rule with its id, severity and description, in the registry's order. */
export function listRules(): { id: string; severity: string; description: string }[] {
  return rules.map((r) => ({ id: r.id, severity: r.severity, description: r.description }));
}

/**
 * Returns the documents the PATHS name, and whether they name members.yaml. A path is taken
 * from the current folder, else from the register's folder (as git -C would).
 */
function selectFiles(
  root: string,
  files: string[],
  paths: string[],
  cwd: string,
): { files: Set<string>; members: boolean; other: PrefixSet } | undefined {
  if (paths.length === 0) return undefined;
  const realRoot = realPath(root);
  const selected = new Set<string>();
  const other = new PrefixSet();
  let members = false;
  for (const p of paths) {
    const abs = [resolve(cwd, p), resolve(root, p)].find((candidate) => pathExists(candidate));
    if (!abs)
      throw new UsageError(
        `${p}: no such file or folder, here or in the register; name documents under ${resolve(root, 'documents')}`,
      );
    const rel = relative(realRoot, realPath(abs)).split(sep).join('/');
    if (rel.startsWith('..')) throw new UsageError(`${p}: is outside the register ${root}`);
    if (rel === '' || rel === 'members.yaml') members = true;
    const isRegisterFile = REGISTER_FILES.includes(rel);
    if (rel === '' || rel === 'meetings' || rel.startsWith('meetings/') || isRegisterFile)
      other.add(rel.endsWith('.yaml') || rel === SIGNERS_FILE ? rel : `${rel}/`);
    const matches = files.filter((f) => rel === '' || f === rel || f.startsWith(rel + '/'));
    if (matches.length === 0 && !isRegisterFile && !rel.startsWith('meetings'))
      throw new UsageError(`${p}: no documents there (documents are documents/**/*.md)`);
    for (const m of matches) selected.add(m);
  }
  return { files: selected, members, other };
}

/** The register's own files that PATHS may name, besides documents and meetings/. */
const REGISTER_FILES = ['members.yaml', 'actions.yaml', SIGNERS_FILE, 'ppp.yaml'];

/** Files named exactly, or any file under a folder named with a trailing slash. */
class PrefixSet {
  private readonly entries: string[] = [];
  add(entry: string): void {
    this.entries.push(entry);
  }
  has(file: string): boolean {
    return this.entries.some(
      (e) => e === file || e === '/' || e === `${file}/` || (e.endsWith('/') && file.startsWith(e)),
    );
  }
}
