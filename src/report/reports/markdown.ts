/**
 * The chair's reports as markdown: to paste into an e-mail or a paper, or to read as they are. Pure: report data in,
 * text out. Text from the register is written as it is, with what would break a markdown table or list escaped.
 */
import { longDate, writtenDate } from '../../core/calendar.js';
import type {
  AnnualReport,
  MeetingReport,
  NewsletterReport,
  RegisterReport,
  ReportedApproval,
  ReviewException,
} from '../../core/reports.js';

const FROM_FRONT_MATTER =
  '_This register is not in git, so these numbers come from the front matter of the documents as they stand: ' +
  'earlier versions and retirements are not known._';

/** Returns the report to the leadership team on one meeting. */
export function meetingMarkdown(report: MeetingReport & { source: string }, group: string): string {
  const out: string[] = [`# ${group}: report to the leadership team on the meeting of ${longDate(report.meeting)}`, ''];
  if (report.source !== 'git') out.push(FROM_FRONT_MATTER, '');
  const news = report.approved.filter((a) => a.kind === 'new');
  const revised = report.approved.filter((a) => a.kind === 'revised');
  out.push('## Approved at the meeting', '');
  if (report.approved.length === 0) out.push('No document was approved at this meeting.', '');
  if (news.length) out.push('### New documents', '', ...news.flatMap(approvalItem), '');
  if (revised.length) out.push('### Revised documents', '', ...revised.flatMap(approvalItem), '');
  out.push(
    `## Approved by a director or on interim approval ${
      report.previous_meeting ? `since the meeting of ${longDate(report.previous_meeting)}` : 'before this meeting'
    }`,
    '',
  );
  if (report.director_and_interim.length === 0) out.push('None.', '');
  else out.push(...report.director_and_interim.flatMap(approvalItem), '');
  out.push('## Other decisions', '');
  if (report.decisions.length === 0) out.push('None recorded.', '');
  else {
    out.push('| Document | Decision | Reason |', '|---|---|---|');
    for (const d of report.decisions)
      out.push(
        `| ${cell(`${d.id} ${d.title}`)} | ${DECISION_WORDS[d.decision] ?? d.decision}` +
          `${d.deferred_to ? ` to ${d.deferred_to}` : ''} | ${cell(d.reason ?? '')} |`,
      );
    out.push('');
  }
  const x = report.exceptions;
  out.push('## Exceptions', '');
  const quorum =
    x.quorate === null
      ? 'attendance not recorded'
      : x.quorate
        ? 'the meeting was quorate'
        : '**the meeting was not quorate**';
  out.push(`- Quorum: ${quorum}.`);
  out.push(`- Reviews to escalate: ${reviews(x.escalations)}`);
  out.push(`- Other overdue reviews: ${reviews(x.overdue_reviews)}`);
  out.push(
    `- Members absent from two or more meetings in a row without a delegate: ${
      x.absences.length ? x.absences.map((a) => `${inline(a.name)} (${a.meetings.join(', ')})`).join('; ') : 'none'
    }.`,
  );
  return out.join('\n') + '\n';
}

/** Returns the newsletter's piece on the documents approved in a month. */
export function newsletterMarkdown(report: NewsletterReport & { source: string }, group: string): string {
  const [year, month] = report.month.split('-');
  const monthName = writtenDate(`${year}-${month}-01`).replace(/^1 /, '');
  const out = [`# New and updated policies and procedures: ${monthName}`, ''];
  if (report.source !== 'git') out.push(FROM_FRONT_MATTER, '');
  if (report.items.length === 0) {
    out.push(`${group} approved no new or updated documents in ${monthName}.`);
    return out.join('\n') + '\n';
  }
  out.push(`${group} approved these documents in ${monthName}. Please read those that apply to your work.`, '');
  for (const kind of ['new', 'revised'] as const) {
    const items = report.items.filter((i) => i.kind === kind);
    if (!items.length) continue;
    out.push(kind === 'new' ? '## New' : '## Updated', '');
    for (const i of items) {
      const name = `${i.title} (${i.id})`;
      out.push(`### ${i.url ? `[${inline(name)}](${i.url})` : inline(name)}`, '');
      if (i.summary) out.push(inline(i.summary), '');
      if (kind === 'revised') out.push(`What has changed: ${i.changes ? inline(i.changes) : 'see the document.'}`, '');
      out.push(`Approved on ${writtenDate(i.approved_on)}.`, '');
    }
  }
  return out.join('\n') + '\n';
}

