/** ppp verify: prove that what is in force is what was approved, from one pass over git history. */
import { availableParallelism, devNull } from 'node:os';
import { join } from 'node:path';
import { approvedBlob, approvedDocument, judgeCommit, verifyDocuments, SIGNERS_FILE, type CommitVerdict, type CurrentDocument, type VerifyRow } from '../core/verify.js';
import { contentHash } from '../core/content-hash.js';
import { GitError } from '../core/errors.js';
import { text } from '../rules/util.js';
import { cacheDir, contextKey, openVerdictCache } from '../io/cache.js';
import { decodeUtf8, pathExists, readDocument, readTextIfExists } from '../io/fs.js';
import { approvalCommits, isInsideWorkTree, isShallow, commitDetails, readBlobs, type LoggedCommit } from '../io/git.js';
import type { Io } from '../io/io.js';
import { toolFingerprint } from '../io/register-files.js';
import { loadRegister } from './load-register.js';

export interface VerifyOptions {
  register?: string;
  cache?: boolean;
}

export interface VerifyResult {
  ok: boolean;
  documents: VerifyRow[];
  /** Approval commits read from history, and how many of them had to be checked afresh (the rest came from the cache). */
  commits: { approvals: number; checked: number };
}

/** Returns the state of every approved document, judged against its last approval commit. */
export async function verify(options: VerifyOptions, io: Io): Promise<VerifyResult> {
  const loaded = await loadRegister(io, { register: options.register, cache: options.cache });
  const { root, settings } = loaded;
  if (!(await isInsideWorkTree(root))) throw new GitError(`${root} is not in a git repository; approvals are git commits, so there is nothing to verify (git init, then approve with ppp approve)`);
  if (await isShallow(root)) {
    throw new GitError(`${root} is a shallow clone, so the approval commits may be missing from its history; fetch the whole history (git fetch --unshallow, or fetch-depth: 0 in actions/checkout) and run ppp verify again`);
  }
  const commits = await approvalCommits(root);
  const last = new Map<string, LoggedCommit>();
  for (const c of commits) {
    const id = approvedDocument(c.message);
    if (id && !last.has(id)) last.set(id, c);
  }
  const verdicts = await judgeCommits(root, [...last.values()], io, options.cache !== false);
  const lastApproval = new Map<string, CommitVerdict>();
  for (const [id, c] of last) lastApproval.set(id, verdicts.get(c.commit)!);

  const documents: CurrentDocument[] = [];
  for (const r of loaded.records) {
    const id = r.data?.id;
    if (typeof id !== 'string' || !r.data) continue;
    const status = String(r.data.status);
    const doc: CurrentDocument = { id, file: r.file, status, version: String(r.data.version ?? ''), approvedOn: text(r.data, 'approval', 'approved_on') };
    // Only a document in force is compared with what was approved; hashing the rest would be wasted.
    if ((status === 'approved' || status === 'interim') && lastApproval.has(id)) {
      const read = readDocument(join(root, r.file));
      const textNow = read.kind === 'bytes' ? decodeUtf8(read.bytes) : undefined;
      doc.hash = textNow === undefined ? undefined : contentHash(textNow);
    }
    documents.push(doc);
  }
  const rows = verifyDocuments(documents, lastApproval, settings.approval.signing);
  return { ok: rows.every((r) => r.severity !== 'error'), documents: rows, commits: { approvals: commits.length, checked: verdicts.checked } };
}

/**
 * Returns the verdict of each commit, from the cache where it holds one for this allowed_signers,
 * else by asking git for the signatures and reading each approved document as committed.
 */
export async function judgeCommits(root: string, commits: readonly LoggedCommit[], io: Io, useCache: boolean): Promise<Map<string, CommitVerdict> & { checked: number }> {
  const signersPath = join(root, SIGNERS_FILE);
  const signersText = readTextIfExists(signersPath) ?? '';
  const cache = useCache ? openVerdictCache<CommitVerdict>(cacheDir(io.env), root, contextKey([toolFingerprint(), signersText])) : undefined;
  const result = new Map<string, CommitVerdict>() as Map<string, CommitVerdict> & { checked: number };
  const fresh: LoggedCommit[] = [];
  for (const c of commits) {
    const hit = cache?.get(c.commit);
    if (hit) result.set(c.commit, hit);
    else fresh.push(c);
  }
  result.checked = fresh.length;
  if (fresh.length) {
    const signers = pathExists(signersPath) ? signersPath : devNull;
    const details = await commitDetails(root, signers, fresh.map((c) => c.commit), availableParallelism());
    const withFiles = fresh.map((c) => ({ ...c, files: details.get(c.commit)?.files ?? [] }));
    const blobs = await readBlobs(root, withFiles.map(approvedBlob).filter((b): b is string => b !== undefined));
    for (const c of withFiles) {
      const blob = approvedBlob(c);
      const bytes = blob ? blobs.get(blob) : undefined;
      const verdict = judgeCommit(c, details.get(c.commit)?.signature ?? { code: 'E', signer: '', key: '' }, bytes ? decodeUtf8(bytes) : undefined);
      result.set(c.commit, verdict);
      cache?.set(c.commit, verdict);
    }
    cache?.save();
  }
  return result;
}
