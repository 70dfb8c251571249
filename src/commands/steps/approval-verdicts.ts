/** The verdicts of approval commits, from the cache or from git: shared by verify and history. */
import { availableParallelism, devNull } from 'node:os';
import { join } from 'node:path';
import { judgeAdoption, parseAdoptionTrailers } from '../../core/adoption.js';
import { judgeRetirement, type RetirementVerdict } from '../../core/retirement.js';
import { approvedBlob, judgeCommit, SIGNERS_FILE, type CommitVerdict } from '../../core/verify.js';
import { cacheDir, contextKey, openVerdictCache } from '../../io/cache.js';
import { decodeUtf8, pathExists, readTextIfExists } from '../../io/fs.js';
import { commitDetails, readBlobs, readFilesAt, type LoggedCommit } from '../../io/git.js';
import type { Io } from '../../io/io.js';
import { toolFingerprint } from '../../io/register-files.js';

/**
 * Returns the verdict of each commit, from the cache where it holds one for this allowed_signers,
 * else by asking git for the signatures and reading each approved document as committed.
 */
export async function judgeCommits(
  root: string,
  commits: readonly LoggedCommit[],
  io: Io,
  useCache: boolean,
): Promise<Map<string, CommitVerdict> & { checked: number }> {
  const signersPath = join(root, SIGNERS_FILE);
  const signersText = readTextIfExists(signersPath) ?? '';
  const cache = useCache
    ? openVerdictCache<CommitVerdict>(cacheDir(io.env), root, contextKey([toolFingerprint(), signersText]))
    : undefined;
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
    const details = await commitDetails(
      root,
      signers,
      fresh.map((c) => c.commit),
      availableParallelism(),
    );
    const withFiles = fresh.map((c) => ({ ...c, files: details.get(c.commit)?.files ?? [] }));
    const adoptions = withFiles.filter((c) => parseAdoptionTrailers(c.message));
    const approvals = withFiles.filter((c) => !parseAdoptionTrailers(c.message));
    const blobs = await readBlobs(
      root,
      approvals.map(approvedBlob).filter((b): b is string => b !== undefined),
    );
    // An adoption changes no file: each document it names is read from the commit's own tree.
    const named = adoptions.flatMap((c) =>
      parseAdoptionTrailers(c.message)!.documents.map((d) => ({ commit: c.commit, path: d.file })),
    );
    const adopted = await readFilesAt(root, named);
    let next = 0;
    for (const c of adoptions) {
      const count = parseAdoptionTrailers(c.message)!.documents.length;
      const texts = adopted.slice(next, next + count).map((b) => (b ? decodeUtf8(b) : undefined));
      next += count;
      const verdict = judgeAdoption(c, details.get(c.commit)?.signature ?? { code: 'E', signer: '', key: '' }, texts);
      result.set(c.commit, verdict);
      cache?.set(c.commit, verdict);
    }
    for (const c of approvals) {
      const blob = approvedBlob(c);
      const bytes = blob ? blobs.get(blob) : undefined;
      const verdict = judgeCommit(
        c,
        details.get(c.commit)?.signature ?? { code: 'E', signer: '', key: '' },
        bytes ? decodeUtf8(bytes) : undefined,
      );
      result.set(c.commit, verdict);
      cache?.set(c.commit, verdict);
    }
    cache?.save();
  }
  return result;
}

/**
 * Returns the verdict of each commit that retires a document (key: commit and id), asking git for the signatures and
 * reading the documents each changed: retirements are few, so nothing is cached.
 */
export async function judgeRetirements(
  root: string,
  items: readonly { commit: LoggedCommit; id: string }[],
): Promise<Map<string, RetirementVerdict>> {
  const result = new Map<string, RetirementVerdict>();
  if (items.length === 0) return result;
  const signersPath = join(root, SIGNERS_FILE);
  const signers = pathExists(signersPath) ? signersPath : devNull;
  const ids = [...new Set(items.map((x) => x.commit.commit))];
  const details = await commitDetails(root, signers, ids, availableParallelism());
  const blobsOf = (commit: string) =>
    (details.get(commit)?.files ?? [])
      .filter((f) => f.path.startsWith('documents/') && f.status !== 'D')
      .map((f) => f.blob);
  const blobs = await readBlobs(root, [...new Set(ids.flatMap(blobsOf))]);
  for (const { commit, id } of items) {
    const texts = blobsOf(commit.commit).map((b) => {
      const bytes = blobs.get(b);
      return bytes ? decodeUtf8(bytes) : undefined;
    });
    const input = { ...commit, files: details.get(commit.commit)?.files ?? [] };
    const signature = details.get(commit.commit)?.signature ?? { code: 'E', signer: '', key: '' };
    result.set(`${commit.commit}:${id}`, judgeRetirement(input, signature, id, texts));
  }
  return result;
}
