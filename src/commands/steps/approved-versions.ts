/**
 * Every approved version of every document, from one pass over git history: each approval (or adoption) commit that
 * names a document, judged as ppp verify judges it, newest first, with the document's text as committed there. What
 * ppp publish renders, and what ppp publish --check proves a page against.
 */
import { adoptionOf, documentsApproved } from '../../core/adoption.js';
import { contentHash } from '../../core/content-hash.js';
import { frontMatterFault } from '../../core/front-matter.js';
import { parseRetirementTrailers, supersededIn } from '../../core/retirement.js';
import { approvedDocument, type CommitVerdict } from '../../core/verify.js';
import { decodeUtf8 } from '../../io/fs.js';
import { approvalCommits, readFilesAt, type LoggedCommit } from '../../io/git.js';
import type { Io } from '../../io/io.js';
import { judgeCommits } from './approval-verdicts.js';

export interface ApprovedVersion {
  verdict: CommitVerdict;
  /** The document's text as committed at the approval, when it could be read and is what the approval hashed. */
  text?: string;
  /** Why the text is missing or not the approved one. */
  problem?: string;
  /** Why the approved text, read, no longer parses: ppp cannot show it or prove it is what was approved. */
  unparsed?: string;
}

export interface Retirement {
  commit: string;
  date: string;
  status: string;
  retiredOn: string;
  supersededBy?: string;
  reason?: string;
}

/** Returns each document's approved versions, newest first, and its last retirement after its last approval. */
export async function approvedVersions(
  root: string,
  io: Io,
  useCache: boolean,
): Promise<{ versions: Map<string, ApprovedVersion[]>; retirements: Map<string, Retirement> }> {
  const commits = await approvalCommits(root);
  const named = new Map<string, LoggedCommit[]>();
  const retirements = new Map<string, Retirement>();
  for (const c of commits) {
    for (const id of documentsApproved(c.message)) named.set(id, [...(named.get(id) ?? []), c]);
    const retirement = parseRetirementTrailers(c.message);
    const retired = retirement
      ? [retirement['PPP-Document']]
      : approvedDocument(c.message)
        ? supersededIn(c.message)
        : [];
    for (const id of retired) {
      // Only a retirement after the document's last approval counts (commits come newest first).
      if (retirements.has(id) || named.has(id)) continue;
      retirements.set(id, {
        commit: c.commit,
        date: c.date.slice(0, 10),
        status: retirement?.['PPP-Status'] ?? 'superseded',
        retiredOn: retirement?.['PPP-Retired-On'] ?? c.date.slice(0, 10),
        supersededBy: retirement?.['PPP-Superseded-By'] ?? (retirement ? undefined : approvedDocument(c.message)),
      });
    }
  }
  const verdicts = await judgeCommits(root, [...new Set([...named.values()].flat())], io, useCache);
  const versions = new Map<string, ApprovedVersion[]>();
  const reads: { id: string; index: number; commit: string; path: string }[] = [];
  for (const [id, list] of named) {
    const out: ApprovedVersion[] = [];
    for (const c of list) {
      const v = verdicts.get(c.commit);
      if (!v) continue;
      const verdict = v.adoptions ? adoptionOf(v, id) : v;
      if (!verdict) continue;
      out.push({ verdict });
      if (verdict.file) reads.push({ id, index: out.length - 1, commit: c.commit, path: verdict.file });
    }
    versions.set(id, out);
  }
  const texts = await readFilesAt(root, reads);
  reads.forEach((r, i) => {
    const version = versions.get(r.id)![r.index]!;
    const bytes = texts[i];
    const text = bytes ? decodeUtf8(bytes) : undefined;
    const fault = text === undefined ? undefined : frontMatterFault(text);
    if (text === undefined) version.problem = `${r.path} cannot be read at commit ${r.commit.slice(0, 12)}`;
    else if (fault) version.unparsed = fault;
    else if (contentHash(text) !== version.verdict.contentHash)
      version.problem = `${r.path} at commit ${r.commit.slice(0, 12)} is not the content its approval hashed`;
    else version.text = text;
  });
  return { versions, retirements };
}
