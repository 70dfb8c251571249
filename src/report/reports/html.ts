/**
 * The chair's reports as one self-contained, accessible HTML file each (GOV.UK styles inlined, charts as SVG with
 * their data tables): the bodies here, the page frame from html-kit. Pure: report data in, HTML out.
 */
import { writtenDate } from '../../core/calendar.js';
import type {
  AnnualReport,
  MeetingReport,
  NewsletterReport,
  RegisterReport,
  ReportedApproval,
  ReviewException,
} from '../../core/reports.js';
import { escapeAttribute, escapeHtml, summaryList, table, tag } from '../site/layout.js';
import { chart } from './charts.js';
import { emptyNotice, keyFigures, reportDocument, section } from './html-kit.js';

export interface HtmlFrame {
  group: string;
  generatedOn: string;
  css: { screen: string; print: string };
}

const FROM_FRONT_MATTER =
  'This register is not in git, so these numbers come from the front matter of the documents as they stand: ' +
  'earlier versions and retirements are not known.';

const DECISION_WORDS: Record<string, string> = {
  agree: 'Proposal agreed',
  decline: 'Proposal declined',
  return: 'Returned to the author',
  defer: 'Deferred',
  note: 'Noted',
};

const STATE_WORDS: Record<string, string> = {
  ok: 'In date',
  'due-soon': 'Due soon',
  overdue: 'Overdue',
  escalate: 'Overdue: escalate',
  none: 'No review date',
};

/** The report to the leadership team on one meeting. */
export function meetingHtml(report: MeetingReport & { source: string }, frame: HtmlFrame): string {
  const parts: string[] = [sourceNote(report.source)];
  const news = report.approved.filter((a) => a.kind === 'new');
  const revised = report.approved.filter((a) => a.kind === 'revised');
  parts.push(
    section(
      'Approved at the meeting',
      report.approved.length === 0
        ? emptyNotice('No document was approved at this meeting.')
        : (news.length ? section('New documents', news.map((a) => approvalBlock(a)).join(''), 3) : '') +
            (revised.length ? section('Revised documents', revised.map((a) => approvalBlock(a)).join(''), 3) : ''),
    ),
  );
  parts.push(
    section(
      report.previous_meeting
        ? `Approved by a director or on interim approval since ${writtenDate(report.previous_meeting)}`
        : 'Approved by a director or on interim approval',
      report.director_and_interim.length
        ? report.director_and_interim.map((a) => approvalBlock(a, 3)).join('')
        : emptyNotice('None.'),
    ),
  );
  parts.push(
    section(
      'Other decisions',
      report.decisions.length
        ? table(
            'Decisions recorded for the meeting',
            ['Document', 'Decision', 'Reason'],
            report.decisions.map((d) => [
              `${escapeHtml(d.id)} ${escapeHtml(d.title)}`,
              escapeHtml(
                (DECISION_WORDS[d.decision] ?? d.decision) + (d.deferred_to ? ` to ${writtenDate(d.deferred_to)}` : ''),
              ),
              escapeHtml(d.reason ?? ''),
            ]),
          )
        : emptyNotice('No other decision was recorded.'),
    ),
  );
  const x = report.exceptions;
  parts.push(
    section(
      'Exceptions',
      summaryList([
        [
          'Quorum',
          x.quorate === null
            ? 'Attendance not recorded'
            : x.quorate
              ? 'The meeting was quorate'
              : tag('Not quorate', 'red') + ' Decisions are for ratification at the next quorate meeting',
        ],
        ['Reviews to escalate', reviewList(x.escalations)],
        ['Other overdue reviews', reviewList(x.overdue_reviews)],
        [
          'Absent twice without a delegate',
          x.absences.length
            ? x.absences
                .map((a) => `${escapeHtml(a.name)} (${a.meetings.map((d) => escapeHtml(writtenDate(d))).join(', ')})`)
                .join('<br>')
            : 'None',
        ],
      ]),
    ),
  );
  return reportDocument({
    title: `Report on the meeting of ${writtenDate(report.meeting)}`,
    subtitle: 'For the extended leadership team',
    group: frame.group,
    generatedOn: frame.generatedOn,
    bodyHtml: parts.join('\n'),
    css: frame.css,
  });
}

