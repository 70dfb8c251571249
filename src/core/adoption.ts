/**
 * Adoption: documents approved before the register used ppp, recorded as they stand in one signed
 * baseline commit (SPEC section 8). Which documents may be adopted, the commit message with one
 * PPP-Adopted trailer per document, and what verify makes of such a commit. Pure: git's output and
 * the documents' texts come in.
 */
import { parseApprovalTrailers } from './approval.js';
import { contentHash } from './content-hash.js';
import { IN_FORCE, type FrontMatter } from './document.js';
import { frontMatterData } from './front-matter.js';
import {
  signatureFailure,
  SIGNERS_FILE,
  type AdoptionVerdict,
  type CommitInput,
  type CommitVerdict,
  type Signature,
} from './verify.js';

/** One document an adoption commit records: PPP-Adopted: ID VERSION SHA256 FILE. */
export interface AdoptedDocument {
  id: string;
  version: string;
  contentHash: string;
  /** Relative to the register root, as at the adoption commit. */
  file: string;
}

/** The trailers of an adoption commit. */
export interface AdoptionTrailers {
  evidence: string;
  documents: AdoptedDocument[];
}

const ADOPTED_RE = /^(\S+) (\S+) ([0-9a-f]{64}) (.+)$/;

/**
 * Returns why a document cannot be adopted on its front matter alone (it records no approval), or undefined. A
 * document in any status may be adopted when it records one: a revision under way or a retired document still had the
 * approval, though only one in force has its approved text bound by the adoption.
 */
export function adoptionGap(data: FrontMatter): string | undefined {
  const approval = (data.approval ?? {}) as Record<string, unknown>;
  const missing = ['route', 'approved_on', 'approved_by'].filter(
    (k) => typeof approval[k] !== 'string' || (approval[k] as string).trim() === '',
  );
  if (missing.length === 0) return undefined;
  return (
    `its front matter records no approval (approval.${missing.join(', approval.')} missing); write the ` +
    `approval it was given (route, approved_on, approved_by) and commit it, or approve it with ppp approve`
  );
}

/** Returns the commit message of an adoption: a subject, the documents, a sentence, and the trailers. */
export function adoptionMessage(
  documents: readonly (AdoptedDocument & { title: string; status: string })[],
  evidence: string,
  head: string,
): string {
  const first = documents[0]!;
  const subject =
    documents.length === 1
      ? `Adopt ${first.id} v${first.version}: ${oneLine(first.title)}`
      : `Adopt ${documents.length} documents approved before the register used ppp`;
  // A document not in force (a revision under way, or retired) is marked: its approved text is not the one recorded.
  const list = documents
    .map((d) => `- ${d.id} v${d.version}${IN_FORCE.has(d.status) ? '' : ` (${d.status})`}: ${oneLine(d.title)}`)
    .join('\n');
  const sentence =
    `Approved before the register used ppp, and recorded as they stand at ${head.slice(0, 12)}, ` +
    `with the approval their front matter gives; this commit changes no file.`;
  const trailers = [
    `PPP-Evidence: ${oneLine(evidence)}`,
    ...documents.map((d) => `PPP-Adopted: ${d.id} ${d.version} ${d.contentHash} ${oneLine(d.file)}`),
  ];
  return `${subject}\n\n${list}\n\n${sentence}\n\n${trailers.join('\n')}\n`;
}

/**
 * Returns the trailers of an adoption commit (the last paragraph's PPP-Evidence and PPP-Adopted lines), or undefined
 * when the message is not one (an approval commit's PPP-Document trailer makes it an approval).
 */
export function parseAdoptionTrailers(message: string): AdoptionTrailers | undefined {
  if (parseApprovalTrailers(message)) return undefined;
  const paragraphs = message
    .replace(/\r\n/g, '\n')
    .trimEnd()
    .split(/\n\s*\n/);
  const last = paragraphs[paragraphs.length - 1] ?? '';
  let evidence = '';
  const documents: AdoptedDocument[] = [];
  const seen = new Set<string>();
  for (const line of last.split('\n')) {
    const m = /^(PPP-Adopted|PPP-Evidence):\s*(.*)$/.exec(line);
    if (!m) continue;
    if (m[1] === 'PPP-Evidence') {
      evidence = m[2]!.trim();
      continue;
    }
    const d = ADOPTED_RE.exec(m[2]!.trim());
    // A document named twice is taken at its first line: one commit, one record of it.
    if (d && !seen.has(d[1]!)) {
      seen.add(d[1]!);
      documents.push({ id: d[1]!, version: d[2]!, contentHash: d[3]!, file: d[4]! });
    }
  }
  return documents.length ? { evidence, documents } : undefined;
}

