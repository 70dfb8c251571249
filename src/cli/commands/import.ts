import type { Command } from 'commander';
import { type CliCommand, globals } from '../common.js';

/** Adds ppp import. */
export const importCommand: CliCommand = {
  name: 'import',
  define(program, run) {
    return program
      .command('import')
      .description("create or update the register's documents from the council's tracker spreadsheet (.xlsx or .csv)")
      .argument('<file>', 'the tracker: an Excel workbook (.xlsx) or a CSV file')
      .option('--sheet <name>', 'the sheet to read (default: the first)')
      .option(
        '--map <column=field...>',
        'a header ppp does not know and the field it holds, like "Officer in charge=owner" (repeatable)',
      )
      .option('--dry-run', 'say what would be created and changed, and write nothing')
      .option('--skip-invalid', 'import the rows that can be, and list the others')
      .option('--json', 'print the result as JSON')
      .addHelpText(
        'after',
        `
One document per row: the ref (kept when it is a ppp id, else remembered as source_ref and
a new id given), title, type, status, version, owner and sponsor (matched to members.yaml
by id, name or e-mail), scope, governing document, approving body, date approved, review
frequency and date, summary, link to the existing document, notes. Headers are matched
whatever their case through common names ("Lead officer", "Next review due", "Date
approved", "Policy title", …); --map names the rest. Dates are Excel dates, YYYY-MM-DD or
DD/MM/YYYY, never the US order. Each new document has its type's sections and says where
its approved text is; every document is checked as ppp validate checks it. Every problem
is named by its cell (Tracker!B7), and nothing is written unless every row imports
(--skip-invalid writes the rows that do). Importing the same file again changes nothing;
an updated tracker changes only the fields that changed. Then commit the files and record
the approvals given before ppp with ppp adopt --all --evidence "…".

Examples:
  $ ppp import tracker.xlsx --dry-run
  $ ppp import tracker.xlsx --sheet "Policy Review Tracker" --map "Officer in charge=owner"
  $ ppp import tracker.csv --skip-invalid --json`,
      )
      .action(
        async (
          file: string,
          opts: { sheet?: string; map?: string[]; dryRun?: boolean; skipInvalid?: boolean; json?: boolean },
          command: Command,
        ) => {
          const g = globals(command);
          const { importTracker } = await import('../../commands/import.js');
          const r = await importTracker(
            {
              register: g.register,
              file,
              sheet: opts.sheet,
              maps: opts.map,
              dryRun: opts.dryRun,
              skipInvalid: opts.skipInvalid,
            },
            run.io,
          );
          const out = run.io.stdout;
          if (opts.json) {
            out.write(
              JSON.stringify(
                { created: r.created, updated: r.updated, unchanged: r.unchanged, problems: r.problems },
                null,
                2,
              ) + '\n',
            );
          } else {
            const bad = new Set(r.problems.map((p) => Number(/!(?:[A-Z]+)?(\d+)$/.exec(p.cell)?.[1])));
            for (const row of r.rows) {
              if (bad.has(row.row)) continue;
              if (row.action === 'create') out.write(`+ ${row.id} ${row.title} (row ${row.row}) → ${row.file}\n`);
              if (row.action === 'update')
                out.write(`~ ${row.id} ${row.title} (row ${row.row}): ${row.changed.join(', ')}\n`);
            }
            for (const p of r.problems) out.write(`${p.cell}: ${p.message}\n`);
            const counts =
              `${r.created.length} to create, ${r.updated.length} to update, ${r.unchanged.length} unchanged` +
              (r.problems.length
                ? `, ${new Set(r.problems.map((p) => p.cell.replace(/![A-Z]+/, '!'))).size} with problems`
                : '');
            out.write(
              r.written
                ? `Imported ${r.sheet}: ${counts.replace('to create', 'created').replace('to update', 'updated')}.\n` +
                    (r.created.length || r.updated.length
                      ? 'Next: read the new files, commit them, then record the approvals given before ppp with ' +
                        'ppp adopt --all --evidence "…".\n'
                      : '')
                : opts.dryRun
                  ? `Dry run of ${r.sheet}: ${counts}; nothing was written.\n`
                  : `Nothing was written: ${counts}. Fix the cells above, or pass --skip-invalid to import the rest.\n`,
            );
          }
          if (r.problems.length && !(r.written && opts.skipInvalid)) run.exitCode = 1;
        },
      );
  },
};
