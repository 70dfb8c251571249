/**
 * ppp report: what the chair owes the leadership team after each meeting and the newsletter each month, from the
 * approval commits in git, the decisions and attendance in meetings/, and the register as it stands. A register not
 * in git reports from front matter, and says so.
 */
import { addDays, isIsoDate } from '../core/calendar.js';
import { join, resolve } from 'node:path';
import { RETIRED, text } from '../core/document.js';
import { frontMatterData } from '../core/front-matter.js';
import { UsageError } from '../core/errors.js';
import { meetingDates, scheduledMeeting } from '../core/meetings.js';
import {
  annualReport,
  impactOf,
  meetingReport,
  registerReport,
  type AnnualReport,
  type RegisterReport,
  newsletterReport,
  type ApprovalEvent,
  type MeetingReport,
  type NewsletterReport,
  type RetirementEvent,
} from '../core/reports.js';
import { dueRows, reviewState } from '../core/reviews.js';
import { realToday, today as todayOf } from '../io/clock.js';
import { readActions } from '../io/register-files.js';
import { decodeUtf8, readDocument, readPackageFile, writeFileAtomic } from '../io/fs.js';
import { isInsideWorkTree } from '../io/git.js';
import type { Io } from '../io/io.js';
import { approvalHistory } from './steps/approval-history.js';
import { refuseShallow } from './steps/full-history.js';
import { loadRegister, type LoadedRegister } from './steps/load-register.js';
import { loadWorkingCalendar } from './steps/working-calendar.js';

export interface ReportOptions {
  register?: string;
  baseUrl?: string;
  today?: string;
}

/** Where the numbers came from: git history, or (a register not in git) the front matter of the documents. */
export type ReportSource = 'git' | 'front-matter';

/** Returns the report on one meeting for the leadership team. */
export async function meetingReportOf(
  options: ReportOptions & { meeting: string },
  io: Io,
): Promise<MeetingReport & { source: ReportSource; group: string; timezone: string }> {
  const loaded = await loadRegister(io, { register: options.register });
  const calendar = await loadWorkingCalendar(loaded.settings);
  const meeting = scheduledMeeting(loaded.settings, calendar, options.meeting).date;
  const previous = meetingDates(loaded.settings, addDays(meeting, -400), addDays(meeting, -1)).pop();
  const { source, approvals } = await eventsOf(loaded);
  const record = loaded.meetingRecords.find((m) => m.date === meeting);
  const report = meetingReport({
    meeting,
    previous,
    approvals,
    decisions: record?.decisions ?? [],
    titles: titlesOf(loaded),
    reviews: dueRows(loaded.records, meeting, loaded.settings),
    attendance: record?.attendance ?? null,
    attendanceHistory: loaded.meetingRecords.map((m) => ({ date: m.date, attendance: m.attendance })),
    settings: loaded.settings,
    people: { members: loaded.members, baseUrl: baseUrlOf(options.baseUrl) },
  });
  return { ...report, source, group: loaded.settings.group, timezone: loaded.settings.timezone };
}

/** Returns the newsletter's list of the documents approved in a month (YYYY-MM). */
export async function newsletterOf(
  options: ReportOptions & { month: string },
  io: Io,
): Promise<NewsletterReport & { source: ReportSource; group: string; timezone: string }> {
  if (!/^\d{4}-\d{2}$/.test(options.month) || !isIsoDate(`${options.month}-01`))
    throw new UsageError(`--month ${options.month} is not a month; write it YYYY-MM, like 2026-11`);
  const loaded = await loadRegister(io, { register: options.register });
  const { source, approvals } = await eventsOf(loaded);
  return {
    ...newsletterReport(options.month, approvals, {
      members: loaded.members,
      baseUrl: baseUrlOf(options.baseUrl),
    }),
    source,
    group: loaded.settings.group,
    timezone: loaded.settings.timezone,
  };
}

/** Returns the annual report on the financial year from 1 April YEAR. */
export async function annualOf(
  options: ReportOptions & { year: string },
  io: Io,
): Promise<AnnualReport & { source: ReportSource; group: string; timezone: string }> {
  const { loaded, input } = await yearInput(options, io);
  const byId = new Map(loaded.members.map((m) => [m.id, m]));
  return {
    ...annualReport({
      ...input,
      meetings: loaded.meetingRecords.map((m) => ({ date: m.date, attendance: m.attendance })),
      actions: readActions(loaded.root, byId).actions,
      settings: loaded.settings,
    }),
    source: input.source,
    group: loaded.settings.group,
    timezone: loaded.settings.timezone,
  };
}

/** Returns the register as the Board sees it for the financial year from 1 April YEAR. */
export async function registerReportOf(
  options: ReportOptions & { year: string },
  io: Io,
): Promise<RegisterReport & { source: ReportSource; group: string; timezone: string }> {
  const { loaded, input } = await yearInput(options, io);
  return {
    ...registerReport({ ...input, baseUrl: baseUrlOf(options.baseUrl) }),
    source: input.source,
    group: loaded.settings.group,
    timezone: loaded.settings.timezone,
  };
}