/** The newsletter's piece on a month's approvals. */
export function newsletterHtml(report: NewsletterReport & { source: string }, frame: HtmlFrame): string {
  const month = writtenDate(`${report.month}-01`).replace(/^1 /, '');
  const parts = [sourceNote(report.source)];
  if (report.items.length === 0) parts.push(emptyNotice(`No new or updated documents were approved in ${month}.`));
  for (const kind of ['new', 'revised'] as const) {
    const items = report.items.filter((i) => i.kind === kind);
    if (!items.length) continue;
    parts.push(
      section(
        kind === 'new' ? 'New' : 'Updated',
        items
          .map((i) => {
            const name = `${escapeHtml(i.title)} (${escapeHtml(i.id)})`;
            return (
              `<h3 class="govuk-heading-s">${
                i.url ? `<a class="govuk-link" href="${escapeAttribute(i.url)}">${name}</a>` : name
              }</h3>` +
              (i.summary ? `<p class="govuk-body">${escapeHtml(i.summary)}</p>` : '') +
              (kind === 'revised'
                ? `<p class="govuk-body">What has changed: ${escapeHtml(i.changes ?? 'see the document.')}</p>`
                : '') +
              `<p class="govuk-body-s">Approved on ${escapeHtml(writtenDate(i.approved_on))}.</p>`
            );
          })
          .join(''),
      ),
    );
  }
  return reportDocument({
    title: `New and updated policies and procedures: ${month}`,
    group: frame.group,
    generatedOn: frame.generatedOn,
    bodyHtml: parts.join('\n'),
    css: frame.css,
  });
}