/** Returns the annual report on the work of the group in a financial year. */
export function annualMarkdown(report: AnnualReport & { source: string }, group: string): string {
  const span = `${writtenDate(report.from)} to ${writtenDate(report.to)}`;
  const out = [
    `# ${group}: annual report ${report.year}-${String(report.year + 1).slice(2)}`,
    '',
    `The financial year from ${span}.`,
  ];
  if (report.as_of !== report.to) out.push(`The year is not over: figures are as of ${writtenDate(report.as_of)}.`);
  out.push('');
  if (report.source !== 'git') out.push(FROM_FRONT_MATTER, '');
  const a = report.approvals;
  out.push('## Approvals', '');
  if (a.total === 0) out.push('No approvals in the year.', '');
  else {
    out.push(
      `${a.total} approvals: ${a.new} new documents and ${a.revised} revised ` +
        `(an interim approval and the group's later full approval of the same version count as two approvals).`,
      '',
    );
    out.push(...tableOf('By type', 'Type', a.by_type), ...tableOf('By route', 'Route', a.by_route));
    out.push(...tableOf('By month', 'Month', a.by_month));
  }
  out.push('## Reviews', '');
  out.push(
    `- Reviews approved on time (on or before the review date): ${report.reviews.on_time}`,
    `- Reviews approved late: ${report.reviews.late}`,
    `- Documents overdue for review at the end of the year: ${report.reviews.overdue_at_year_end}`,
    '',
  );
  out.push('## Meetings', '');
  out.push(`${report.meetings.held} meetings held, ${report.meetings.quorate} of them quorate.`, '');
  if (report.attendance.by_member.length) {
    out.push('| Member | Role | Present | Apologies | Absent |', '|---|---|---|---|---|');
    for (const m of report.attendance.by_member)
      out.push(`| ${cell(m.name)} | ${cell(m.role)} | ${m.present} | ${m.apologies} | ${m.absent} |`);
    out.push('');
    out.push('| Role | Present | Apologies | Absent |', '|---|---|---|---|');
    for (const r of report.attendance.by_role)
      out.push(`| ${cell(r.role)} | ${r.present} | ${r.apologies} | ${r.absent} |`);
    out.push('');
  }
  out.push('## Actions', '');
  out.push(
    `${report.actions.raised} raised in the year, ${report.actions.closed} closed, ` +
      `${report.actions.open} open at the end of it.`,
    '',
  );
  const r = report.register_at_year_end;
  out.push('## The register at the end of the year', '', `${r.total} documents in force.`, '');
  out.push(...tableOf('By type', 'Type', r.by_type), ...tableOf('By review state', 'Review', r.by_review_state));
  out.push('## Training and system changes the approvals asked for', '');
  if (report.work_asked_for.length === 0) out.push('None.', '');
  for (const w of report.work_asked_for) {
    const parts = [
      w.training ? `training: ${inline(w.training)}` : '',
      w.systems.length ? `systems: ${w.systems.map(inline).join('; ')}` : '',
    ];
    out.push(`- ${inline(`${w.id} ${w.title}`)}: ${parts.filter(Boolean).join('; ')}`);
  }
  return out.join('\n').trimEnd() + '\n';
}

