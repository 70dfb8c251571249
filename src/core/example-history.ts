/**
 * The live example register (ppp init DIR --example): the sample register's life replayed as
 * dated commits. Each approved document is drafted, submitted and approved in a signed commit
 * carrying the PPP trailers (a revised one also has its earlier version approved before); retired
 * and resubmitted documents then move on; meetings are recorded after they happen; and one
 * document is edited after approval without a new approval, so that ppp verify has both outcomes
 * to show. Pure: it returns the commits; the caller writes the files and runs git.
 */
import { addDays, addMonths, compareDates, daysBetween } from './calendar.js';
import { approvalMessage, type ApprovalTrailers } from './approval.js';
import { contentHash } from './content-hash.js';
import { parseDuration } from './duration.js';
import { editFrontMatter } from './front-matter-edit.js';
import { frontMatterData } from './front-matter.js';
import { RETIRED } from './document.js';
import { retirementMessage, type RetirementStatus, type RetirementTrailers } from './retirement.js';
import { redateFile, redateText, SAMPLE_NOW, type DateMap } from './story-dates.js';

export interface SampleFile {
  /** Register-relative path, forward slashes. */
  path: string;
  text: string;
}

export interface ExampleCommit {
  date: string;
  message: string;
  files: SampleFile[];
  /** An approval commit: signed, and of exactly one document that is already committed. */
  approval: boolean;
}

/** The document edited after its approval, the words changed, and when. */
export const EDITED_AFTER_APPROVAL = {
  id: 'CS-PRO-0001',
  from: 'within 72 hours',
  to: 'within 5 days',
  on: '2026-11-18',
} as const;

/** The last day of the sample's recorded life: nothing later happens in the replayed history. */
const SETTLED = SAMPLE_NOW;

type Data = Record<string, unknown>;

const BLOCK = { block: ['approval', 'review'] };

