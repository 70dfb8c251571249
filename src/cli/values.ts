/**
 * Checks every command shares before it runs: no argument or flag value is empty or blank, no environment variable of
 * ppp's is set but empty, and flags that cannot go together are refused with the reason. Nothing here guesses.
 */
import type { Argument, Command } from 'commander';
import { addMonths, compareDates, dateInZone, explainBadDate } from '../core/calendar.js';
import { UsageError } from '../core/errors.js';
import { firstControlCharacter } from '../core/text.js';
import type { Io } from '../io/io.js';

/** Throws a usage error naming the first argument or flag value of the command (or of ppp itself) that is blank. */
export function refuseBlankValues(action: Command): void {
  const name = commandPath(action);
  action.registeredArguments.forEach((argument: Argument, i: number) => {
    const value: unknown = action.processedArgs[i];
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v === 'string' && v.trim() === '')
        throw new UsageError(
          `the ${argument.name().toUpperCase()} argument is ${emptiness(v)}; give ${argument.description} ` +
            `(ppp help ${name})`,
        );
      refuseControl(`the ${argument.name().toUpperCase()} argument`, v);
    }
  });
  for (let c: Command | null = action; c; c = c.parent) {
    for (const option of c.options) {
      const key = option.attributeName();
      const source = c.getOptionValueSource(key);
      if (source !== 'cli' && source !== 'env') continue;
      const value: unknown = c.getOptionValue(key);
      for (const v of Array.isArray(value) ? value : [value]) {
        if (typeof v === 'string' && v.trim() === '') {
          throw new UsageError(
            `${option.long ?? option.flags} is ${emptiness(v)}; give it a value (${option.flags})` +
              `${option.mandatory ? '' : ' or leave it out'}; ppp help ${c.parent ? name : ''}`.trimEnd() +
              ' says what it takes',
          );
        }
        refuseControl(option.long ?? option.flags, v);
      }
    }
  }
}

/**
 * Throws a usage error for a value holding a control character (an escape sequence, a line break, a bidi override):
 * written into the register it would garble every agenda, table and minutes it appears in.
 */
function refuseControl(what: string, value: unknown): void {
  if (typeof value !== 'string') return;
  const bad = firstControlCharacter(value);
  if (bad !== undefined)
    throw new UsageError(`${what} holds a control character (${bad}); write it as plain text on one line`);
}

/** Throws a usage error when PPP_TODAY (the date taken as today when --today is not given) is empty or impossible. */
export function refuseBadToday(given: string | undefined, io: Io): void {
  const named = given !== undefined ? '--today' : 'PPP_TODAY';
  const value = given ?? io.env.PPP_TODAY;
  if (value === undefined) return;
  if (value.trim() === '')
    throw new UsageError(
      given !== undefined
        ? '--today is empty; give a real date as YYYY-MM-DD, or leave --today out for the real date'
        : 'PPP_TODAY is set but empty; set it to a real date as YYYY-MM-DD, or unset it for the real date',
    );
  const bad = explainBadDate(value);
  if (bad) throw new UsageError(`${named}: ${bad}; give a real date as YYYY-MM-DD`);
  // "What if" looks years ahead or back, not centuries: beyond that a date is a mistyped year.
  const real = dateInZone(io.now(), 'UTC');
  if (compareDates(value, addMonths(real, -100 * 12)) < 0 || compareDates(value, addMonths(real, 100 * 12)) > 0)
    throw new UsageError(`${named} ${value} is more than 100 years from the real date (${real}); give a nearer date`);
}

/** A pair of flags of one command that cannot go together, and why. */
interface Conflict {
  /** The flags, as attribute names, both given on the command line. */
  flags: readonly [string, string];
  /** Besides both being given: the conflict holds only when this is true of the options. */
  when?: (opts: Record<string, unknown>, command: Command) => boolean;
  reason: string;
}

const CONFLICTS: Record<string, readonly Conflict[]> = {
  register: [
    {
      flags: ['format', 'json'],
      when: (o) => o.format !== 'json',
      reason: '--json is the same as --format json: give one format, --format table|json|csv|md or --json',
    },
  ],
  validate: [
    {
      flags: ['listRules', 'strict'],
      reason: '--list-rules lists the rules and checks nothing, so --strict has nothing to fail; leave one out',
    },
    {
      flags: ['listRules', 'cache'],
      reason: '--list-rules lists the rules and checks nothing, so there is no cache to skip; leave out --no-cache',
    },
    {
      flags: ['listRules', 'format'],
      when: (o) => o.format === 'github',
      reason: '--list-rules prints text or json (--format json), not workflow annotations; leave out --format github',
    },
  ],
  agenda: [
    {
      flags: ['json', 'out'],
      reason: '--out writes the markdown agenda and --json prints it as data; give one of them',
    },
    {
      flags: ['issue', 'out'],
      reason: '--issue saves the agenda in meetings/DATE/; leave out --out',
    },
  ],
  history: [
    {
      flags: ['json', 'diff'],
      reason: '--diff prints the changes as a text diff, which has no JSON form; leave out --json',
    },
  ],
  meetings: [{ flags: ['to', 'count'], reason: 'give --to or --count, not both' }],
};

/** Throws a usage error for flags of the command that cannot go together, and for --late without --meeting. */
export function refuseConflicts(action: Command): void {
  const opts = action.opts();
  const given = (key: string) => action.getOptionValueSource(key) === 'cli';
  for (const conflict of CONFLICTS[commandPath(action)] ?? []) {
    const [a, b] = conflict.flags;
    if (given(a) && given(b) && (conflict.when?.(opts, action) ?? true))
      throw new UsageError(`${flagOf(action, a)} and ${flagOf(action, b)} cannot go together: ${conflict.reason}`);
  }
  if (commandPath(action) === 'validate' && given('listRules') && action.processedArgs.flat().length > 0)
    throw new UsageError(
      '--list-rules lists the rules and checks no file; leave out the paths, or leave out --list-rules',
    );
  if (commandPath(action) === 'submit' && given('late') && !given('meeting'))
    throw new UsageError(
      '--late goes with --meeting DATE: it submits to a named meeting whose deadline has passed; ' +
        'without --meeting the document goes to the first meeting it is in time for',
    );
}

function flagOf(command: Command, key: string): string {
  return command.options.find((o) => o.attributeName() === key)?.long ?? key;
}

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

function emptiness(value: string): string {
  return value === '' ? 'empty' : 'blank';
}
