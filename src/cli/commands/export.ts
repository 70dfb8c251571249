import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { type CliCommand, globals, oneOf } from '../common.js';

/** Adds ppp export. */
export const exportCommand: CliCommand = {
  name: 'export',
  define(program, run) {
    return program
      .command('export')
      .description("write the council's tracker from the register: an Excel workbook or CSV, one row per document")
      .option('--format <format>', 'xlsx or csv (default: the extension of --out)')
      .option('--out <file>', 'the file to write (replaced whole); not a folder, and not inside documents/')
      .option('--json', 'print what was written as JSON: { "out", "rows", "format" }')
      .addHelpText(
        'after',
        `
Every document, of any status, sorted by id, in the columns ppp import reads: Ref, Title,
Type, Status, Version, Owner, Sponsor, Scope, Governed by, Approved by, Route, Date approved,
Review frequency, Review date, Review state, Summary, Link, Notes. Owners and sponsors are
member ids; dates are Excel dates shown DD/MM/YYYY in xlsx and YYYY-MM-DD in csv. The review
state at today is written as words (In date, Due soon, Overdue, Overdue: escalate) and, in
xlsx, on a green, yellow or red fill. The workbook has one sheet, Tracker, with its header
row frozen, filters, and drop-down lists of ppp's types and statuses. CSV is UTF-8 with a
byte order mark (Excel then reads accents right) and CRLF line ends; a cell that begins with
= + - or @ starts with an apostrophe there, so no spreadsheet runs it as a formula.
Exporting and then importing the file with ppp import changes nothing.

Examples:
  $ ppp export --format xlsx --out tracker.xlsx
  $ ppp export --out tracker.csv --json
  $ ppp export --format xlsx --out ../shared/policy-tracker.xlsx --today 2027-01-05`,
      )
      .action(async (opts: { format?: string; out?: string; json?: boolean }, command: Command) => {
        const { io } = run;
        const g = globals(command);
        if (opts.out === undefined)
          throw new UsageError('say where to write the tracker: --out FILE (such as --out tracker.xlsx)');
        const { EXPORT_FORMATS, exportTracker } = await import('../../commands/export.js');
        const format = oneOf('--format', opts.format, EXPORT_FORMATS);
        const r = await exportTracker({ register: g.register, today: g.today, format, out: opts.out }, io);
        for (const file of r.unreadable)
          io.stderr.write(
            `ppp: warning: ${file} is left out because its front matter cannot be read; run ppp validate\n`,
          );
        if (opts.json) io.stdout.write(JSON.stringify({ out: r.out, rows: r.rows, format: r.format }, null, 2) + '\n');
        else {
          const kind = r.format === 'xlsx' ? 'an Excel workbook' : 'CSV';
          io.stdout.write(`Exported ${r.rows} document${r.rows === 1 ? '' : 's'} to ${r.out} (${kind})\n`);
        }
      });
  },
};
