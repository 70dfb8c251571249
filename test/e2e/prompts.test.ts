/** ppp new on a real terminal (a pty from util-linux script): missing values are asked for with @inquirer/prompts. */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { BIN, cleanEnv } from '../helpers/cli.js';
import { run } from '../helpers/run.js';
import { cleanup, tempDir } from '../helpers/register.js';

afterAll(cleanup);

const hasScript = spawnSync('script', ['--version']).status === 0;

/**
 * Runs ppp in a pty, answering each prompt (matched by its question) with keystrokes; returns the exit code and the
 * screen.
 */
function onTerminal(
  args: string[],
  cwd: string,
  answers: [RegExp, string][],
): Promise<{ code: number | null; screen: string }> {
  return new Promise((resolve) => {
    const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const child = spawn('script', ['-qec', command, '/dev/null'], { cwd, env: cleanEnv({ TERM: 'xterm' }) });
    let screen = '';
    let seen = 0;
    let next = 0;
    child.stdout.on('data', (d: Buffer) => {
      screen += d.toString();
      const answer = answers[next];
      // Answer once the question is on screen (after the last answer); inquirer reads keys only after it draws its
      // prompt.
      if (answer && answer[0].test(screen.slice(seen))) {
        next++;
        seen = screen.length;
        setTimeout(() => child.stdin.write(answer[1]), 30);
      }
    });
    const timer = setTimeout(() => child.kill(), 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, screen: stripVTControlCharacters(screen) });
    });
  });
}

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
