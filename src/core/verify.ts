/**
 * ppp verify's judgement: whether each approval commit is what it claims (signature, trailers,
 * the document it changed) and whether each document still holds what was approved. Pure: git's
 * output and the files' texts come in; states go out (SPEC section 8).
 */
import { parseApprovalTrailers } from './approval.js';
import { contentHash } from './content-hash.js';
import { IN_FORCE, RETIRED } from './document.js';
import { frontMatterData, frontMatterFault } from './front-matter.js';

export const VERIFY_STATES = [
  'verified',
  'unsigned',
  'bad-signature',
  'untrusted-signer',
  'modified-after-approval',
  'no-approval-commit',
  'removed-without-retirement',
] as const;
export type VerifyState = (typeof VERIFY_STATES)[number];

export const SIGNERS_FILE = 'allowed_signers';

/** A commit as git log lists it: id, committer date, message and the files it changed (register-relative). */
export interface CommitInput {
  commit: string;
  date: string;
  message: string;
  files: { status: string; path: string; blob: string }[];
}

export interface Signature {
  code: string;
  signer: string;
  key: string;
}

/** What one approval commit proves, cached by commit id and the allowed_signers it was checked against. */
export interface CommitVerdict {
  commit: string;
  date: string;
  document: string;
  version: string;
  route: string;
  meeting?: string;
  approvedOn: string;
  contentHash: string;
  file?: string;
  signature: Signature;
  /** The state this commit gives its document (before the document's current content is compared). */
  state: VerifyState;
  detail?: string;
  /** An adoption commit (PPP-Adopted trailers): what it proves of each document it names. */
  adoptions?: AdoptionVerdict[];
  /** Set on one document's view of an adoption commit: approved before ppp, recorded by adopt. */
  adopted?: true;
  /** The document was not in force when adopted, so the adoption binds no approved text. */
  adoptedOutOfForce?: true;
}

/** What an adoption commit proves of one document it names (PPP-Adopted: ID VERSION SHA256 FILE). */
export interface AdoptionVerdict {
  document: string;
  version: string;
  contentHash: string;
  file: string;
  /** approval.route and approval.approved_on of the document as committed there. */
  route: string;
  approvedOn: string;
  /** Whether the document was approved or interim at the commit: only then is the adopted text the approved one. */
  isInForce: boolean;
  state: VerifyState;
  detail?: string;
}

/** Returns the document id an approval commit names, or undefined when its message has no PPP trailers. */
export function approvedDocument(message: string): string | undefined {
  const t = parseApprovalTrailers(message);
  // A retirement commit names its document too, but with PPP-Retired-On: it approves nothing.
  return t?.['PPP-Retired-On'] === undefined ? t?.['PPP-Document'] : undefined;
}

/** Returns the blob of the document an approval commit changed (to be read for the trailer check), if any. */
export function approvedBlob(commit: CommitInput): string | undefined {
  const docs = commit.files.filter((f) => f.path.startsWith('documents/') && f.status !== 'D');
  if (docs.length === 1) return docs[0]!.blob;
  // An approval that supersedes documents changes them too: the approved one is the file named by its id.
  const id = approvedDocument(commit.message);
  const named = id === undefined ? [] : docs.filter((f) => isFileOf(f.path, id));
  return named.length === 1 ? named[0]!.blob : undefined;
}

/** Returns true when the path is a document file of that id (the file name starts with the id). */
function isFileOf(path: string, id: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.startsWith(`${id}-`) || name === `${id}.md`;
}

/** Returns the ids an approval commit retires as superseded: its PPP-Supersedes trailers. */
function supersededBy(message: string): string[] {
  return [...message.matchAll(/^PPP-Supersedes:\s*(\S+)\s*$/gm)].map((m) => m[1]!);
}

/**
 * Returns the verdict of one approval commit: its signature as git judged it, that it changed
 * exactly the document it names and nothing that decides trust, and that its trailers match that
 * document as committed (id, version, route, date and content hash).
 */
