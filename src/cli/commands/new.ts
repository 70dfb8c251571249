import { keepSignalsForPrompts } from '../failures.js';
import type { Command } from 'commander';
import { type CliCommand, canPrompt, globals, missing } from '../common.js';

interface NewFlags {
  title?: string;
  owner?: string;
  governedBy?: string;
  summary?: string;
  proposal?: boolean;
  yes?: boolean;
}

/** Adds ppp new. */
export const newCommand: CliCommand = {
  name: 'new',
  define(program, run) {
    return program
      .command('new')
      .description('scaffold a document from its template, with the next free id, and print its path')
      .argument(
        '[type]',
        'policy, procedure, standard, form, protocol, guideline, strategy, terms-of-reference or framework',
      )
      .option('--title <title>', "the document's name")
      .option('--owner <member>', 'the document manager: a member id from members.yaml')
      .option(
        '--governed-by <id>',
        'the governing document (a procedure needs a policy; a standard a policy or ' +
          'procedure; a form a procedure or policy)',
      )
      .option('--summary <text>', 'the purpose of the document in a sentence or two')
      .option('--proposal', 'a proposal for a new document (status proposed), to be agreed before drafting')
      .option('-y, --yes', 'do not ask for anything; a missing value is an error naming its flag')
      .addHelpText(
        'after',
        `
On a terminal, missing values are asked for, and whether it is a draft or a proposal (unless
--proposal is given); otherwise each missing value is an error (exit 2).
The file is documents/<type folder>/<ID>-<title>.md; an existing file is never overwritten.

Examples:
  $ ppp new procedure --title "Missing children" --owner hos-1 --governed-by CS-POL-0001
  $ ppp new policy --title "Use of restraint" --owner hqa --proposal
  $ ppp new                                   asks for everything on a terminal`,
      )
      .action(async (type: string | undefined, opts: NewFlags, command: Command) => {
        const { io } = run;
        const { register } = globals(command);
        const { newDocument, choices, loadForNew } = await import('../../commands/new.js');
        const loaded = await loadForNew(io, register);
        const ask = canPrompt(io, opts.yes);
        const prompts = ask ? await import('@inquirer/prompts') : undefined;
        if (ask) keepSignalsForPrompts(io);
        const { DOCUMENT_TYPES, GOVERNORS } = await import('../../core/document.js');
        const isAsking = !type || opts.title === undefined || opts.owner === undefined;
        if (!type) {
          if (!prompts) missing('TYPE (the first argument)', 'the document type');
          type = await prompts.select({
            message: 'Type of document',
            choices: DOCUMENT_TYPES.map((t) => ({ value: t, name: t })),
          });
        }
        let title = opts.title;
        if (title === undefined) {
          if (!prompts) missing('--title', 'a title');
          title = await prompts.input({ message: 'Title', validate: (v) => (v.trim() ? true : 'A title is needed') });
        }
        // A session that asks for values also asks whether this is a draft or a proposal (--proposal on the command
        // line); one given everything on the command line writes a draft unless --proposal says otherwise.
        let proposal = opts.proposal;
        if (proposal === undefined && prompts && isAsking) {
          proposal = await prompts.select({
            message: 'Is it a draft or a proposal?',
            choices: [
              { value: false, name: 'a draft (status drafting): the document is being written' },
              {
                value: true,
                name: 'a proposal (status proposed): the need for it is agreed first, then it is drafted',
              },
            ],
          });
        }
        let owner = opts.owner;
        if (owner === undefined) {
          if (!prompts) missing('--owner', 'an owner (a member id from members.yaml)');
          owner = await prompts.select({
            message: 'Owner (document manager)',
            choices: choices(loaded).members.map((m) => ({ value: m.id, name: `${m.id}: ${m.label}` })),
          });
        }
        let governedBy = opts.governedBy;
        if (governedBy === undefined && GOVERNORS[type] && !proposal && prompts) {
          const candidates = choices(loaded, type).governing;
          if (candidates.length) {
            governedBy = await prompts.select({
              message: `Governing ${GOVERNORS[type]!.join(' or ')}`,
              choices: candidates.map((c) => ({ value: c.id, name: c.label })),
            });
          }
        }
        const result = await newDocument(
          { register, type, title, owner, governedBy, proposal, summary: opts.summary },
          io,
        );
        io.stdout.write(`${result.path}\n`);
        io.stderr.write(`Created ${result.id}. Fill in its sections, then run ppp validate ${result.file}\n`);
      });
  },
};
