/** ppp verify: prove that what is in force is what was approved, from one pass over git history. */
import { join } from 'node:path';
import { contentHash } from '../core/content-hash.js';
import { IN_FORCE, text } from '../core/document.js';
import { GitError } from '../core/errors.js';
import { adoptionOf, documentsApproved } from '../core/adoption.js';
import { verifyDocuments, type CommitVerdict, type CurrentDocument, type VerifyRow } from '../core/verify.js';
import { decodeUtf8, readDocument } from '../io/fs.js';
import { approvalCommits, isInsideWorkTree, isShallow, type LoggedCommit } from '../io/git.js';
import type { Io } from '../io/io.js';
import { judgeCommits } from './steps/approval-verdicts.js';
import { loadRegister } from './steps/load-register.js';

export interface VerifyOptions {
  register?: string;
  cache?: boolean;
}

export interface VerifyResult {
  ok: boolean;
  documents: VerifyRow[];
  /**
   * Approval commits read from history, and how many of them had to be checked afresh (the rest came from the cache).
   */
  commits: { approvals: number; checked: number };
}

/** Returns the state of every approved document, judged against its last approval commit. */
export async function verify(options: VerifyOptions, io: Io): Promise<VerifyResult> {
  const loaded = await loadRegister(io, { register: options.register, cache: options.cache });
  const { root, settings } = loaded;
  if (!(await isInsideWorkTree(root)))
    throw new GitError(
      `${root} is not in a git repository; approvals are git commits, so there is ` +
        `nothing to verify (git init, then approve with ppp approve)`,
    );
  if (await isShallow(root)) {
    throw new GitError(
      `${root} is a shallow clone, so the approval commits may be missing from its ` +
        `history; fetch the whole history (git fetch --unshallow, or fetch-depth: 0 in ` +
        `actions/checkout) and run ppp verify again`,
    );
  }
  const commits = await approvalCommits(root);
  const last = new Map<string, LoggedCommit>();
  // Newest first: the first commit that names a document is its last approval, an adoption counting as one.
  for (const c of commits) {
    for (const id of documentsApproved(c.message)) if (!last.has(id)) last.set(id, c);
  }
  const verdicts = await judgeCommits(root, [...new Set(last.values())], io, options.cache !== false);
  const lastApproval = new Map<string, CommitVerdict>();
  for (const [id, c] of last) {
    const verdict = verdicts.get(c.commit)!;
    lastApproval.set(id, verdict.adoptions ? adoptionOf(verdict, id)! : verdict);
  }

  const documents: CurrentDocument[] = [];
  for (const r of loaded.records) {
    const id = r.data?.id;
    if (typeof id !== 'string' || !r.data) continue;
    const status = String(r.data.status);
    const doc: CurrentDocument = {
      id,
      file: r.file,
      status,
      version: String(r.data.version ?? ''),
      approvedOn: text(r.data, 'approval', 'approved_on'),
    };
    // Only a document in force is compared with what was approved; hashing the rest would be wasted.
    if (IN_FORCE.has(status) && lastApproval.has(id)) {
      const read = readDocument(join(root, r.file));
      const textNow = read.kind === 'bytes' ? decodeUtf8(read.bytes) : undefined;
      doc.hash = textNow === undefined ? undefined : contentHash(textNow);
    }
    documents.push(doc);
  }
  const rows = verifyDocuments(documents, lastApproval, settings.approval.signing);
  return {
    ok: rows.every((r) => r.severity !== 'error'),
    documents: rows,
    commits: { approvals: commits.length, checked: verdicts.checked },
  };
}