export function judgeCommit(commit: CommitInput, signature: Signature, blobText: string | undefined): CommitVerdict {
  const t = parseApprovalTrailers(commit.message) ?? {};
  const verdict: CommitVerdict = {
    commit: commit.commit,
    date: commit.date.slice(0, 10),
    document: t['PPP-Document'] ?? '',
    version: t['PPP-Version'] ?? '',
    route: t['PPP-Route'] ?? '',
    meeting: t['PPP-Meeting'] ?? t['PPP-Preliminary-Meeting'],
    approvedOn: t['PPP-Approved-On'] ?? '',
    contentHash: t['PPP-Content-SHA256'] ?? '',
    signature,
    state: 'verified',
  };
  const fail = (state: VerifyState, detail: string) => ({ ...verdict, state, detail });
  // The signature first: an unsigned or untrusted commit proves nothing, whatever it says.
  const unproven = signatureFailure(signature, 'approval commit');
  if (unproven) return fail(unproven.state, unproven.detail);
  const docs = commit.files.filter((f) => f.path.startsWith('documents/'));
  const other = commit.files.filter((f) => !f.path.startsWith('documents/'));
  if (other.some((f) => f.path === SIGNERS_FILE)) {
    return fail(
      'untrusted-signer',
      `the approval commit also changes ${SIGNERS_FILE}, so its signer could have ` +
        `vouched for their own key; add keys in a commit of their own`,
    );
  }
  // Besides its document, an approval commit may change only the documents it retires as superseded, each named in a
  // PPP-Supersedes trailer (their retirement is judged apart).
  const superseded = supersededBy(commit.message);
  const approvedDocs = docs.length === 1 ? docs : docs.filter((f) => isFileOf(f.path, verdict.document));
  const extra = docs.filter((f) => !approvedDocs.includes(f));
  const isAllowedExtra =
    extra.length === superseded.length && extra.every((f) => superseded.some((id) => isFileOf(f.path, id)));
  if (approvedDocs.length !== 1 || !isAllowedExtra || other.length > 0) {
    return fail(
      'no-approval-commit',
      `commit says it approves ${verdict.document} but changes ` +
        `${commit.files.map((f) => f.path).join(', ') || 'no file'}; an approval commit ` +
        `changes exactly the approved document`,
    );
  }
  const doc = approvedDocs[0]!;
  verdict.file = doc.path;
  if (blobText === undefined)
    return fail('no-approval-commit', `the document ${doc.path} could not be read at this commit`);
  const data = frontMatterData(blobText);
  if (!data)
    return fail(
      'no-approval-commit',
      `${doc.path} as committed does not parse (${frontMatterFault(blobText)}), so its approval cannot be checked`,
    );
  const approval = (data?.approval ?? {}) as Record<string, unknown>;
  const mismatches: string[] = [];
  if (data?.id !== verdict.document)
    mismatches.push(`it names ${verdict.document} but changes ${doc.path}${data?.id ? ` (${String(data.id)})` : ''}`);
  if (data && String(data.version) !== verdict.version)
    mismatches.push(`PPP-Version ${verdict.version} but the document says ${String(data.version)}`);
  if (data && approval.route !== verdict.route)
    mismatches.push(`PPP-Route ${verdict.route} but approval.route is ${String(approval.route)}`);
  if (data && approval.approved_on !== verdict.approvedOn)
    mismatches.push(
      `PPP-Approved-On ${verdict.approvedOn} but approval.approved_on is ${String(approval.approved_on)}`,
    );
  if (data && !['approved', 'interim'].includes(String(data.status)))
    mismatches.push(`the document's status at the commit is ${String(data.status)}`);
  // An approval is recorded once it has been given: one dated after the commit that records it is not honest.
  if (/^\d{4}-\d{2}-\d{2}$/.test(verdict.approvedOn) && verdict.date && verdict.approvedOn > verdict.date)
    mismatches.push(`PPP-Approved-On ${verdict.approvedOn} is after the commit's own date, ${verdict.date}`);
  if (mismatches.length === 0 && contentHash(blobText) !== verdict.contentHash)
    mismatches.push('PPP-Content-SHA256 is not the hash of the document as committed');
  if (mismatches.length)
    return fail(
      'no-approval-commit',
      `the trailers do not match the document at commit ${commit.commit.slice(0, 12)}: ${mismatches.join('; ')}`,
    );
  return verdict;
}

