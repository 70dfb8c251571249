/**
 * ppp adopt: record documents approved before the register used ppp, as they stand at HEAD, in one signed commit
 * that changes no file and whose PPP-Adopted trailers bind each document's id, version and content hash.
 */
import { adoptionGap, adoptionMessage, adoptionOf, documentsApproved } from '../core/adoption.js';
import { commitDates, realToday } from '../io/clock.js';
import { contentHash } from '../core/content-hash.js';
import { IN_FORCE, text, type DocRecord } from '../core/document.js';
import { GitError, UsageError } from '../core/errors.js';
import { frontMatterData } from '../core/front-matter.js';
import { buildRegisterView } from '../core/register-view.js';
import { checkRegister } from '../rules/runner.js';
import { decodeUtf8 } from '../io/fs.js';
import {
  approvalCommits,
  commitNoChange,
  fileStatus,
  headCommit,
  isInsideWorkTree,
  readFilesAt,
  type LoggedCommit,
} from '../io/git.js';
import type { Io } from '../io/io.js';
import { judgeCommits } from './steps/approval-verdicts.js';
import { findDocument, loadRegister, type LoadedRegister } from './steps/load-register.js';
import { refuseShallow } from './steps/full-history.js';
import { commitFailure, planSigning } from './steps/signing.js';

export interface AdoptOptions {
  register?: string;
  ids: string[];
  all?: boolean;
  evidence?: string;
  dryRun?: boolean;
}

export interface AdoptedEntry {
  id: string;
  version: string;
  content_sha256: string;
  file: string;
  title: string;
  status: string;
}

export interface AdoptResult {
  /** Recorded in the commit (with --dry-run: what would be); empty when the adoption was refused. */
  adopted: AdoptedEntry[];
  /** Documents left out, each with why. */
  refused: { id: string; file: string; reason: string }[];
  commit: string | null;
  signed: boolean;
  dryRun: boolean;
  /** True when nothing was (or would be) recorded: named documents refused, or none qualifying with --all. */
  isRefusal: boolean;
}

/**
 * Returns what was adopted and what was refused and why; makes the one commit only when every named document (or,
 * with --all, at least one) qualifies and this is not a dry run.
 */
export async function adopt(options: AdoptOptions, io: Io): Promise<AdoptResult> {
  const evidence = checkFlags(options);
  const loaded = await loadRegister(io, { register: options.register, write: 'adopt' });
  const { root } = loaded;
  if (!(await isInsideWorkTree(root)))
    throw new GitError(
      `${root} is not in a git repository; adoption is a git commit, so run git init and commit the register first`,
    );
  await refuseShallow(
    root,
    'ppp adopt',
    'approvals and adoptions made before may be missing from its history and be recorded again',
  );
  // A dry run writes nothing, so only a real one needs a set-up that can sign.
  const plan = options.dryRun ? undefined : await planSigning(loaded, io, 'ppp adopt');
  const candidates = options.all ? claimingApproval(loaded) : named(loaded, options.ids);
  const refusals = await findRefusals(loaded, candidates, io);
  const head = await headCommit(root);
  const qualifying = candidates.filter((r) => !refusals.has(r.file));
  const texts = head
    ? await readFilesAt(
        root,
        qualifying.map((r) => ({ commit: head, path: r.file })),
      )
    : [];
  const adopted: AdoptedEntry[] = [];
  qualifying.forEach((r, i) => {
    const bytes = texts[i];
    const text = bytes ? decodeUtf8(bytes) : undefined;
    const hash = text === undefined ? undefined : contentHash(text);
    const data = text === undefined ? undefined : frontMatterData(text);
    if (hash === undefined || !data) {
      refusals.set(r.file, 'it cannot be read as committed at HEAD; commit it as it stands first');
      return;
    }
    adopted.push({
      id: String(data.id),
      version: String(data.version),
      content_sha256: hash,
      file: r.file,
      title: String(data.title ?? data.id),
      status: String(data.status),
    });
  });
  const refused = candidates
    .filter((r) => refusals.has(r.file))
    .map((r) => ({ id: String(r.data!.id), file: r.file, reason: refusals.get(r.file)! }));
  const isRefusal = adopted.length === 0 || (!options.all && refused.length > 0);
  const result: AdoptResult = {
    adopted: isRefusal ? [] : adopted,
    refused,
    commit: null,
    signed: false,
    dryRun: options.dryRun === true,
    isRefusal,
  };
  if (isRefusal || !plan || !head) return result;

  const message = adoptionMessage(
    adopted.map((a) => ({ ...a, contentHash: a.content_sha256 })),
    evidence,
    head,
  );
  try {
    result.commit = await commitNoChange(root, message, {
      sign: plan.sign,
      env: commitDates(io, loaded.settings.timezone),
    });
  } catch (error) {
    throw commitFailure('the adoption commit', plan, error, 'No commit was made and no file was changed.');
  }
  result.signed = plan.sign;
  return result;
}

