import type { Command } from 'commander';
import { type CliCommand, globals, oneOf } from '../common.js';

const FORMATS = ['md', 'json', 'html'] as const;

interface ReportFlags {
  format?: string;
  out?: string;
  baseUrl?: string;
}

/** Adds ppp report meeting, newsletter, annual and register. */
export const reportCommand: CliCommand = {
  name: 'report',
  define(program, run) {
    const report = program
      .command('report')
      .description("the chair's reports: after a meeting, for the newsletter, for the year, and for the Board")
      .addHelpText(
        'after',
        `
Numbers come from git: approvals from the approval commits' trailers (new or revised,
with the summary, the summary of changes and the impact as approved), retirements from
theirs, decisions and attendance from meetings/, actions from actions.yaml. A register
not in git reports from front matter and says so; a shallow clone is refused. Every
report prints markdown, or --format json, or --format html: one self-contained,
accessible file (GOV.UK styles, charts as SVG with their data tables) that prints well.

Examples:
  $ ppp report meeting 2026-11-10
  $ ppp report newsletter --month 2026-11 --base-url https://example.org/policies/
  $ ppp report annual --year 2025 --format html --out annual-report.html
  $ ppp report register --year 2025 --format html --out register.html`,
      );
    const common = (c: Command) =>
      c
        .option('--format <format>', 'md (default), json or html')
        .option('--out <file>', 'write the report to this file instead of printing it')
        .option('--base-url <url>', "the published site's address, to link each document to its page");
    const send = async (
      kind: 'meeting' | 'newsletter' | 'annual' | 'register',
      opts: ReportFlags,
      command: Command,
      extra: { meeting?: string; month?: string; year?: string },
    ) => {
      const g = globals(command);
      const format = oneOf('--format', opts.format, FORMATS) ?? 'md';
      const reports = await import('../../commands/report.js');
      const base = { register: g.register, baseUrl: opts.baseUrl, today: g.today };
      const r: import('../../commands/report.js').ReportOf =
        kind === 'meeting'
          ? { kind, report: await reports.meetingReportOf({ ...base, meeting: extra.meeting! }, run.io) }
          : kind === 'newsletter'
            ? { kind, report: await reports.newsletterOf({ ...base, month: extra.month! }, run.io) }
            : kind === 'annual'
              ? { kind, report: await reports.annualOf({ ...base, year: extra.year! }, run.io) }
              : { kind, report: await reports.registerReportOf({ ...base, year: extra.year! }, run.io) };
      await reports.deliver(await reports.formatReport(r, format, run.io), opts.out, run.io);
    };
    common(
      report
        .command('meeting')
        .description(
          'for the leadership team: what the meeting approved (new and revised), director and interim approvals ' +
            'since the one before, the other decisions, and the exceptions',
        )
        .argument('<date>', 'the meeting (YYYY-MM-DD)'),
    )
      .addHelpText('after', '\nExample:\n  $ ppp report meeting 2026-11-10 --format html --out meeting.html')
      .action((date: string, opts: ReportFlags, command: Command) => send('meeting', opts, command, { meeting: date }));
    common(
      report
        .command('newsletter')
        .description('for the newsletter: each document approved in the month, new or revised, in plain words')
        .requiredOption('--month <month>', 'the month (YYYY-MM)'),
    )
      .addHelpText('after', '\nExample:\n  $ ppp report newsletter --month 2026-11 --out newsletter.md')
      .action((opts: ReportFlags & { month: string }, command: Command) =>
        send('newsletter', opts, command, { month: opts.month }),
      );
    common(
      report
        .command('annual')
        .description(
          'the annual report on the financial year from 1 April YEAR: approvals, reviews on time and late, ' +
            'meetings and attendance, actions, the register at year end, the work approvals asked for',
        )
        .requiredOption('--year <year>', 'the year the financial year starts in (YYYY)'),
    )
      .addHelpText('after', '\nExample:\n  $ ppp report annual --year 2025 --format html --out annual-report.html')
      .action((opts: ReportFlags & { year: string }, command: Command) =>
        send('annual', opts, command, { year: opts.year }),
      );
    common(
      report
        .command('register')
        .description(
          'the register for the Board: documents in force with owner, approval and review due, and what the ' +
            'financial year from 1 April YEAR added, revised and retired, and what is overdue',
        )
        .requiredOption('--year <year>', 'the year the financial year starts in (YYYY)'),
    )
      .addHelpText('after', '\nExample:\n  $ ppp report register --year 2025 --format json')
      .action((opts: ReportFlags & { year: string }, command: Command) =>
        send('register', opts, command, { year: opts.year }),
      );
    return report;
  },
};