/** Returns the ids of the documents a commit approves: its PPP-Document, or each PPP-Adopted of an adoption. */
export function documentsApproved(message: string): string[] {
  const t = parseApprovalTrailers(message);
  // A retirement commit (PPP-Retired-On) names its document but approves nothing.
  if (t?.['PPP-Retired-On'] !== undefined) return [];
  const approval = t?.['PPP-Document'];
  if (approval) return [approval];
  return parseAdoptionTrailers(message)?.documents.map((d) => d.id) ?? [];
}

/**
 * Returns the verdict of an adoption commit: its signature as git judged it, that it changes no file (least of all
 * allowed_signers), and that each PPP-Adopted trailer matches its document as committed there (texts: the document at
 * each trailer's file in the commit's tree, in trailer order).
 */
export function judgeAdoption(
  commit: CommitInput,
  signature: Signature,
  texts: readonly (string | undefined)[],
): CommitVerdict {
  const trailers = parseAdoptionTrailers(commit.message) ?? { evidence: '', documents: [] };
  const base: CommitVerdict = {
    commit: commit.commit,
    date: commit.date.slice(0, 10),
    document: '',
    version: '',
    route: '',
    approvedOn: '',
    contentHash: '',
    signature,
    state: 'verified',
  };
  const short = commit.commit.slice(0, 12);
  let shared = signatureFailure(signature, 'adoption commit');
  if (!shared && commit.files.some((f) => f.path === SIGNERS_FILE))
    shared = {
      state: 'untrusted-signer',
      detail:
        `the adoption commit also changes ${SIGNERS_FILE}, so its signer could have vouched for their own key; ` +
        `add keys in a commit of their own`,
    };
  if (!shared && commit.files.length > 0)
    shared = {
      state: 'no-approval-commit',
      detail:
        `adoption commit ${short} changes ${commit.files.map((f) => f.path).join(', ')}; an adoption records ` +
        `documents as they already stand and changes no file`,
    };
  const adoptions = trailers.documents.map((d, i): AdoptionVerdict => {
    const text = texts[i];
    const data = text === undefined ? undefined : frontMatterData(text);
    const approval = (data?.approval ?? {}) as Record<string, unknown>;
    const verdict: AdoptionVerdict = {
      document: d.id,
      version: d.version,
      contentHash: d.contentHash,
      file: d.file,
      route: typeof approval.route === 'string' ? approval.route : '',
      approvedOn: typeof approval.approved_on === 'string' ? approval.approved_on : '',
      isInForce: IN_FORCE.has(String(data?.status)),
      state: 'verified',
    };
    if (shared) return { ...verdict, ...shared };
    const mismatches: string[] = [];
    if (text === undefined || !data) mismatches.push(`${d.file} is not a readable document at that commit`);
    else {
      if (data.id !== d.id) mismatches.push(`${d.file} there is ${String(data.id)}, not ${d.id}`);
      if (String(data.version) !== d.version)
        mismatches.push(`it says version ${d.version} but the document says ${String(data.version)}`);
      if (adoptionGap(data)) mismatches.push('the document records no approval at the commit');
      if (mismatches.length === 0 && contentHash(text) !== d.contentHash)
        mismatches.push('its hash is not the hash of the document as committed');
    }
    if (mismatches.length === 0) return verdict;
    return {
      ...verdict,
      state: 'no-approval-commit',
      detail:
        `the PPP-Adopted trailer for ${d.id} does not match the document at commit ${short}: ` + mismatches.join('; '),
    };
  });
  return { ...base, adoptions };
}

/** Returns one document's view of an adoption commit's verdict, shaped as an approval's, or undefined if not named. */
export function adoptionOf(verdict: CommitVerdict, id: string): CommitVerdict | undefined {
  const a = verdict.adoptions?.find((x) => x.document === id);
  if (!a) return undefined;
  const { adoptions: _adoptions, ...rest } = verdict;
  return {
    ...rest,
    document: a.document,
    version: a.version,
    contentHash: a.contentHash,
    file: a.file,
    route: a.route,
    approvedOn: a.approvedOn,
    state: a.state,
    detail: a.detail,
    adopted: true,
    ...(a.isInForce ? {} : { adoptedOutOfForce: true as const }),
  };
}

// A trailer is one line: line breaks and other control characters are dropped.
function oneLine(s: string): string {
  return [...s.replace(/[\r\n\t]+/g, ' ')]
    .filter((ch) => ch >= ' ' && ch !== '\u007f')
    .join('')
    .trim();
}