/** The annual report, with its charts. */
export async function annualHtml(report: AnnualReport & { source: string }, frame: HtmlFrame): Promise<string> {
  const a = report.approvals;
  const parts = [sourceNote(report.source)];
  if (report.as_of !== report.to)
    parts.push(emptyNotice(`The year is not over: figures are as of ${writtenDate(report.as_of)}.`));
  parts.push(
    keyFigures([
      { label: 'Approvals', value: a.total },
      { label: 'New documents', value: a.new },
      { label: 'Revised documents', value: a.revised },
      { label: 'Reviews on time', value: report.reviews.on_time },
      { label: 'Reviews late', value: report.reviews.late },
      { label: 'Overdue for review at the end of the year', value: report.reviews.overdue_at_year_end },
      { label: 'Meetings held (quorate)', value: `${report.meetings.held} (${report.meetings.quorate})` },
      {
        label: 'Actions raised, closed, open',
        value: `${report.actions.raised}, ${report.actions.closed}, ${report.actions.open}`,
      },
    ]),
  );
  const months = Object.entries(a.by_month);
  const busiest = months.reduce((m, e) => (e[1] > m[1] ? e : m), months[0] ?? ['', 0]);
  const monthLabel = (m: string) =>
    writtenDate(`${m}-01`)
      .replace(/^1 /, '')
      .replace(/ \d{4}$/, '');
  parts.push(
    section(
      'Approvals',
      a.total === 0
        ? emptyNotice('No approvals in the year.')
        : (await chart({
            id: 'approvals-by-month',
            title: 'Approvals by month',
            description:
              `${a.total} approvals in the year; the most in ${monthLabel(busiest[0])} (${busiest[1]}). ` +
              'An interim approval and its later full approval count as two.',
            kind: 'bar',
            data: months.map(([m, n]) => ({ category: monthLabel(m), value: n })),
            xTitle: 'Month',
            yTitle: 'Approvals',
          })) +
            (await countChart('approvals-by-type', 'Approvals by type', a.by_type, 'Type', 'Approvals')) +
            (await countChart('approvals-by-route', 'Approvals by route', a.by_route, 'Route', 'Approvals')),
    ),
  );
  parts.push(
    section(
      'Reviews',
      await chart({
        id: 'reviews',
        title: 'Reviews approved on time and late',
        description:
          `${report.reviews.on_time} reviews were approved on or before their review date and ` +
          `${report.reviews.late} after it; ${report.reviews.overdue_at_year_end} documents were overdue for ` +
          'review at the end of the year.',
        kind: 'bar',
        data: [
          { category: 'On time', value: report.reviews.on_time },
          { category: 'Late', value: report.reviews.late },
          { category: 'Overdue at year end', value: report.reviews.overdue_at_year_end },
        ],
        xTitle: 'Reviews',
        yTitle: 'Documents',
      }),
    ),
  );
  const roles = report.attendance.by_role;
  parts.push(
    section(
      'Meetings and attendance',
      `<p class="govuk-body">${report.meetings.held} meetings held, ${report.meetings.quorate} of them quorate.</p>` +
        (report.meetings.held === 0
          ? ''
          : (await chart({
              id: 'attendance-by-role',
              title: 'Attendance by role',
              description: `Attendance at the ${report.meetings.held} meetings held, by the members' roles.`,
              kind: 'stacked-bar',
              data: roles.flatMap((r) => [
                { category: r.role, series: 'Present', value: r.present },
                { category: r.role, series: 'Apologies', value: r.apologies },
                { category: r.role, series: 'Absent', value: r.absent },
              ]),
              xTitle: 'Role',
              yTitle: 'Meetings',
            })) +
            table(
              'Attendance by member',
              ['Member', 'Role', 'Present', 'Apologies', 'Absent'],
              report.attendance.by_member.map((m) => [
                escapeHtml(m.name),
                escapeHtml(m.role),
                String(m.present),
                String(m.apologies),
                String(m.absent),
              ]),
              { numericColumns: [2, 3, 4] },
            )),
    ),
  );
  const reg = report.register_at_year_end;
  parts.push(
    section(
      'The register at the end of the year',
      `<p class="govuk-body">${reg.total} documents in force.</p>` +
        (await countChart('register-by-type', 'Documents in force by type', reg.by_type, 'Type', 'Documents')) +
        (await countChart(
          'register-by-review',
          'Documents in force by review state',
          Object.fromEntries(Object.entries(reg.by_review_state).map(([k, n]) => [STATE_WORDS[k] ?? k, n])),
          'Review state',
          'Documents',
        )),
    ),
  );
  parts.push(
    section(
      'Training and system changes the approvals asked for',
      report.work_asked_for.length
        ? table(
            'Work the year’s approvals asked for',
            ['Document', 'Training', 'Systems'],
            report.work_asked_for.map((w) => [
              `${escapeHtml(w.id)} ${escapeHtml(w.title)}`,
              escapeHtml(w.training ?? ''),
              escapeHtml(w.systems.join('; ')),
            ]),
          )
        : emptyNotice('None.'),
    ),
  );
  return reportDocument({
    title: `Annual report ${report.year} to ${report.year + 1}`,
    subtitle: `${writtenDate(report.from)} to ${writtenDate(report.to)}`,
    group: frame.group,
    generatedOn: frame.generatedOn,
    bodyHtml: parts.join('\n'),
    css: frame.css,
  });
}