/** Returns the commits that replay the sample register's life, oldest first. */
export function planExampleHistory(files: readonly SampleFile[], signersFile: SampleFile): ExampleCommit[] {
  const steps: (ExampleCommit & { seq: number })[] = [];
  let seq = 0;
  const add = (date: string, message: string, changed: SampleFile[], approval = false) =>
    steps.push({ date, message, files: changed, approval, seq: seq++ });

  for (const file of files.filter((f) => f.path.startsWith('documents/'))) {
    const data = frontMatterData(file.text);
    if (!data) continue;
    const id = String(data.id);
    const title = String(data.title ?? id);
    const approval = (data.approval ?? undefined) as Data | undefined;
    const submission = (data.submission ?? undefined) as Data | undefined;
    const approvedOn = typeof approval?.approved_on === 'string' ? approval.approved_on : undefined;
    if (!approvedOn) {
      const agreed = (data.proposal as Data | undefined)?.agreed_on;
      const on =
        typeof submission?.on === 'string' ? submission.on : typeof agreed === 'string' ? agreed : '2026-10-20';
      add(on, `Add ${id}: ${title} (${String(data.status)})`, [{ path: file.path, text: file.text }]);
      continue;
    }
    const route = String(approval!.route);
    const inForce = data.status === 'approved' || data.status === 'interim';
    const approvedText = inForce
      ? file.text
      : editFrontMatter(file.text, { status: route === 'interim' ? 'interim' : 'approved', submission: undefined });
    const major = Number(String(data.version).split('.')[0]);
    const cycle = parseDuration((data.review as Data | undefined)?.cycle ?? '3 years');
    const months = cycle.ok ? cycle.value.months || 36 : 36;
    let previous: { version: string; approval: Data; review: Data } | undefined;
    if (major >= 2) {
      // The version before, approved one review cycle earlier, with a shorter body.
      const oldOn = addMonths(approvedOn, -months);
      const shift = (d: unknown) => (typeof d === 'string' ? addDays(d, -daysBetween(oldOn, approvedOn)) : undefined);
      const oldApproval: Data = { ...approval, approved_on: oldOn };
      if (approval!.meeting !== undefined) oldApproval.meeting = shift(approval!.meeting);
      if (approval!.preliminary_on !== undefined) oldApproval.preliminary_on = shift(approval!.preliminary_on);
      if (approval!.preliminary_meeting !== undefined)
        oldApproval.preliminary_meeting = shift(approval!.preliminary_meeting);
      previous = {
        version: `${major - 1}.0`,
        approval: oldApproval,
        review: { cycle: cycle.ok ? cycle.value.text : '3 years', due: addMonths(oldOn, months) },
      };
      const oldBody = withoutLastParagraph(approvedText);
      const oldApproved = editFrontMatter(
        oldBody,
        { version: previous.version, approval: previous.approval, review: previous.review },
        BLOCK,
      );
      const draft = editFrontMatter(oldBody, {
        status: 'submitted',
        version: `${major - 2}.9`,
        approval: undefined,
        review: undefined,
        submission: {
          kind: 'draft',
          on: addDays(oldOn, -21),
          ...(typeof oldApproval.meeting === 'string' ? { meeting: oldApproval.meeting } : {}),
        },
      });
      add(addDays(oldOn, -21), `Draft ${id}: ${title}`, [{ path: file.path, text: draft }]);
      add(
        oldOn,
        approvalMessageOf(title, oldApproved, previous.approval),
        [{ path: file.path, text: oldApproved }],
        true,
      );
    }
    const draftOn = addDays(approvedOn, -21);
    const meeting = typeof approval!.meeting === 'string' ? approval!.meeting : undefined;
    const draft = previous
      ? editFrontMatter(
          approvedText,
          {
            status: 'submitted',
            version: previous.version,
            approval: previous.approval,
            review: previous.review,
            submission: { kind: 'review', on: draftOn, ...(meeting ? { meeting } : {}) },
          },
          BLOCK,
        )
      : editFrontMatter(approvedText, {
          status: route === 'ppp' || route === 'partnership' ? 'submitted' : 'drafting',
          version: '0.9',
          approval: undefined,
          review: undefined,
          submission:
            route === 'ppp' || route === 'partnership'
              ? { kind: 'draft', on: draftOn, ...(meeting ? { meeting } : {}) }
              : undefined,
        });
    add(draftOn, `${previous ? 'Revise' : 'Draft'} ${id}: ${title}`, [{ path: file.path, text: draft }]);
    add(approvedOn, approvalMessageOf(title, approvedText, approval!), [{ path: file.path, text: approvedText }], true);
    const retirement = (data.retirement ?? undefined) as Data | undefined;
    if (approvedText !== file.text && typeof retirement?.on === 'string' && RETIRED.has(String(data.status))) {
      // A retired document leaves use by a signed retirement commit, as ppp retire makes it.
      const trailers: RetirementTrailers = {
        'PPP-Document': id,
        'PPP-Retired-On': retirement.on,
        'PPP-Status': String(data.status) as RetirementStatus,
        'PPP-Superseded-By': typeof retirement.superseded_by === 'string' ? retirement.superseded_by : undefined,
        'PPP-Meeting': typeof retirement.meeting === 'string' ? retirement.meeting : undefined,
      };
      const message = retirementMessage(title, String(data.version), trailers, String(retirement.reason ?? ''));
      add(retirement.on, message, [{ path: file.path, text: file.text }], true);
    } else if (approvedText !== file.text) {
      const on =
        typeof submission?.on === 'string'
          ? submission.on
          : laterOf(
              addDays(approvedOn, 1),
              minDate(String((data.review as Data | undefined)?.due ?? SETTLED), SETTLED),
            );
      const what =
        data.status === 'submitted'
          ? 'Submit'
          : data.status === 'under-review'
            ? 'Start the review of'
            : `Mark ${String(data.status)}:`;
      add(on, `${what} ${id}: ${title}`, [{ path: file.path, text: file.text }]);
    }
    if (id === EDITED_AFTER_APPROVAL.id && file.text.includes(EDITED_AFTER_APPROVAL.from)) {
      add(EDITED_AFTER_APPROVAL.on, `Tidy the wording of ${id}`, [
        { path: file.path, text: file.text.replace(EDITED_AFTER_APPROVAL.from, EDITED_AFTER_APPROVAL.to) },
      ]);
    }
  }

  for (const meeting of new Set(
    files.filter((f) => f.path.startsWith('meetings/')).map((f) => f.path.split('/')[1]!),
  )) {
    const records = files.filter((f) => f.path.startsWith(`meetings/${meeting}/`));
    // The agenda as the chair issued it, on the day it went out; the meeting's record once it has met.
    const agenda = records.filter((f) => /\/agenda\.(md|json)$/.test(f.path));
    const issuedOn = agenda.map((f) => /"issued_on": "(\d{4}-\d{2}-\d{2})"/.exec(f.text)?.[1]).find(Boolean);
    if (agenda.length && issuedOn) add(issuedOn, `Issue the agenda of the meeting of ${meeting}`, agenda);
    add(
      addDays(meeting, 2),
      `Record the meeting of ${meeting}: attendance, decisions and minutes`,
      records.filter((f) => !agenda.includes(f) || !issuedOn),
    );
  }
  const others = files.filter(
    (f) => !f.path.startsWith('documents/') && !f.path.startsWith('meetings/') && f.path !== signersFile.path,
  );
  const first = steps.reduce((min, s) => minDate(min, s.date), SETTLED);
  const actions = others.filter((f) => f.path === 'actions.yaml');
  add(addDays(first, -7), "Start the register: group settings, members and approvers' keys", [
    ...others.filter((f) => f.path !== 'actions.yaml'),
    signersFile,
  ]);
  if (actions.length) add(SETTLED, 'Bring the action tracker up to date', actions);
  return steps.sort((a, b) => compareDates(a.date, b.date) || a.seq - b.seq).map(({ seq: _seq, ...step }) => step);
}

