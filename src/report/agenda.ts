/** The agenda as markdown that reads well as it is and pasted into an e-mail or Word, and as JSON (SPEC section 11). */
import type { Agenda, AgendaItem } from '../core/agenda.js';
import { longDate } from '../core/calendar.js';
import type { Member } from '../core/members.js';
import { count } from './count.js';
import { markdownText as md } from './printable.js';

export { longDate };

/** Returns the agenda as the SPEC's JSON: ITEM fields as listed there, with notes added. */
export function agendaJson(agenda: Agenda): string {
  return JSON.stringify(agenda, null, 2) + '\n';
}

/** Returns the agenda as markdown. */
export function agendaMarkdown(agenda: Agenda, members: readonly Member[]): string {
  const names = new Map(members.map((m) => [m.id, m.name]));
  const who = (id: string) => (names.has(id) ? `${md(names.get(id)!)} (${md(id)})` : md(id));
  const out: string[] = [];
  const item = (i: AgendaItem, n: number) => {
    const version = i.version ? `, version ${md(i.version)}` : '';
    out.push(
      `${n}. ${md(i.label)}: **${md(i.id)} ${md(i.title)}** (${md(i.type)}${version}). ` +
        `Owner: ${who(i.owner)}.${i.note ? ` ${md(capital(i.note))}.` : ''}`,
    );
  };
  const list = (items: AgendaItem[], empty: string) => {
    if (items.length === 0) out.push(empty);
    else items.forEach((x, k) => item(x, k + 1));
    out.push('');
  };
  out.push(`# ${md(agenda.group)}`, '', `**Agenda for the meeting of ${longDate(agenda.meeting)}**`, '');
  out.push(
    `Items and drafts ${agenda.submission_deadline < agenda.today ? 'were' : 'are'} due by ` +
      `${longDate(agenda.submission_deadline)}. Papers go out by ${longDate(agenda.circulation_deadline)}.`,
    '',
  );
  if (agenda.papers_late)
    out.push(
      `> **The papers are late:** they were due out by ` +
        `${longDate(agenda.circulation_deadline)}, and today is ${longDate(agenda.today)}.`,
      '',
    );

  const p = agenda.progress;
  out.push('## 1. Progress report from the chair', '');
  out.push('**Actions**', '');
  if (p.actions.length === 0) out.push('No open actions.');
  for (const a of p.actions)
    out.push(`- ${md(a.id)}: ${md(a.text)}. ${who(a.owner)}, due ${md(a.due)}${a.overdue ? ' — **overdue**' : ''}.`);
  out.push('', '**Reviews to escalate** (more than the escalation period past due, no reviewed version submitted)', '');
  if (p.escalations.length === 0) out.push('None.');
  for (const r of p.escalations)
    out.push(
      `- ${md(r.id)} ${md(r.title)}. ${who(r.owner)}; review was due ${md(r.review_due)} (${ago(r.days_past_due)}).`,
    );
  out.push('', '**Overdue reviews**', '');
  if (p.overdue_reviews.length === 0) out.push('None.');
  for (const r of p.overdue_reviews)
    out.push(
      `- ${md(r.id)} ${md(r.title)}. ${who(r.owner)}; review was due ${md(r.review_due)} (${ago(r.days_past_due)}).`,
    );
  out.push('', '**Members to escalate for absence** (two or more successive meetings missed without a delegate)', '');
  if (p.absences.length === 0) out.push('None.');
  for (const a of p.absences) out.push(`- ${who(a.member)}: missed ${md(a.meetings.join(', '))}.`);
  const last = p.last_meeting;
  const lastMeeting = !last
    ? 'none in the past year.'
    : last.quorate === null
      ? `${longDate(last.date)}: attendance not recorded (ppp attendance ${last.date}).`
      : `${longDate(last.date)} was ${last.quorate ? 'quorate' : '**not quorate**'}.`;
  out.push('', `**Last meeting:** ${lastMeeting}`, '');

  out.push('## 2. New document proposals and drafts', '');
  list(agenda.proposals_and_drafts, 'None this month.');
  out.push('## 3. Reviews of existing documents', '');
  list(agenda.reviews, 'None this month.');
  out.push('## 4. Horizon scanning and future workstreams', '');
  list(agenda.horizon, 'Nothing on the horizon.');
  out.push('## For information', '');
  list(agenda.information, 'Nothing approved by a director since the last meeting.');
  if (agenda.deferred.length) {
    out.push('## Deferred to the next meeting', '');
    list(agenda.deferred, '');
  }
  const papers = [...agenda.proposals_and_drafts, ...agenda.reviews, ...agenda.information];
  out.push('## Papers', '');
  if (papers.length === 0) out.push('No papers.');
  else {
    out.push('| Item | Title | File | Version |', '|---|---|---|---|');
    for (const x of papers) out.push(`| ${md(x.id)} | ${md(x.title)} | ${md(x.file)} | ${md(x.version)} |`);
  }
  return out.join('\n') + '\n';
}

/** Returns "1 day ago", "12 days ago". */
function ago(days: number): string {
  return `${count(days, 'day')} ago`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