/** Returns the register as the Board sees it. */
export function registerMarkdown(report: RegisterReport & { source: string }, group: string): string {
  const out = [
    `# ${group}: the register, ${report.year}-${String(report.year + 1).slice(2)}`,
    '',
    `Documents in force on ${writtenDate(report.as_of)}, and what the financial year from ` +
      `${writtenDate(report.from)} added, revised and retired.`,
    '',
  ];
  if (report.source !== 'git') out.push(FROM_FRONT_MATTER, '');
  out.push(`## In force (${report.in_force.length})`, '');
  if (report.in_force.length) {
    out.push('| Document | Title | Version | Owner | Approved | Review due |', '|---|---|---|---|---|---|');
    for (const d of report.in_force)
      out.push(
        `| ${d.id} | ${cell(d.title)} | ${d.version} | ${cell(d.owner_name ?? d.owner)} | ${d.approved_on} | ` +
          `${d.review_due ?? ''}${d.review_state && d.review_state !== 'ok' ? ` (${d.review_state})` : ''} |`,
      );
    out.push('');
  } else out.push('None.', '');
  out.push(`## Added in the year (${report.added.length})`, '');
  out.push(
    ...(report.added.length
      ? report.added.map((d) => `- ${inline(`${d.id} ${d.title}`)} (${d.type}, ${d.approved_on})`)
      : ['None.']),
    '',
  );
  out.push(`## Revised in the year (${report.revised.length})`, '');
  out.push(
    ...(report.revised.length
      ? report.revised.map(
          (d) =>
            `- ${inline(`${d.id} ${d.title}`)}, version ${d.version} (${d.approved_on})` +
            `${d.changes ? `: ${inline(d.changes)}` : ''}`,
        )
      : ['None.']),
    '',
  );
  out.push(`## Retired in the year (${report.retired.length})`, '');
  out.push(
    ...(report.retired.length
      ? report.retired.map(
          (d) =>
            `- ${inline(`${d.id} ${d.title}`)}: ${d.status} on ${d.retired_on}` +
            `${d.superseded_by ? `, replaced by ${d.superseded_by}` : ''}`,
        )
      : ['None.']),
    '',
  );
  out.push(`## Overdue for review (${report.overdue.length})`, '');
  out.push(
    ...(report.overdue.length
      ? report.overdue.map(
          (d) => `- ${inline(`${d.id} ${d.title}`)}: due ${d.review_due} (${inline(d.owner_name ?? '')})`,
        )
      : ['None.']),
  );
  return out.join('\n').trimEnd() + '\n';
}

function tableOf(caption: string, head: string, counts: Record<string, number>): string[] {
  const rows = Object.entries(counts);
  if (rows.length === 0) return [];
  return [
    `**${caption}**`,
    '',
    `| ${head} | Number |`,
    '|---|---|',
    ...rows.map(([k, n]) => `| ${cell(k)} | ${n} |`),
    '',
  ];
}

const DECISION_WORDS: Record<string, string> = {
  agree: 'proposal agreed',
  decline: 'proposal declined',
  return: 'returned to the author',
  defer: 'deferred',
  note: 'noted',
};

function approvalItem(a: ReportedApproval): string[] {
  const owner = a.owner_name ?? a.owner;
  const lines = [
    `- **${inline(`${a.id} ${a.title}`)}** ` +
      `(${a.type}, version ${a.version}, ${a.route}, ${writtenDate(a.approved_on)})` +
      `${a.summary ? `: ${inline(a.summary)}` : ''}`,
  ];
  if (a.kind === 'revised') lines.push(`  - What changed: ${a.changes ? inline(a.changes) : 'not recorded.'}`);
  const impact = [
    a.impact.training ? `training: ${inline(a.impact.training)}` : '',
    a.impact.systems.length ? `systems: ${a.impact.systems.map(inline).join('; ')}` : '',
    a.impact.communication ? `communication: ${inline(a.impact.communication)}` : '',
  ].filter(Boolean);
  if (impact.length) lines.push(`  - Work it needs: ${impact.join('; ')}`);
  lines.push(`  - Owner: ${inline(owner)}`);
  return lines;
}

function reviews(rows: readonly ReviewException[]): string {
  if (rows.length === 0) return 'none.';
  return (
    rows
      .map(
        (r) =>
          `${inline(`${r.id} ${r.title}`)} (due ${r.review_due}, ${r.days_past_due} days ago; ` +
          `${inline(r.owner_name ?? r.owner)})`,
      )
      .join('; ') + '.'
  );
}

/** Text from the register on one line, markdown's own characters escaped. */
function inline(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

function cell(text: string): string {
  return inline(text);
}
