/** ppp on a real terminal: a pty from util-linux script, answering prompts with keystrokes. */
import { spawn, spawnSync } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { BIN, cleanEnv } from './cli.js';

/** True when util-linux script is here to give ppp a pty. */
export const hasScript = spawnSync('script', ['--version']).status === 0;

/** Runs ppp in a pty, answering each prompt (matched by its question) with keys; returns the exit code and screen. */
export function onTerminal(
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
      if (answer && answer[0].test(stripVTControlCharacters(screen.slice(seen)))) {
        next++;
        seen = screen.length;
        setTimeout(() => child.stdin.write(answer[1]), 50);
      }
    });
    const timer = setTimeout(() => child.kill(), 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, screen: stripVTControlCharacters(screen) });
    });
  });
}
