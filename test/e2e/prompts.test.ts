/** ppp new on a real terminal (a pty from util-linux script): missing values are asked for with @inquirer/prompts. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { run } from '../helpers/run.js';
import { hasScript, onTerminal } from '../helpers/terminal.js';
import { cleanup, tempDir } from '../helpers/register.js';

afterAll(cleanup);

it.skipIf(!hasScript)(
  'asks for the type, title, draft or proposal, owner and governing policy, then writes a valid document',
  async () => {
    const dir = join(tempDir(), 'reg');
    expect((await run(['init', dir])).code).toBe(0);
    expect((await run(['new', 'policy', '--title', 'Values', '--owner', 'hqa'], { cwd: dir })).code).toBe(0);
    const down = '\x1b[B';
    const r = await onTerminal(['new'], dir, [
      [/Type of document/, `${down}\r`], // procedure, second in the list
      [/Title/, 'Missing children\r'],
      [/draft or a proposal/, '\r'], // a draft, first in the list
      [/Owner/, `${down}${down}\r`], // psw, third member
      [/Governing policy/, '\r'], // CS-POL-0001, the only policy
    ]);
    expect(r.code, r.screen).toBe(0);
    expect(readdirSync(join(dir, 'documents/procedures'))).toEqual(['CS-PRO-0001-missing-children.md']);
    const text = readFileSync(join(dir, 'documents/procedures/CS-PRO-0001-missing-children.md'), 'utf8');
    expect(text).toContain('owner: psw');
    expect(text).toContain('governed_by: [CS-POL-0001]');
    expect((await run(['validate'], { cwd: dir })).code).toBe(0);
  },
);

it.skipIf(!hasScript)('asks nothing with --yes, and names the missing flag instead', async () => {
  const dir = join(tempDir(), 'reg');
  expect((await run(['init', dir])).code).toBe(0);
  const r = await onTerminal(['new', 'policy', '--yes'], dir, []);
  expect(r.code).toBe(2);
  expect(r.screen).toContain('--title');
});
