/** The history of one document as ppp history gives it: every commit of its file, approvals with their proof. */
import type { VerifyState } from './verify.js';

export interface HistoryEntry {
  commit: string;
  date: string;
  /**
   * approval: a commit with PPP trailers naming this document; adoption: a commit recording it as approved before ppp
   * (PPP-Adopted), which changes no file; retirement: a commit taking it out of use (ppp retire, or the approval of a
   * document that supersedes it); change: any other commit of the file.
   */
  kind: 'approval' | 'adoption' | 'retirement' | 'change';
  version: string | null;
  status: string | null;
  file: string;
  subject: string;
  route: string | null;
  meeting: string | null;
  approved_on: string | null;
  /** For a retirement: the date it took effect. */
  retired_on?: string;
  signer: string | null;
  /** For an approval: its signature and trailer check, as ppp verify states it. */
  state: VerifyState | null;
  detail?: string;
}

export interface HistoryResult {
  id: string;
  file: string;
  /** Oldest first. */
  versions: HistoryEntry[];
  diff?: string;
}
