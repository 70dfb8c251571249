/** The program from the command table: every command is there, and a wrong flag names that command's own help. */
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, makeRegister, testIo } from '../../test/helpers/register.js';
import { COMMANDS } from './command-table.js';
import { main } from './main.js';

afterAll(cleanup);

describe('the command table', () => {
  it('ppp --help lists every command of the table', async () => {
    const io = testIo(makeRegister());
    expect(await main(['--help'], io)).toBe(0);
    for (const c of COMMANDS) expect(io.out()).toMatch(new RegExp(`^  ${c.name}\\b`, 'm'));
  });

  it.each(COMMANDS.map((c) => c.name))('ppp %s --bogus is a usage error naming its own help', async (name) => {
    const io = testIo(makeRegister());
    expect(await main([name, '--bogus'], io)).toBe(2);
    expect(io.err()).toContain(`unknown option '--bogus'`);
    expect(io.err()).toContain(`(run "ppp help ${name}" for usage)`);
  });

  it.each(['add', 'done'])("ppp action %s --bogus names the subcommand's help", async (sub) => {
    const io = testIo(makeRegister());
    expect(await main(['action', sub, '--bogus'], io)).toBe(2);
    expect(io.err()).toContain(`(run "ppp action ${sub} --help" for usage)`);
  });
});