async function yearInput(options: ReportOptions & { year: string }, io: Io) {
  if (!/^\d{4}$/.test(options.year))
    throw new UsageError(
      `--year ${options.year} is not a year; write the year the financial year starts in, like 2026`,
    );
  const loaded = await loadRegister(io, { register: options.register });
  const events = await eventsOf(loaded);
  const current = loaded.records.flatMap((r) => {
    const d = r.data;
    const on = d ? text(d, 'approval', 'approved_on') : undefined;
    if (!d || !on || !isIsoDate(on) || RETIRED.has(String(d.status))) return [];
    return [
      {
        id: String(d.id),
        title: text(d, 'title') ?? String(d.id),
        type: text(d, 'type') ?? '',
        owner: text(d, 'owner') ?? '',
        version: String(d.version ?? ''),
        approvedOn: on,
        reviewDue: text(d, 'review', 'due'),
      },
    ];
  });
  const settings = loaded.settings;
  return {
    loaded,
    input: {
      year: Number(options.year),
      today: todayOf(io, settings.timezone, options.today),
      approvals: events.approvals,
      retirements: events.retirements,
      current,
      members: loaded.members,
      reviewStateOn: (due: string, day: string) => reviewState(due, day, settings.review, false).state,
      source: events.source,
    },
  };
}

export type ReportFormat = 'md' | 'json' | 'html';

type Extra = { source: ReportSource; group: string; timezone: string };

/** A report with its kind, for formatReport. */
export type ReportOf =
  | { kind: 'meeting'; report: MeetingReport & Extra }
  | { kind: 'newsletter'; report: NewsletterReport & Extra }
  | { kind: 'annual'; report: AnnualReport & Extra }
  | { kind: 'register'; report: RegisterReport & Extra };

/** Returns a report as markdown, JSON or one self-contained HTML file (the renderers load only when asked for). */
export async function formatReport(r: ReportOf, format: ReportFormat, io: Io): Promise<string> {
  const { group, timezone: _timezone, ...data } = r.report;
  if (format === 'json') return JSON.stringify(data, null, 2) + '\n';
  if (format === 'md') {
    const md = await import('../report/reports/markdown.js');
    if (r.kind === 'meeting') return md.meetingMarkdown(r.report, group);
    if (r.kind === 'newsletter') return md.newsletterMarkdown(r.report, group);
    if (r.kind === 'annual') return md.annualMarkdown(r.report, group);
    return md.registerMarkdown(r.report, group);
  }
  const html = await import('../report/reports/html.js');
  const frame = {
    group,
    generatedOn: realToday(io, r.report.timezone),
    css: { screen: readPackageFile('site/assets/ppp.css'), print: readPackageFile('site/assets/print.css') },
  };
  if (r.kind === 'meeting') return html.meetingHtml(r.report, frame);
  if (r.kind === 'newsletter') return html.newsletterHtml(r.report, frame);
  if (r.kind === 'annual') return html.annualHtml(r.report, frame);
  return html.registerHtml(r.report, frame);
}

/** Prints the report, or writes it to out (replaced whole, never half-written). */
export async function deliver(text: string, out: string | undefined, io: Io): Promise<void> {
  if (out === undefined) io.stdout.write(text);
  else writeFileAtomic(resolve(io.cwd, out), text);
}

/** Returns the approvals and retirements, from git where the register is in git (a shallow clone refused). */
async function eventsOf(
  loaded: LoadedRegister,
): Promise<{ source: ReportSource; approvals: ApprovalEvent[]; retirements: RetirementEvent[] }> {
  if (!(await isInsideWorkTree(loaded.root))) return { source: 'front-matter', ...fromFrontMatter(loaded) };
  await refuseShallow(loaded.root, 'ppp report', 'approvals in its history may be missing from the counts');
  return { source: 'git', ...(await approvalHistory(loaded.root)) };
}

/**
 * Returns each document's last approval as its front matter records it: all a register outside git can tell. Earlier
 * versions and retirements are not known; a version above 1.0 counts as revised.
 */
function fromFrontMatter(loaded: LoadedRegister): { approvals: ApprovalEvent[]; retirements: RetirementEvent[] } {
  const approvals: ApprovalEvent[] = [];
  for (const r of loaded.records) {
    const on = r.data ? text(r.data, 'approval', 'approved_on') : undefined;
    if (!on || !isIsoDate(on)) continue;
    // The listing keeps only the fields rules use: the summary, changes and impact are read from the file.
    const read = readDocument(join(loaded.root, r.file));
    const d = frontMatterData(read.kind === 'bytes' ? (decodeUtf8(read.bytes) ?? '') : '');
    if (!d) continue;
    const version = String(d.version ?? '');
    approvals.push({
      id: String(d.id),
      commit: '',
      version,
      route: text(d, 'approval', 'route') ?? '',
      meeting: text(d, 'approval', 'meeting') ?? text(d, 'approval', 'preliminary_meeting'),
      approvedOn: on,
      kind: /^1\.0$|^0\./.test(version) ? 'new' : 'revised',
      confirmsInterim: false,
      title: text(d, 'title') ?? String(d.id),
      type: text(d, 'type') ?? '',
      owner: text(d, 'owner') ?? '',
      summary: text(d, 'summary'),
      changes: text(d, 'changes'),
      impact: impactOf(d),
      reviewDue: text(d, 'review', 'due'),
    });
  }
  approvals.sort((a, b) => (a.approvedOn < b.approvedOn ? -1 : a.approvedOn > b.approvedOn ? 1 : 0));
  return { approvals, retirements: [] };
}

function titlesOf(loaded: LoadedRegister): Map<string, string> {
  return new Map(
    loaded.records.flatMap((r) =>
      r.data?.id ? [[String(r.data.id), text(r.data, 'title') ?? String(r.data.id)]] : [],
    ),
  );
}

function baseUrlOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  if (!/^https?:\/\/\S+$/.test(url))
    throw new UsageError(`--base-url ${url} is not a web address; write it like https://example.org/policies/`);
  return url.endsWith('/') ? url : `${url}/`;
}
