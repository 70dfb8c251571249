import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { type CliCommand, globals, oneOf } from '../common.js';

const FORMATS = ['md', 'json'] as const;

interface ReportFlags {
  format?: string;
  out?: string;
  baseUrl?: string;
}

/** Adds ppp report meeting and ppp report newsletter. */
export const reportCommand: CliCommand = {
  name: 'report',
  define(program, run) {
    const report = program
      .command('report')
      .description("the chair's reports: to the leadership team after a meeting, and the month's newsletter piece")
      .addHelpText(
        'after',
        `
Numbers come from git: approvals from the approval commits' trailers (new or revised,
with the summary, the summary of changes and the impact as approved), decisions and
attendance from meetings/, reviews from the register. A register not in git reports from
front matter and says so; a shallow clone is refused.

Examples:
  $ ppp report meeting 2026-11-10
  $ ppp report newsletter --month 2026-11 --base-url https://example.org/policies/`,
      );
    const common = (c: Command) =>
      c
        .option('--format <format>', 'md (default) or json')
        .option('--out <file>', 'write the report to this file instead of printing it')
        .option('--base-url <url>', "the published site's address, to link each document to its page");
    common(
      report
        .command('meeting')
        .description(
          'for the leadership team: what the meeting approved (new and revised), director and interim approvals ' +
            'since the one before, the other decisions, and the exceptions',
        )
        .argument('<date>', 'the meeting (YYYY-MM-DD)'),
    )
      .addHelpText('after', '\nExample:\n  $ ppp report meeting 2026-11-10 --format json')
      .action(async (date: string, opts: ReportFlags, command: Command) => {
        const g = globals(command);
        const format = formatOf(opts);
        const { meetingReportOf, deliver } = await import('../../commands/report.js');
        const { meetingMarkdown } = await import('../../report/reports/markdown.js');
        const r = await meetingReportOf({ register: g.register, baseUrl: opts.baseUrl, meeting: date }, run.io);
        await deliver(format === 'json' ? json(r) : meetingMarkdown(r, r.group), opts.out, run.io);
      });
    common(
      report
        .command('newsletter')
        .description('for the newsletter: each document approved in the month, new or revised, in plain words')
        .requiredOption('--month <month>', 'the month (YYYY-MM)'),
    )
      .addHelpText('after', '\nExample:\n  $ ppp report newsletter --month 2026-11 --out newsletter.md')
      .action(async (opts: ReportFlags & { month: string }, command: Command) => {
        const g = globals(command);
        const format = formatOf(opts);
        const { newsletterOf, deliver } = await import('../../commands/report.js');
        const { newsletterMarkdown } = await import('../../report/reports/markdown.js');
        const r = await newsletterOf({ register: g.register, baseUrl: opts.baseUrl, month: opts.month }, run.io);
        await deliver(format === 'json' ? json(r) : newsletterMarkdown(r, r.group), opts.out, run.io);
      });
    return report;
  },
};

function formatOf(opts: ReportFlags): (typeof FORMATS)[number] {
  if (opts.format === 'html')
    throw new UsageError('--format html is not built yet; use md or json (HTML reports are coming with the charts)');
  return oneOf('--format', opts.format, FORMATS) ?? 'md';
}

function json(report: object & { group?: string }): string {
  const { group: _group, ...rest } = report;
  return JSON.stringify(rest, null, 2) + '\n';
}
