/**
 * The register's approvals and retirements as events, oldest first, from the approval commits' trailers and the
 * documents as committed there: what ppp report counts. Signatures are not checked here (ppp verify does that); an
 * adoption (approvals given before the register used ppp) is not an approval in any period, but makes a later approval
 * of the same document a revision.
 */
import { parseAdoptionTrailers } from '../../core/adoption.js';
import { parseApprovalTrailers } from '../../core/approval.js';
import { text } from '../../core/document.js';
import { frontMatterData } from '../../core/front-matter.js';
import { impactOf, type ApprovalEvent, type RetirementEvent } from '../../core/reports.js';
import { parseRetirementTrailers, supersededIn } from '../../core/retirement.js';
import { decodeUtf8 } from '../../io/fs.js';
import { approvalCommits, commitFiles, readFilesAt } from '../../io/git.js';

/** Returns every approval and retirement in the history, oldest first. */
export async function approvalHistory(
  root: string,
): Promise<{ approvals: ApprovalEvent[]; retirements: RetirementEvent[] }> {
  const commits = [...(await approvalCommits(root))].reverse();
  const approvalCommitsOnly = commits.filter(
    (c) => parseApprovalTrailers(c.message) && !parseRetirementTrailers(c.message),
  );
  const files = await commitFiles(
    root,
    approvalCommitsOnly.map((c) => c.commit),
  );
  const reads = approvalCommitsOnly.map((c) => {
    const id = parseApprovalTrailers(c.message)!['PPP-Document']!;
    const changed = (files.get(c.commit) ?? []).filter((f) => f.path.startsWith('documents/') && f.status !== 'D');
    const own = changed.find((f) => (f.path.split('/').pop() ?? '').startsWith(`${id}-`)) ?? changed[0];
    return { commit: c.commit, path: own?.path ?? '' };
  });
  const texts = await readFilesAt(
    root,
    reads.filter((r) => r.path !== ''),
  );
  const textOf = new Map<string, string>();
  reads
    .filter((r) => r.path !== '')
    .forEach((r, i) => {
      const bytes = texts[i];
      const t = bytes ? decodeUtf8(bytes) : undefined;
      if (t !== undefined) textOf.set(r.commit, t);
    });

  const approvals: ApprovalEvent[] = [];
  const retirements: RetirementEvent[] = [];
  const last = new Map<string, ApprovalEvent>();
  const adopted = new Set<string>();
  for (const c of commits) {
    const retirement = parseRetirementTrailers(c.message);
    if (retirement) {
      retirements.push({
        id: retirement['PPP-Document'],
        commit: c.commit,
        retiredOn: retirement['PPP-Retired-On'],
        status: retirement['PPP-Status'] ?? 'withdrawn',
        supersededBy: retirement['PPP-Superseded-By'],
      });
      continue;
    }
    const adoption = parseAdoptionTrailers(c.message);
    if (adoption) {
      for (const d of adoption.documents) adopted.add(d.id);
      continue;
    }
    const t = parseApprovalTrailers(c.message);
    if (!t) continue;
    const id = t['PPP-Document']!;
    const data = frontMatterData(textOf.get(c.commit) ?? '') ?? {};
    const before = last.get(id);
    const event: ApprovalEvent = {
      id,
      commit: c.commit,
      version: t['PPP-Version'] ?? '',
      route: t['PPP-Route'] ?? '',
      meeting: t['PPP-Meeting'] ?? t['PPP-Preliminary-Meeting'],
      approvedOn: t['PPP-Approved-On'] ?? c.date.slice(0, 10),
      kind: before || adopted.has(id) ? 'revised' : 'new',
      // The group's full approval of a version first approved on interim approval: the same text, confirmed.
      confirmsInterim: before?.route === 'interim' && before.version === t['PPP-Version'],
      title: text(data, 'title') ?? id,
      type: text(data, 'type') ?? '',
      owner: text(data, 'owner') ?? '',
      summary: text(data, 'summary'),
      changes: t['PPP-Changes'] ?? text(data, 'changes'),
      impact: impactOf(data),
      reviewDue: text(data, 'review', 'due'),
      previousDue: before?.reviewDue,
    };
    // The full approval of an interim version is no new version: it keeps the kind the interim approval had.
    if (event.confirmsInterim && before) event.kind = before.kind;
    approvals.push(event);
    last.set(id, event);
    for (const other of supersededIn(c.message))
      retirements.push({
        id: other,
        commit: c.commit,
        retiredOn: event.approvedOn,
        status: 'superseded',
        supersededBy: id,
      });
  }
  return { approvals, retirements };
}