/** Returns the evidence, once the ids, --all and --evidence are known to make sense together. */
function checkFlags(options: AdoptOptions): string {
  if (options.all && options.ids.length > 0)
    throw new UsageError('name the documents to adopt or pass --all, not both');
  if (!options.all && options.ids.length === 0)
    throw new UsageError('name the documents to adopt (ppp adopt CS-POL-0001 CS-PRO-0002 …) or pass --all');
  const evidence = (options.evidence ?? '').trim();
  if (evidence === '')
    throw new UsageError(
      '--evidence TEXT is required: say where the approvals are recorded, for example ' +
        '--evidence "Approved at PPP Group meetings 2023-2025; minutes on the intranet"',
    );
  return evidence;
}

/** Returns the records of the named documents, each once; an unknown id is a usage error. */
function named(loaded: LoadedRegister, ids: readonly string[]): DocRecord[] {
  return [...new Set(ids)].map((id) => findDocument(loaded, id));
}

/** Returns the documents that say they are approved (in force, or recording an approval): the ones --all considers. */
function claimingApproval(loaded: LoadedRegister): DocRecord[] {
  return loaded.records.filter(
    (r) =>
      !!r.data &&
      typeof r.data.id === 'string' &&
      (IN_FORCE.has(String(r.data.status)) || text(r.data, 'approval', 'approved_on') !== undefined),
  );
}

/** Returns why each document that may not be adopted is refused, by file. */
async function findRefusals(
  loaded: LoadedRegister,
  candidates: readonly DocRecord[],
  io: Io,
): Promise<Map<string, string>> {
  const { root } = loaded;
  const reasons = new Map<string, string[]>();
  const add = (file: string, reason: string) => reasons.set(file, [...(reasons.get(file) ?? []), reason]);
  // The real date, never --today or PPP_TODAY: an approval is not recorded before it was given.
  const today = realToday(io, loaded.settings.timezone);
  for (const r of candidates) {
    const gap = adoptionGap(r.data!);
    if (gap) add(r.file, gap);
    const on = (r.data!.approval as Record<string, unknown> | undefined)?.approved_on;
    if (typeof on === 'string' && on > today)
      add(r.file, `its approval is dated ${on}, after today (${today}); an approval is recorded once it was given`);
  }
  // The register rules are checked once for all the candidates, not once a document.
  const view = buildRegisterView(loaded.records, loaded.members);
  const registerProblems = checkRegister(view, loaded.context(), new Set(candidates.map((r) => r.file)));
  for (const r of candidates) {
    const errors = [...r.problems, ...registerProblems.filter((p) => p.file === r.file)].filter(
      (p) => p.severity === 'error',
    );
    if (errors.length)
      add(
        r.file,
        `it does not validate (${errors.map((p) => `line ${p.line}: ${p.message}`).join('; ')}); ` +
          `fix it first (ppp validate ${r.file})`,
      );
  }
  const states = await Promise.all(candidates.map((r) => fileStatus(root, r.file)));
  candidates.forEach((r, i) => {
    if (states[i] === '??')
      add(r.file, 'it has never been committed; commit it (git add, git commit) before it is adopted');
    else if (states[i] !== '')
      add(
        r.file,
        'it has uncommitted changes; an adoption records exactly what is committed, so commit or ' +
          'discard them first (git diff shows them)',
      );
  });
  for (const [file, why] of await alreadyApproved(loaded, candidates, io)) add(file, why);
  return new Map([...reasons].map(([file, list]) => [file, list.join('; ')]));
}

/**
 * Returns, by file, the candidates whose last approval or adoption commit stands (verify would not call them
 * no-approval-commit): a new version of those needs ppp approve.
 */
async function alreadyApproved(
  loaded: LoadedRegister,
  candidates: readonly DocRecord[],
  io: Io,
): Promise<Map<string, string>> {
  const wanted = new Map(candidates.map((r) => [String(r.data!.id), r.file]));
  const last = new Map<string, LoggedCommit>();
  for (const c of await approvalCommits(loaded.root)) {
    for (const id of documentsApproved(c.message)) if (wanted.has(id) && !last.has(id)) last.set(id, c);
  }
  const found = new Map<string, string>();
  if (last.size === 0) return found;
  const verdicts = await judgeCommits(loaded.root, [...new Set(last.values())], io, true);
  for (const [id, c] of last) {
    const commitVerdict = verdicts.get(c.commit)!;
    const v = commitVerdict.adoptions ? adoptionOf(commitVerdict, id) : commitVerdict;
    if (!v || v.state === 'no-approval-commit') continue;
    found.set(
      wanted.get(id)!,
      `it already has ${v.adopted ? 'an adoption' : 'an approval'} commit (${c.commit.slice(0, 12)}, ` +
        `version ${v.version}, ${v.state} by ppp verify); a new version is approved with ppp approve`,
    );
  }
  return found;
}
