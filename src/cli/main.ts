/**
 * The ppp command line: builds the program, runs it, and maps every outcome to an exit code (0 ok, 1 problems, 2 usage
 * or set-up).
 */
import { Command, CommanderError, Help, Option } from 'commander';
import { UsageError } from '../core/errors.js';
import { processIo, type Io } from '../io/io.js';
import { releaseLocks } from '../io/lock.js';
import { fileSystemFailure } from '../io/fs-failure.js';
import { isCancelledPrompt, releasePromptSignals } from './failures.js';
import { guardOutput, printableLines } from '../report/printable.js';
import { packageVersion } from '../io/package-root.js';
import { COMMANDS } from './command-table.js';
import type { Run } from './common.js';
import { refuseBadToday, refuseBlankValues, refuseConflicts } from './values.js';

/** Returns the exit code of running ppp with argv (without "node ppp"). */
export async function main(argv: readonly string[], world: Io = processIo()): Promise<number> {
  // Every byte ppp prints passes the guard: a control character a formatter missed is escaped, not sent raw.
  const io: Io = { ...world, stdout: guardOutput(world.stdout), stderr: guardOutput(world.stderr) };
  const run: Run = { io, exitCode: 0 };
  // ppp --version is answered here, not by commander: as a program option commander would also
  // take it after a command, where ppp approve --version V means the version approved.
  if (argv[0] === '--version' || argv[0] === '-V') {
    io.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  const program = buildProgram(run);
  try {
    // ppp help NAME [SUB]: an unknown name is refused; a known one shows its own help, a subcommand's included.
    const args = argv[0] === 'help' && argv.length > 1 ? helpArgs(program, argv.slice(1)) : argv;
    await program.parseAsync([...args], { from: 'user' });
    return run.exitCode;
  } catch (error) {
    return report(error, io);
  } finally {
    releaseLocks();
    releasePromptSignals();
  }
}

function buildProgram(run: Run): Command {
  const { io } = run;
  const program = new Command('ppp')
    .description(
      "Governance of a children's services policy register kept in git: validate " +
        'documents, plan reviews and meetings, record approvals as signed commits.',
    )
    .configureHelp({
      visibleOptions(this: Help, command: Command) {
        const options = Help.prototype.visibleOptions.call(this, command);
        return command.parent ? options : [VERSION_OPTION, ...options];
      },
    })
    .option(
      '-C, --register <dir>',
      'the register folder (default: PPP_REGISTER, else the nearest folder above with ppp.yaml)',
    )
    .option('--today <date>', 'take this date (YYYY-MM-DD) as today, for every date calculation (also PPP_TODAY)')
    .showHelpAfterError('(run "ppp help" or add --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: (s) => void io.stderr.write(s) })
    .addHelpText(
      'after',
      `
Examples:
  $ ppp init my-register                 a new register (then: cd my-register)
  $ ppp new procedure --title "Missing children" --owner hqa --governed-by CS-POL-0001
  $ ppp validate --format github         in CI
  $ ppp register --status approved
  $ ppp meetings --ics meetings.ics      the schedule and its deadlines
  $ ppp due --within "3 months"          reviews falling due

Exit codes: 0 success, 1 problems found or request refused, 2 usage or set-up error (an empty
value, flags that cannot go together, a member or command that does not exist).
Documentation: README.md.`,
    );
  // Every command refuses an empty or impossible --today or PPP_TODAY, whether or not it uses dates, an empty value
  // anywhere, and flags that cannot go together: refused with the reason, never guessed.
  program.hook('preAction', (_program, action) => {
    refuseBadToday((action.optsWithGlobals() as { today?: string }).today, io);
    refuseBlankValues(action);
    refuseConflicts(action);
  });
  for (const entry of COMMANDS) configure(entry.define(program, run), io, [entry.name]);
  return program;
}

/** Makes a command and its subcommands report through io and name their own help after an error, instead of exiting. */
function configure(command: Command, io: Io, path: string[]): void {
  command
    .exitOverride()
    .configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: (s) => void io.stderr.write(s) });
  command.showHelpAfterError(
    path.length === 1 ? `(run "ppp help ${path[0]}" for usage)` : `(run "ppp ${path.join(' ')} --help" for usage)`,
  );
  for (const sub of command.commands) configure(sub, io, [...path, sub.name()]);
}

/** Returns the arguments that show the help of the command ppp help names, or throws when it names none. */
function helpArgs(program: Command, names: readonly string[]): string[] {
  let command = program;
  for (const name of names) {
    if (name.startsWith('-')) break;
    if (name === 'help' && command === program) return ['--help'];
    const sub = command.commands.find((c) => c.name() === name || c.aliases().includes(name));
    if (!sub) {
      const known = command.commands.map((c) => c.name()).filter((n) => n !== 'help');
      const where = command === program ? 'ppp' : `ppp ${command.name()}`;
      throw new UsageError(
        `${name === '' ? 'an empty name' : `"${name}"`} is not a command of ${where}; ` +
          `run "ppp help${command === program ? '' : ` ${command.name()}`}" or name one of: ${known.join(', ')}`,
      );
    }
    command = sub;
  }
  const path: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) path.unshift(c.name());
  return [...path, '--help'];
}

function report(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
    // Help shown because no command was given is a usage error.
    if (error.code === 'commander.help') return error.exitCode === 0 ? 0 : 2;
    if (error.code === 'commander.executeSubCommandAsync') return error.exitCode;
    return 2;
  }
  const e = error as Error;
  switch (e?.name) {
    case 'UsageError':
    case 'ConfigError':
    case 'GitError':
    case 'MailError':
      io.stderr.write(`ppp: ${printableLines(e.message)}\n`);
      return 2;
    case 'RefusalError':
      io.stderr.write(`ppp: ${printableLines(e.message)}\n`);
      return 1;
    default: {
      if (isCancelledPrompt(error)) {
        io.stderr.write('\nppp: cancelled; nothing was written\n');
        return 130;
      }
      const failure = fileSystemFailure(error);
      if (failure) {
        io.stderr.write(`ppp: ${printableLines(failure)}\n`);
        return 2;
      }
      io.stderr.write(
        `ppp: internal error: ${e?.stack ?? String(error)}\nPlease report this with the command you ran.\n`,
      );
      return 2;
    }
  }
}

const VERSION_OPTION = new Option('-V, --version', 'print the version of ppp');