/**
 * Returns the history with every date moved through the map (commit dates, files, paths and messages); an approval's
 * content hash is that of its document as moved.
 */
export function anchorHistory(
  steps: readonly ExampleCommit[],
  map: DateMap,
  sampleMeetings: readonly string[],
): ExampleCommit[] {
  return steps.map((step) => {
    const files = step.files.map((f) => ({
      path: redateText(f.path, map, sampleMeetings),
      text: redateFile(f.path, f.text, map, sampleMeetings),
    }));
    let message = redateText(step.message, map, sampleMeetings);
    const hash = contentHash(files[0]?.text ?? '');
    if (step.approval && hash) message = message.replace(/^(PPP-Content-SHA256: )[0-9a-f]{64}$/m, `$1${hash}`);
    return { date: map(step.date), message, files, approval: step.approval };
  });
}

function approvalMessageOf(title: string, text: string, approval: Data): string {
  const data = frontMatterData(text)!;
  const route = String(approval.route);
  const trailers: ApprovalTrailers = {
    'PPP-Document': String(data.id),
    'PPP-Version': String(data.version),
    'PPP-Route': route,
    'PPP-Meeting': typeof approval.meeting === 'string' ? approval.meeting : undefined,
    'PPP-Preliminary-Meeting':
      typeof approval.preliminary_meeting === 'string' ? approval.preliminary_meeting : undefined,
    'PPP-Approved-On': String(approval.approved_on),
    'PPP-Content-SHA256': contentHash(text)!,
  };
  return approvalMessage(title, trailers, String(approval.approved_by ?? ''));
}

/** Returns the text without the last paragraph of its body (an earlier, shorter version). */
function withoutLastParagraph(text: string): string {
  const paragraphs = text.trimEnd().split(/\n\n/);
  const last = paragraphs[paragraphs.length - 1] ?? '';
  return paragraphs.length > 3 && !last.startsWith('#') && !last.startsWith('---')
    ? paragraphs.slice(0, -1).join('\n\n') + '\n'
    : text;
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}
