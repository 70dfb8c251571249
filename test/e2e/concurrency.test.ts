/**
 * Overlapping runs lose nothing: real ppp processes started at once on one register either all succeed with every
 * change kept, or one waits; a lock left by a dead run is taken over, and one held by a live run makes the other wait
 * and then refuse, changing nothing. Reading commands never take the lock.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockPath } from '../../src/io/lock.js';
import { BIN, cleanEnv, type CliResult } from '../helpers/cli.js';
import { approvableRegister, git } from '../helpers/git.js';
import { cleanup, makeRegister, ROOT, tempDir, validSet } from '../helpers/register.js';

afterAll(cleanup);

/** Starts the built ppp and resolves with its result, so that several run at once. */
function start(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: cleanEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

function sample(): string {
  const dir = join(tempDir(), 'register');
  cpSync(join(ROOT, 'register'), dir, { recursive: true });
  return dir;
}

describe('runs at once', () => {
  it('ten ppp action add: ten distinct ids, every action kept', async () => {
    const dir = sample();
    const before = readFileSync(join(dir, 'actions.yaml'), 'utf8').match(/^- id:/gm)!.length;
    const runs = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        start(['action', 'add', `Parallel action ${i}`, '--owner', 'hqa', '--due', '2031-01-01'], dir),
      ),
    );
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const ids = runs.map((r) => /Added (A-\d{4}-\d{2}-\d+)/.exec(r.stdout)?.[1]);
    expect(new Set(ids).size).toBe(10);
    const text = readFileSync(join(dir, 'actions.yaml'), 'utf8');
    expect(text.match(/^- id:/gm)!.length).toBe(before + 10);
    for (let i = 0; i < 10; i++) expect(text).toContain(`text: Parallel action ${i}\n`);
    expect(existsSync(lockPath(dir))).toBe(false);
  });

  it('six ppp new: six documents with distinct ids', async () => {
    const dir = makeRegister(validSet());
    const runs = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        start(['new', 'guideline', '--title', `Parallel guidance ${i}`, '--owner', 'hqa', '--yes'], dir),
      ),
    );
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const files = readdirSync(join(dir, 'documents', 'guidelines'));
    expect(files).toHaveLength(6);
    expect(new Set(files.map((f) => f.slice(0, 11))).size).toBe(6);
  });

  it('submit while approve runs: both changes kept, the approval committed alone', async () => {
    const { root } = approvableRegister({ on: '2026-09-20', meeting: '2026-10-13' });
    const [approve, submit] = await Promise.all([
      start(['approve', 'CS-FRM-0001', '--route', 'ppp'], root),
      start(['submit', 'CS-PRO-0001', '--kind', 'review'], root),
    ]);
    expect(approve.code, approve.stderr).toBe(0);
    expect(submit.code, submit.stderr).toBe(0);
    expect(readFileSync(join(root, 'documents/forms/CS-FRM-0001-return.md'), 'utf8')).toContain('status: approved');
    expect(readFileSync(join(root, 'documents/procedures/CS-PRO-0001-missing.md'), 'utf8')).toContain(
      'status: submitted',
    );
    expect(git(root, ['show', '--name-only', '--format=', 'HEAD']).trim()).toBe(
      'documents/forms/CS-FRM-0001-return.md',
    );
    expect(git(root, ['status', '--porcelain']).trim()).toBe('M documents/procedures/CS-PRO-0001-missing.md');
  });
});

describe('the lock', () => {
  const holder = (pid: number, host = hostname()) =>
    JSON.stringify({ pid, host, since: '2026-11-25T10:00:00.000Z', command: 'approve' }) + '\n';

  it('left by a run that died is taken over', async () => {
    const dir = sample();
    const dead = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ['-e', '0']);
      child.on('close', () => resolve(child.pid!));
    });
    writeFileSync(lockPath(dir), holder(dead));
    const r = await start(['action', 'add', 'After a crash', '--owner', 'hqa', '--due', '2031-01-01'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(lockPath(dir))).toBe(false);
  });

  it('held by a live run: the writer waits, then refuses and changes nothing; readers go on', async () => {
    const dir = sample();
    writeFileSync(lockPath(dir), holder(process.pid));
    const before = readFileSync(join(dir, 'actions.yaml'), 'utf8');
    const r = await start(['action', 'add', 'Blocked', '--owner', 'hqa', '--due', '2031-01-01'], dir, {
      PPP_LOCK_WAIT: '0.5',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`ppp approve (process ${process.pid} on ${hostname()}`);
    expect(r.stderr).toContain('is writing this register; nothing was changed');
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(readFileSync(join(dir, 'actions.yaml'), 'utf8')).toBe(before);
    for (const args of [['validate'], ['actions'], ['agenda', '--today', '2027-01-05']]) {
      const read = await start(args, dir, { PPP_LOCK_WAIT: '0.5' });
      expect(read.code, `${args.join(' ')}: ${read.stderr}`).toBe(0);
    }
    expect(existsSync(lockPath(dir))).toBe(true);
  });

  it('of a register in git lives in the git folder, never in the work tree', () => {
    const { root } = approvableRegister({ on: '2026-09-20', meeting: '2026-10-13' });
    expect(lockPath(root)).toBe(join(root, '.git', 'ppp.lock'));
    expect(lockPath(join(ROOT, 'register'))).toMatch(/\.git\/ppp-[0-9a-f]{12}\.lock$/);
  });
});