/** The register as the Board sees it. */
export function registerHtml(report: RegisterReport & { source: string }, frame: HtmlFrame): string {
  const parts = [sourceNote(report.source)];
  parts.push(
    section(
      `In force on ${writtenDate(report.as_of)} (${report.in_force.length})`,
      report.in_force.length
        ? table(
            'Documents in force',
            ['Document', 'Title', 'Version', 'Owner', 'Approved', 'Review due'],
            report.in_force.map((d) => [
              d.url
                ? `<a class="govuk-link" href="${escapeAttribute(d.url)}">${escapeHtml(d.id)}</a>`
                : escapeHtml(d.id),
              escapeHtml(d.title),
              escapeHtml(d.version),
              escapeHtml(d.owner_name ?? d.owner),
              escapeHtml(d.approved_on),
              escapeHtml(d.review_due ?? '') +
                (d.review_state && d.review_state !== 'ok' ? ` ${stateTag(d.review_state)}` : ''),
            ]),
          )
        : emptyNotice('None.'),
    ),
  );
  const list = (rows: string[]) =>
    rows.length
      ? `<ul class="govuk-list govuk-list--bullet">${rows.map((r) => `<li>${r}</li>`).join('')}</ul>`
      : emptyNotice('None.');
  parts.push(
    section(
      `Added in the year (${report.added.length})`,
      list(
        report.added.map(
          (d) => `${escapeHtml(d.id)} ${escapeHtml(d.title)} (${escapeHtml(d.type)}, ${escapeHtml(d.approved_on)})`,
        ),
      ),
    ),
    section(
      `Revised in the year (${report.revised.length})`,
      list(
        report.revised.map(
          (d) =>
            `${escapeHtml(d.id)} ${escapeHtml(d.title)}, version ${escapeHtml(d.version)} ` +
            `(${escapeHtml(d.approved_on)})` +
            (d.changes ? `: ${escapeHtml(d.changes)}` : ''),
        ),
      ),
    ),
    section(
      `Retired in the year (${report.retired.length})`,
      list(
        report.retired.map(
          (d) =>
            `${escapeHtml(d.id)} ${escapeHtml(d.title)}: ${escapeHtml(d.status)} on ${escapeHtml(d.retired_on)}` +
            (d.superseded_by ? `, replaced by ${escapeHtml(d.superseded_by)}` : ''),
        ),
      ),
    ),
    section(
      `Overdue for review (${report.overdue.length})`,
      list(
        report.overdue.map(
          (d) =>
            `${escapeHtml(d.id)} ${escapeHtml(d.title)}: due ${escapeHtml(d.review_due)} ` +
            `(${escapeHtml(d.owner_name ?? '')}) ${stateTag(d.review_state)}`,
        ),
      ),
    ),
  );
  return reportDocument({
    title: `The register ${report.year} to ${report.year + 1}`,
    subtitle: `For the Board: documents in force and the year’s changes`,
    group: frame.group,
    generatedOn: frame.generatedOn,
    bodyHtml: parts.join('\n'),
    css: frame.css,
  });
}

async function countChart(
  id: string,
  title: string,
  counts: Record<string, number>,
  xTitle: string,
  yTitle: string,
): Promise<string> {
  const rows = Object.entries(counts).sort((p, q) => q[1] - p[1]);
  const top = rows[0];
  return chart({
    id,
    title,
    description: top
      ? `${rows.reduce((n, r) => n + r[1], 0)} in all; the most are ${top[0]} (${top[1]}).`
      : 'There is nothing to show.',
    kind: 'bar',
    data: rows.map(([category, value]) => ({ category, value })),
    xTitle,
    yTitle,
  });
}

function approvalBlock(a: ReportedApproval, level: 3 | 4 = 4): string {
  const name = `${escapeHtml(a.id)} ${escapeHtml(a.title)}`;
  const rows: [string, string][] = [
    ['Type and version', `${escapeHtml(a.type)}, version ${escapeHtml(a.version)}`],
    ['Approved', `${escapeHtml(writtenDate(a.approved_on))} (route ${escapeHtml(a.route)})`],
    ['Summary', escapeHtml(a.summary ?? '')],
  ];
  if (a.kind === 'revised') rows.push(['What changed', escapeHtml(a.changes ?? 'Not recorded')]);
  if (a.impact.training) rows.push(['Training', escapeHtml(a.impact.training)]);
  if (a.impact.systems.length) rows.push(['Systems', escapeHtml(a.impact.systems.join('; '))]);
  if (a.impact.communication) rows.push(['Communication', escapeHtml(a.impact.communication)]);
  rows.push(['Owner', escapeHtml(a.owner_name ?? a.owner)]);
  const heading = a.url ? `<a class="govuk-link" href="${escapeAttribute(a.url)}">${name}</a>` : name;
  return `<h${level} class="govuk-heading-s">${heading}</h${level}>${summaryList(rows)}`;
}

function reviewList(rows: readonly ReviewException[]): string {
  if (rows.length === 0) return 'None';
  return rows
    .map(
      (r) =>
        `${escapeHtml(r.id)} ${escapeHtml(r.title)}: due ${escapeHtml(writtenDate(r.review_due))}, ` +
        `${r.days_past_due} days ago (${escapeHtml(r.owner_name ?? r.owner)})`,
    )
    .join('<br>');
}

function stateTag(state: string): string {
  return tag(STATE_WORDS[state] ?? state, state === 'ok' ? 'green' : state === 'due-soon' ? 'yellow' : 'red');
}

function sourceNote(source: string): string {
  return source === 'git' ? '' : `<div class="govuk-inset-text">${escapeHtml(FROM_FRONT_MATTER)}</div>`;
}
