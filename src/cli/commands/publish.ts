import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { type CliCommand, globals } from '../common.js';

/** Adds ppp publish. */
export const publishCommand: CliCommand = {
  name: 'publish',
  define(program, run) {
    return program
      .command('publish')
      .description('write the register as a static website of its approved text, or --check a published one')
      .option('--out <dir>', 'the folder to write the site to (new, empty, or a site ppp published before)')
      .option('--check <dir>', 'check that every page of a published site is its approved content, from git')
      .option('--base-url <url>', 'the address the site is served from (for the feed and the sitemap)')
      .option('--strict', 'exit 1 when a document has changed since its approval (the approved text is published)')
      .option('--json', 'print a summary as JSON')
      .option('--no-cache', 'judge every approval afresh instead of using the verdicts cached by commit')
      .addHelpText(
        'after',
        `
Only approved text is published: each document's page is rendered from git at its last
approval (or adoption) commit, never from the work tree, so drafts, submissions and edits
made since an approval never appear; a document never approved is not published. Earlier
approved versions go to archive/, with a banner naming the version that replaced them;
retired documents show their retirement. Each page carries the content hash it was built
from (meta ppp-content-sha256) and a proof block: commit, date, route, meeting, signer.
The site is built in a folder beside --out and swapped in whole at the end, so a failed run
leaves the previous site as it was. Full-text search (search.html) works when the site is
served over HTTP; from a file share, the index and its lists by type, status, owner and
review work without it. Links are relative: host the folder anywhere (see the README).

--check DIR recomputes from git that each document page holds its approved content, and
exits 1 naming every page that differs, is missing or is extra.

Examples:
  $ ppp publish --out site
  $ ppp publish --out site --json
  $ ppp publish --out public --base-url https://example.github.io/policies/
  $ ppp publish --check site`,
      )
      .action(
        async (
          opts: { out?: string; check?: string; baseUrl?: string; strict?: boolean; json?: boolean; cache?: boolean },
          command: Command,
        ) => {
          const { io } = run;
          const g = globals(command);
          const { checkSite, publish } = await import('../../commands/publish.js');
          if (opts.check !== undefined) {
            if (opts.out !== undefined) throw new UsageError('--check reads a published site; leave out --out');
            const r = await checkSite({ register: g.register, dir: opts.check }, io);
            if (opts.json) io.stdout.write(JSON.stringify(r, null, 2) + '\n');
            else {
              for (const p of r.problems) io.stdout.write(`${p.page}: ${p.problem}\n`);
              io.stdout.write(
                r.ok
                  ? `ok: ${r.checked} pages hold their approved content\n`
                  : `FAILED: ${r.problems.length} of ${r.checked} pages\n`,
              );
            }
            if (!r.ok) run.exitCode = 1;
            return;
          }
          if (opts.out === undefined) throw new UsageError('say where to write the site: --out DIR (or --check DIR)');
          // On a terminal, a progress bar on stderr while the files are written.
          const bar =
            io.stdoutIsTTY && !opts.json
              ? (done: number, total: number) => {
                  const width = 30;
                  const filled = Math.round((done / total) * width);
                  io.stderr.write(
                    `\rPublishing [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} files` +
                      (done === total ? '\n' : ''),
                  );
                }
              : undefined;
          const r = await publish(
            {
              register: g.register,
              today: g.today,
              out: opts.out,
              baseUrl: opts.baseUrl,
              cache: opts.cache,
              progress: bar,
              step: bar ? (what) => io.stderr.write(`${what}…\n`) : undefined,
            },
            io,
          );
          if (opts.json) io.stdout.write(JSON.stringify(r, null, 2) + '\n');
          else {
            for (const w of r.warnings) io.stderr.write(`ppp: warning: ${w}\n`);
            io.stdout.write(
              `Published ${r.documents} documents and ${r.archived_versions} earlier versions to ${r.out}\n`,
            );
          }
          if (opts.strict && r.warnings.length) run.exitCode = 1;
        },
      );
  },
};
