/** ppp verify: prove that what is in force is what was approved, from one pass over git history. */
import { join } from 'node:path';
import { contentHash } from '../core/content-hash.js';
import { IN_FORCE, RETIRED, text } from '../core/document.js';
import { GitError } from '../core/errors.js';
import { adoptionOf, documentsApproved } from '../core/adoption.js';
import { frontMatterFault } from '../core/front-matter.js';
import { parseRetirementTrailers, retiredRow, supersededIn } from '../core/retirement.js';
import {
  approvedDocument,
  verifyDocuments,
  type CommitVerdict,
  type CurrentDocument,
  type VerifyRow,
} from '../core/verify.js';
import { decodeUtf8, readDocument } from '../io/fs.js';
import { approvalCommits, isInsideWorkTree, type LoggedCommit } from '../io/git.js';
import type { Io } from '../io/io.js';
import { judgeCommits, judgeRetirements } from './steps/approval-verdicts.js';
import { checkedAllowedSigners } from './steps/allowed-signers.js';
import { refuseShallow } from './steps/full-history.js';
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
  await refuseShallow(root, 'ppp verify', 'the approval commits may be missing from its history');
  const commits = await approvalCommits(root);
  checkedAllowedSigners(root, 'ppp verify', {
    // With approval.signing optional an unsigned approval needs no key to be judged.
    needed: commits.length > 0 && settings.approval.signing === 'required',
    why: 'ppp verify trusts a signature only from a key it lists, so every approval would fail as untrusted-signer',
  });
  const last = new Map<string, LoggedCommit>();
  const lastAt = new Map<string, number>();
  const retiredBy = new Map<string, { commit: LoggedCommit; at: number }>();
  // Newest first: the first commit that names a document is its last approval, an adoption counting as one; the first
  // that retires it (ppp retire, or an approval that supersedes it) is its last retirement.
  commits.forEach((c, at) => {
    const retirement = parseRetirementTrailers(c.message);
    const retires = retirement
      ? [retirement['PPP-Document']]
      : approvedDocument(c.message)
        ? supersededIn(c.message)
        : [];
    for (const id of retires) if (!retiredBy.has(id)) retiredBy.set(id, { commit: c, at });
    for (const id of documentsApproved(c.message)) {
      if (last.has(id)) continue;
      last.set(id, c);
      lastAt.set(id, at);
    }
  });
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
  // A document ever approved whose file has gone is judged as if it were still there, by the file it was approved in.
  const present = new Set(documents.map((d) => d.id));
  const gone = new Set<string>();
  // A file still there whose front matter no longer parses has not gone: it cannot be what was approved.
  const unreadable = new Map<string, string>();
  for (const [id, v] of lastApproval) {
    if (present.has(id)) continue;
    const record = v.file ? loaded.records.find((r) => r.file === v.file) : undefined;
    const read = record ? readDocument(join(root, record.file)) : undefined;
    if (record && read?.kind === 'bytes') {
      unreadable.set(id, frontMatterFault(decodeUtf8(read.bytes) ?? '') ?? 'it cannot be read');
      documents.push({ id, file: record.file, status: 'unreadable', version: v.version });
      continue;
    }
    gone.add(id);
    documents.push({ id, file: v.file ?? '', status: 'removed', version: v.version });
  }
  // A document adopted while already out of use was recorded as it stood, retirement and all, by the adoption.
  const isAdoptedRetired = (id: string) => !!lastApproval.get(id)?.adoptedOutOfForce;
  const out = documents.filter(
    (d) => lastApproval.has(d.id) && (gone.has(d.id) || (RETIRED.has(d.status) && !isAdoptedRetired(d.id))),
  );
  // Only a retirement made after the last approval counts: an older one was undone by that approval.
  const retirements = out.flatMap((d) => {
    const r = retiredBy.get(d.id);
    return r && r.at < lastAt.get(d.id)! ? [{ commit: r.commit, id: d.id }] : [];
  });
  const retirementVerdicts = await judgeRetirements(root, retirements);
  const judged = new Map(retirements.map((x) => [x.id, retirementVerdicts.get(`${x.commit.commit}:${x.id}`)]));
  const outIds = new Set(out.map((d) => d.id));
  const rows = verifyDocuments(documents, lastApproval, settings.approval.signing).map((row) => {
    if (outIds.has(row.id)) return retiredRow(row, gone.has(row.id), judged.get(row.id), settings.approval.signing);
    const fault = unreadable.get(row.id);
    if (fault === undefined || row.state !== 'verified') return row;
    const { pending_version: _, ...rest } = row;
    return {
      ...rest,
      state: 'modified-after-approval' as const,
      severity: 'error' as const,
      detail:
        `${row.file} no longer parses (${fault}), so it cannot be what was approved; ` +
        'fix it (ppp validate shows where)',
    };
  });
  return {
    ok: rows.every((r) => r.severity !== 'error'),
    documents: rows,
    commits: { approvals: commits.length, checked: verdicts.checked },
  };
}
