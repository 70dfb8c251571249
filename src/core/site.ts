/**
 * The model of the published register (ppp publish): which documents are published, from which approved text, with
 * their review state, governance links both ways and earlier approved versions. Only approved text is published: a
 * document's page is its text at its last approval (or adoption) commit, never the work tree. Pure.
 */
import type { IsoDate } from './calendar.js';
import { RETIRED, text } from './document.js';
import { frontMatterData, splitFrontMatter } from './front-matter.js';
import { reviewState, type ReviewState } from './reviews.js';
import type { Settings } from './settings.js';
import type { CommitVerdict } from './verify.js';

export interface SiteVersion {
  version: string;
  commit: string;
  approvedOn: string;
  route: string;
  meeting?: string;
  signer: string;
  contentSha256: string;
  adopted: boolean;
  /**
   * When the approved body last changed: this approval's date, or an earlier one's when the approvals since changed
   * only the front matter (a review that kept the text). "Last reviewed" is approvedOn.
   */
  textChangedOn: string;
  /** The approved text's front matter and markdown body. */
  data: Record<string, unknown>;
  body: string;
}

export interface SiteDocument extends SiteVersion {
  id: string;
  title: string;
  type: string;
  /** The status as approved, or the retirement's (withdrawn, archived, superseded). */
  status: string;
  owner: string;
  reviewDue?: string;
  reviewState?: ReviewState;
  /** The work tree differs from the approved text: the approved text is what is published. */
  changedSinceApproval: boolean;
  retired?: { on: string; status: string; supersededBy?: string };
  /** Earlier approved versions, newest first. */
  earlier: SiteVersion[];
  governedBy: string[];
  governs: string[];
  forms: string[];
}

export interface SiteInput {
  settings: Settings;
  today: IsoDate;
  /** The register's documents as they are now: id, status, content hash of the work tree. */
  current: { id: string; status: string; hash?: string }[];
  /** Each document's approved versions, newest first, with the approved text where it could be read. */
  versions: Map<string, { verdict: CommitVerdict; text?: string; problem?: string; unparsed?: string }[]>;
  retirements: Map<string, { retiredOn: string; status: string; supersededBy?: string }>;
}

export interface SiteModel {
  documents: SiteDocument[];
  warnings: string[];
}

/** Returns the published documents, sorted by id, and what was left out or differs, as warnings. */
export function buildSite(input: SiteInput): SiteModel {
  const warnings: string[] = [];
  const documents: SiteDocument[] = [];
  const now = new Map(input.current.map((c) => [c.id, c]));
  for (const [id, list] of input.versions) {
    // An approved text that no longer parses cannot be shown or proved: the document (or that archived version) is
    // left out rather than shown from an older approval as if that were current.
    for (const v of list.filter((v) => v.unparsed !== undefined))
      warnings.push(
        `${id}: version ${v.verdict.version} approved in commit ${v.verdict.commit.slice(0, 12)} no longer parses ` +
          `(${v.unparsed}); ` +
          (v === list[0] ? 'the document is left out of the site' : 'it is left out of the archive'),
      );
    if (list[0]?.unparsed !== undefined) continue;
    const published = list
      .filter((v) => v.verdict.state === 'verified' && v.text !== undefined && !v.verdict.adoptedOutOfForce)
      .map((v) => siteVersion(v.verdict, v.text!));
    const latest = list[0];
    if (latest && (latest.verdict.state !== 'verified' || latest.text === undefined)) {
      warnings.push(
        `${id}: its last approval (${latest.verdict.commit.slice(0, 12)}) is ${latest.verdict.state}` +
          `${latest.problem ? ` (${latest.problem})` : ''}; ` +
          (published.length ? 'an earlier approved version is published instead' : 'it is not published'),
      );
    }
    // Newest first: a version whose body is the next older one's keeps that one's date of change.
    for (let i = published.length - 2; i >= 0; i--)
      if (published[i]!.body === published[i + 1]!.body) published[i]!.textChangedOn = published[i + 1]!.textChangedOn;
    const [head, ...earlier] = published;
    if (!head) continue;
    const current = now.get(id);
    const retirement = input.retirements.get(id);
    const retired =
      retirement ?? (current && RETIRED.has(current.status) ? { retiredOn: '', status: current.status } : undefined);
    const changed = current?.hash !== undefined && current.hash !== head.contentSha256 && !retired;
    if (changed)
      warnings.push(`${id} has changed since version ${head.version} was approved; the approved version is published`);
    if (!current && !retired)
      warnings.push(
        `${id} was approved, but no file in documents/ gives that id now (deleted, or its front matter does not ` +
          'parse); its approved version is published',
      );
    const reviewDue = text(head.data, 'review', 'due');
    documents.push({
      ...head,
      id,
      title: text(head.data, 'title') ?? id,
      type: text(head.data, 'type') ?? '',
      status: retired ? retired.status : (text(head.data, 'status') ?? 'approved'),
      owner: text(head.data, 'owner') ?? '',
      reviewDue,
      reviewState:
        reviewDue && !retired ? reviewState(reviewDue, input.today, input.settings.review, false).state : undefined,
      changedSinceApproval: changed,
      retired: retired
        ? { on: retired.retiredOn, status: retired.status, supersededBy: retired.supersededBy }
        : undefined,
      earlier,
      governedBy: list0(head.data.governed_by),
      governs: [],
      forms: list0(head.data.related_forms),
    });
  }
  // Governance both ways: a document governs those that name it in governed_by.
  const byId = new Map(documents.map((d) => [d.id, d]));
  for (const d of documents) for (const g of d.governedBy) byId.get(g)?.governs.push(d.id);
  documents.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const d of documents) d.governs.sort();
  return { documents, warnings };
}

function siteVersion(verdict: CommitVerdict, textAt: string): SiteVersion {
  const split = splitFrontMatter(textAt.replace(/\r\n/g, '\n'));
  return {
    version: verdict.version,
    commit: verdict.commit,
    approvedOn: verdict.approvedOn,
    textChangedOn: verdict.approvedOn,
    route: verdict.route,
    meeting: verdict.meeting,
    signer: verdict.signature.signer || verdict.signature.key || '',
    contentSha256: verdict.contentHash,
    adopted: verdict.adopted === true,
    data: frontMatterData(textAt) ?? {},
    body: split.body,
  };
}

function list0(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
