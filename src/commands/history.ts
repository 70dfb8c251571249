/** ppp history: every version of a document from git, its approvals with their proof, and diffs between versions. */
import { adoptionOf, parseAdoptionTrailers } from '../core/adoption.js';
import { GitError, RefusalError, UsageError } from '../core/errors.js';
import { frontMatterData } from '../core/front-matter.js';
import type { HistoryEntry, HistoryResult } from '../core/history.js';
import { approvedDocument, type CommitVerdict } from '../core/verify.js';
import { decodeUtf8 } from '../io/fs.js';
import { approvalCommits, diffVersions, fileCommits, isInsideWorkTree, readBlobs } from '../io/git.js';
import type { Io } from '../io/io.js';
import { judgeCommits, judgeRetirements } from './steps/approval-verdicts.js';
import { parseRetirementTrailers, supersededIn } from '../core/retirement.js';
import { checkedAllowedSigners } from './steps/allowed-signers.js';
import { refuseShallow } from './steps/full-history.js';
import { findDocument, loadRegister } from './steps/load-register.js';

export type { HistoryEntry, HistoryResult };

export interface HistoryOptions {
  register?: string;
  id: string;
  /** Two approved versions, "1.0..2.0"; the second may be left out for the work tree ("2.0.."). */
  diff?: string;
  colour?: boolean;
}

/** Returns the history of one document, oldest first, and the diff asked for. */
export async function history(options: HistoryOptions, io: Io): Promise<HistoryResult> {
  const loaded = await loadRegister(io, { register: options.register });
  const { root } = loaded;
  const record = findDocument(loaded, options.id);
  if (!(await isInsideWorkTree(root)))
    throw new GitError(
      `${root} is not in a git repository, so a document has no history; approvals are git commits (git init, ` +
        `commit the register, then approve with ppp approve)`,
    );
  await refuseShallow(root, 'ppp history', 'its approval commits and earlier versions may be missing');
  const commits = (await fileCommits(root, record.file)).reverse();
  const blobs = await readBlobs(
    root,
    commits.map((c) => c.files[0]?.blob).filter((b): b is string => b !== undefined && !/^0+$/.test(b)),
  );
  const approvals = commits.filter((c) => approvedDocument(c.message) === options.id);
  // An adoption changes no file, so the file's log never lists it: its commits are found by their trailers.
  const adoptions = (await approvalCommits(root))
    .filter((c) => parseAdoptionTrailers(c.message)?.documents.some((d) => d.id === options.id))
    .reverse();
  checkedAllowedSigners(root, 'ppp history', {
    needed: approvals.length + adoptions.length > 0 && loaded.settings.approval.signing === 'required',
    why: 'its signatures are judged against the keys it lists, so every approval would show as untrusted-signer',
  });
  const verdicts = await judgeCommits(root, [...approvals, ...adoptions], io, true);
  // A retirement changes the file (its status, or its removal): it is judged as verify judges it.
  const retiring = commits.filter(
    (c) =>
      parseRetirementTrailers(c.message)?.['PPP-Document'] === options.id ||
      supersededIn(c.message).includes(options.id),
  );
  const retirements = await judgeRetirements(
    root,
    retiring.map((commit) => ({ commit, id: options.id })),
  );
  const versions = commits.map((c): HistoryEntry => {
    const f = c.files[0];
    const bytes = f ? blobs.get(f.blob) : undefined;
    const text = bytes ? decodeUtf8(bytes) : undefined;
    const data = text === undefined ? undefined : frontMatterData(text);
    const v: CommitVerdict | undefined = verdicts.get(c.commit);
    const r = retirements.get(`${c.commit}:${options.id}`);
    if (r && !v) {
      return {
        commit: c.commit,
        date: c.date.slice(0, 10),
        kind: 'retirement',
        version: typeof data?.version === 'string' ? data.version : null,
        status: typeof data?.status === 'string' ? data.status : r.status,
        file: f?.path ?? record.file,
        subject: c.message.split('\n')[0] ?? '',
        route: null,
        meeting: parseRetirementTrailers(c.message)?.['PPP-Meeting'] ?? null,
        approved_on: null,
        retired_on: r.retiredOn,
        signer: r.signature.signer || r.signature.key || null,
        state: r.state,
        ...(r.detail ? { detail: r.detail } : {}),
      };
    }
    return {
      commit: c.commit,
      date: c.date.slice(0, 10),
      kind: v ? 'approval' : 'change',
      version: typeof data?.version === 'string' ? data.version : null,
      status: typeof data?.status === 'string' ? data.status : null,
      file: f?.path ?? record.file,
      subject: c.message.split('\n')[0] ?? '',
      route: v?.route || null,
      meeting: v?.meeting ?? null,
      approved_on: v?.approvedOn || null,
      signer: v ? v.signature.signer || v.signature.key || null : null,
      state: v?.state ?? null,
      ...(v?.detail ? { detail: v.detail } : {}),
    };
  });
  // An adoption commit that also changed the file (which verify refuses) is listed once, as the adoption.
  const adopting = new Set(adoptions.map((c) => c.commit));
  const timed = versions.filter((e) => !adopting.has(e.commit));
  const placed = new Set<string>();
  for (const c of adoptions) {
    const v = adoptionOf(verdicts.get(c.commit)!, options.id)!;
    // Placed after the last commit of the file it descends from (commits a second apart share a timestamp).
    const before = new Set((await fileCommits(root, v.file ?? record.file, c.commit)).map((x) => x.commit));
    let index = 0;
    timed.forEach((e, i) => {
      if (before.has(e.commit) || placed.has(e.commit)) index = i + 1;
    });
    placed.add(c.commit);
    timed.splice(index, 0, {
      commit: c.commit,
      date: c.date.slice(0, 10),
      kind: 'adoption',
      version: v.version || null,
      status: timed[index - 1]?.status ?? null,
      file: v.file ?? record.file,
      subject: c.message.split('\n')[0] ?? '',
      route: v.route || null,
      meeting: null,
      approved_on: v.approvedOn || null,
      signer: v.signature.signer || v.signature.key || null,
      state: v.state,
      ...(v.detail ? { detail: v.detail } : {}),
    });
  }
  versions.splice(0, versions.length, ...timed);
  const result: HistoryResult = { id: options.id, file: record.file, versions };
  if (options.diff !== undefined) {
    const m = /^(\d+\.\d+)\.\.(\d+\.\d+)?$/.exec(options.diff.trim());
    if (!m)
      throw new UsageError(
        `--diff ${options.diff} is not two versions; write it like 1.0..2.0, or 2.0.. for the changes since 2.0`,
      );
    const find = (version: string) => {
      const hit = [...versions].reverse().find((e) => e.kind !== 'change' && e.version === version);
      if (!hit) {
        const approved = [...new Set(versions.filter((e) => e.kind !== 'change' && e.version).map((e) => e.version))];
        throw new RefusalError(
          `${options.id} has no approval of version ${version}; approved versions: ${approved.join(', ') || 'none'}`,
        );
      }
      return hit;
    };
    const from = find(m[1]!);
    result.diff = await diffVersions(
      root,
      { commit: from.commit, path: from.file },
      m[2] ? { commit: find(m[2]).commit, path: find(m[2]).file } : { path: record.file },
      options.colour ?? false,
    );
  }
  return result;
}
