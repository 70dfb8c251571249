import type { Command } from 'commander';
import { type CliCommand, globals, oneOf } from '../common.js';
import { count } from '../../report/count.js';
import { UsageError } from '../../core/errors.js';
import { CI_KINDS } from '../../core/ci.js';

interface InitFlags {
  preset?: string;
  example?: boolean;
  ci?: string;
  editor?: boolean;
}

/** Adds ppp init. */
export const initCommand: CliCommand = {
  name: 'init',
  define(program, run) {
    return program
      .command('init')
      .description(
        'create a new register in a git repository, or add a CI workflow (--ci) or editor settings (--editor) to one',
      )
      .argument('[dir]', 'the folder to create the register in')
      .option(
        '--preset <name>',
        'dorset-ppp (a council PPP group), merton-mscp (a partnership policy subgroup) ' +
          'or kent-medway (a joint group, quarterly)',
      )
      .option(
        '--example',
        'make the live example instead: the sample register with its history replayed as ' +
          'dated commits, approvals signed with a demonstration SSH key',
      )
      .option(
        '--ci <forge>',
        'also write a CI workflow: github (.github/workflows/ppp.yml) or gitlab (.gitlab-ci.yml); ' +
          'without DIR, in the existing register',
      )
      .option(
        '--editor',
        "write the editor settings (VS Code: .vscode/, ppp's schemas in .ppp/schema/) into the existing " +
          'register; a new register always gets them',
      )
      .addHelpText(
        'after',
        `
Refuses to write over an existing register (exit 2). With --example the folder must be new
or empty; ssh-keygen makes the demonstration key (kept in .git/ppp-demo/, listed in
allowed_signers), and one document is edited after its approval so ppp verify shows a failure.

A new register gets editor settings for VS Code: .vscode/settings.json maps ppp's JSON Schemas
(copied into .ppp/schema/) to ppp.yaml, members.yaml, actions.yaml and meetings/*/attendance.yaml,
.vscode/extensions.json recommends the YAML extension (redhat.vscode-yaml), and .vscode/tasks.json
runs ppp validate with its problems in the Problems panel. An existing .vscode file is merged,
keeping its other settings; one that is not plain JSON is refused (exit 2), never rewritten.

--ci writes a workflow that validates (with annotations on GitHub) and verifies every pull
request with the whole history fetched, and publishes the register from the main branch (GitHub
Pages or GitLab Pages). It goes at the top of the git repository. A workflow file already there
is never written over: the same text is left as it is, any other is refused (exit 2). Fill in
PPP_REPOSITORY and PPP_REF in it: ppp is built from its git repository in CI, not fetched by npx.
Merge approval pull requests with a merge commit: squash and rebase merges drop the signed
approval commits, and ppp verify then fails.

Examples:
  $ ppp init policy-register
  $ ppp init mscp-register --preset merton-mscp
  $ ppp init policy-register --ci github
  $ ppp init --ci gitlab          in an existing register
  $ ppp init --editor             in an existing register
  $ ppp init demo --example && cd demo && ppp verify`,
      )
      .action(async (dir: string | undefined, opts: InitFlags, command: Command) => {
        const { io } = run;
        const ci = oneOf('--ci', opts.ci, CI_KINDS);
        if (dir === undefined) {
          if (opts.preset !== undefined || opts.example)
            throw new UsageError(
              `${opts.example ? '--example' : '--preset'} makes a new register: give its folder, DIR`,
            );
          if (ci === undefined && !opts.editor) {
            throw new UsageError(
              'give the folder to create the register in (ppp init DIR); in an existing register, ' +
                '--ci github|gitlab writes a CI workflow and --editor the editor settings',
            );
          }
          const { initExisting } = await import('../../commands/init.js');
          const written = await initExisting({ register: globals(command).register, ci, editor: opts.editor }, io);
          const verb = { create: 'wrote', update: 'updated', unchanged: 'unchanged' } as const;
          const width = Math.max(...written.map((w) => verb[w.action].length));
          for (const w of written) io.stdout.write(`${verb[w.action].padEnd(width)}  ${w.file}\n`);
          if (ci) io.stdout.write(ciNext(ci));
          return;
        }
        if (opts.example) {
          if (opts.preset !== undefined)
            throw new UsageError('--example makes the sample register (dorset-ppp); leave out --preset');
          const { initExample } = await import('../../commands/init.js');
          const r = await initExample({ dir, ci, editor: opts.editor }, io);
          io.stdout.write(
            `Created the live example register in ${r.root}\n  ${count(r.commits, 'commit')} ` +
              `replaying the sample's history, ${r.approvals} of them signed approvals\n` +
              `  demonstration signing key: ${r.signingKey} (principal ${r.principal}, listed in allowed_signers)\n` +
              `  its story runs to ${r.story.end}: the last meeting was ${r.story.lastMeeting ?? 'none'}, ` +
              `the next is ${r.story.nextMeeting ?? 'none'}\n` +
              (r.extras.length ? `  not committed: ${r.extras.join(', ')}\n` : '') +
              `\nTry:\n  cd ${dir}\n  ppp verify                       one document was edited ` +
              `after approval\n  ppp history CS-PRO-0001 --diff 2.0..\n  ppp agenda\n` +
              `  ppp approve CS-PRO-0010 --route ppp   its full approval, at the meeting it went to\n`,
          );
          if (ci) io.stdout.write(ciNext(ci));
          return;
        }
        const { init } = await import('../../commands/init.js');
        const result = await init({ dir, preset: opts.preset, ci }, io);
        io.stdout.write(
          `Created a ${result.preset} register in ${result.root}\n` +
            result.files.map((f) => `  ${f}\n`).join('') +
            (result.repository === 'created'
              ? '  (a new git repository)\n'
              : '  (inside the existing git repository)\n') +
            `\nNext:\n  1. Put your members' names in members.yaml and check ppp.yaml.\n  2. ` +
            `ppp new policy --title "..." --owner chair   (from inside ${dir})\n  3. ppp validate\n`,
        );
        if (ci) io.stdout.write(ciNext(ci));
      });
  },
};

/** Returns what to do once the workflow is written. */
function ciNext(ci: 'github' | 'gitlab'): string {
  const forge =
    ci === 'github'
      ? '  - Settings -> Pages: choose "GitHub Actions" as the source.\n' +
        '  - Settings -> General -> Pull Requests: allow merge commits only (no squash, no rebase).\n'
      : '  - Settings -> Merge requests: merge method "Merge commit"; squash commits "Do not allow".\n';
  return (
    `\nBefore the first run:\n  - Fill in PPP_REPOSITORY and PPP_REF in the workflow: ppp is built from its git ` +
    `repository there (it is not on the npm registry).\n${forge}` +
    '  - Merge approval pull requests with a merge commit: squash and rebase merges lose the signed approvals.\n'
  );
}
