import type { Command } from 'commander';
import { type CliCommand, globals, outputWidth, stdoutPalette } from '../common.js';

/** Adds ppp verify. */
export const verifyCommand: CliCommand = {
  name: 'verify',
  define(program, run) {
    return program
      .command('verify')
      .description(
        'prove from git history that every approved document is what was approved, signed by a key in allowed_signers',
      )
      .option('--json', 'print the result as JSON')
      .option('--no-cache', 'check every signature afresh instead of using the verdicts cached by commit')
      .addHelpText(
        'after',
        `
For each document ever approved, takes its last approval commit (the one whose PPP-Document
trailer names it, or an adoption commit of ppp adopt whose PPP-Adopted trailer does) and gives a state:
  verified                 signed by a key in allowed_signers, trailers match, content unchanged
  unsigned                 the approval commit has no signature (a warning when approval.signing: optional)
  bad-signature            the signature does not match the commit
  untrusted-signer         signed by a key not in allowed_signers, or the commit also edits allowed_signers
  modified-after-approval  the document has changed since it was approved
  no-approval-commit       approved in its front matter, but no valid approval commit exists
                           (approved before ppp? record it with ppp adopt ID --evidence "…")
  removed-without-retirement  approved once, but its file has gone or its status is retired with no
                           retirement commit (ppp retire ID --reason "…"); a document properly retired is
                           verified, judged by its retirement commit
Exit 1 when any document fails. Exit 2, naming the fix, for a set-up mistake: a register
outside git, a shallow clone, or an allowed_signers that is missing or has a line ssh-keygen
cannot read. Run it in CI beside ppp validate.

Examples:
  $ ppp verify
  $ ppp verify --json | jq '.documents[] | select(.state != "verified")'`,
      )
      .action(async (opts: { json?: boolean; cache?: boolean }, command: Command) => {
        const { io } = run;
        const g = globals(command);
        const { verify } = await import('../../commands/verify.js');
        const result = await verify({ register: g.register, cache: opts.cache }, io);
        const { verifyJson, verifyTable } = await import('../../report/verify.js');
        io.stdout.write(
          opts.json
            ? verifyJson(result.ok, result.documents)
            : verifyTable(result.ok, result.documents, await stdoutPalette(io), outputWidth(io)),
        );
        if (!result.ok) run.exitCode = 1;
      });
  },
};