/** Returns the state a commit's signature gives it when git did not find it good and trusted, else undefined. */
export function signatureFailure(
  signature: Signature,
  what: string,
): { state: VerifyState; detail: string } | undefined {
  switch (signature.code) {
    case 'G':
      return undefined;
    case 'N':
      return { state: 'unsigned', detail: `the ${what} is not signed` };
    case 'B':
      return {
        state: 'bad-signature',
        detail: 'the signature does not match the commit: it was altered after signing',
      };
    case 'R':
      return { state: 'untrusted-signer', detail: `the signing key ${signature.key} has been revoked` };
    case 'X':
    case 'Y':
      return { state: 'untrusted-signer', detail: `the signature or its key ${signature.key} has expired` };
    default:
      return {
        state: 'untrusted-signer',
        detail:
          `signed by a key that is not in ` +
          `${SIGNERS_FILE}${signature.key ? ` (${signature.key})` : ''}; add the ` +
          `approver's key there if they may approve`,
      };
  }
}

/** A document of the register as it stands in the work tree. */
export interface CurrentDocument {
  id: string;
  file: string;
  status: string;
  version: string;
  /** approval.approved_on, when the front matter records an approval. */
  approvedOn?: string;
  /** PPP-Content-SHA256 of the file as it stands (undefined when it cannot be read). */
  hash?: string;
}

export interface VerifyRow {
  id: string;
  file: string;
  state: VerifyState;
  /** The last approval commit, when there is one. */
  commit: string | null;
  signer: string | null;
  version: string | null;
  approved_on: string | null;
  route: string | null;
  /** The version being worked on since the last approval, when there is one. */
  pending_version?: string;
  /** The last approval is an adoption: approved before the register used ppp, recorded by ppp adopt. */
  adopted?: true;
  severity: 'ok' | 'warning' | 'error';
  detail?: string;
}

/**
 * Returns the state of every document that has been approved (by its front matter or an approval
 * commit), judged by its last approval commit; documents never approved are left out.
 */
export function verifyDocuments(
  documents: readonly CurrentDocument[],
  lastApproval: ReadonlyMap<string, CommitVerdict>,
  signing: 'required' | 'optional',
): VerifyRow[] {
  const rows: VerifyRow[] = [];
  for (const doc of documents) {
    const v = lastApproval.get(doc.id);
    const claimsApproval = doc.approvedOn !== undefined || IN_FORCE.has(doc.status);
    if (!v) {
      if (!claimsApproval) continue;
      rows.push({
        id: doc.id,
        file: doc.file,
        state: 'no-approval-commit',
        commit: null,
        signer: null,
        version: null,
        approved_on: doc.approvedOn ?? null,
        route: null,
        severity: 'error',
        detail:
          `${IN_FORCE.has(doc.status) ? `it is ${doc.status}` : 'it records an approval'} but no signed approval ` +
          `commit for ${doc.id} is in the history (a squash or rebase merge drops signed approval commits); ` +
          `approve it with ppp approve` +
          (doc.approvedOn === undefined
            ? ''
            : `, or, if it was approved before the register used ppp, record that approval with ` +
              `ppp adopt ${doc.id} --evidence "…"`),
      });
      continue;
    }
    const row: VerifyRow = {
      id: doc.id,
      file: doc.file,
      state: v.state,
      commit: v.commit,
      signer: v.signature.signer || v.signature.key || null,
      version: v.version || null,
      approved_on: v.approvedOn || null,
      route: v.route || null,
      severity: 'ok',
      detail: v.detail,
      ...(v.adopted ? { adopted: true as const } : {}),
    };
    if (row.state === 'verified' && IN_FORCE.has(doc.status) && doc.hash !== v.contentHash) {
      row.state = 'modified-after-approval';
      row.detail =
        `the document has changed since version ${v.version} was ${v.adopted ? 'adopted' : 'approved'} in ` +
        `${v.commit.slice(0, 12)}; undo the change (ppp history ${doc.id} shows it) or ` +
        `submit it for a new approval`;
    }
    if (row.state === 'verified' && v.adoptedOutOfForce && IN_FORCE.has(doc.status)) {
      row.state = 'no-approval-commit';
      row.detail =
        `it was adopted in ${v.commit.slice(0, 12)} while it was not in force, which records that an approval ` +
        `was given but not the approved text; approve this version with ppp approve`;
    }
    if (!IN_FORCE.has(doc.status) && !RETIRED.has(doc.status)) row.pending_version = doc.version;
    row.severity =
      row.state === 'verified' ? 'ok' : row.state === 'unsigned' && signing === 'optional' ? 'warning' : 'error';
    rows.push(row);
  }
  return rows;
}
