/**
 * No stack trace for anything a user can cause: a full disk, a read-only share, permission denied, a folder where a
 * file should be, a name too long, a cancelled prompt, an interrupted `init --example`. Each is one line naming the
 * file and what to do (exit 2; 130 for a cancel), and nothing is half-written. The disk and the share are real: a
 * small tmpfs mounted in a private mount namespace (unshare -m), filled up or remounted read-only; permissions are
 * real too (as root, the command runs as nobody through setpriv).
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cleanEnv, ppp } from '../helpers/cli.js';
import { cleanup, ROOT, tempDir } from '../helpers/register.js';

afterAll(cleanup);

const isRoot = process.getuid?.() === 0;
const canMount =
  isRoot && spawnSync('unshare', ['-m', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs /mnt']).status === 0;
const canSetpriv =
  isRoot && spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true']).status === 0;

/** The shell line that runs the built ppp with args. */
const pppLine = (args: string[]) =>
  [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');

/**
 * Runs a shell script in a private mount namespace, where /mnt is a fresh tmpfs of `size` holding a copy of the
 * sample register at /mnt/reg; the script's last command is what is judged. Returns its output, the exit code of
 * each `ppp` line (echoed as "rc=N"), and the listing the script prints.
 */
function inTmpfs(size: string, script: string): { out: string; err: string } {
  const setup = [
    'set -u',
    `mount -t tmpfs -o size=${size} tmpfs /mnt`,
    `cp -r '${join(ROOT, 'register')}' /mnt/reg`,
    'cd /mnt/reg',
  ].join('\n');
  const r = spawnSync('unshare', ['-m', 'sh', '-c', `${setup}\n${script}`], {
    env: cleanEnv({ PPP_CACHE_DIR: '/mnt/cache' }),
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { out: r.stdout, err: r.stderr };
}

const ADD = ['action', 'add', 'Check the disk', '--owner', 'hqa', '--due', '2031-01-01'];

describe.skipIf(!canMount)('a full disk', () => {
  it('when even the lock cannot be written: exit 2, one line, nothing left behind', () => {
    const r = inTmpfs(
      '2m',
      [
        'head -c 4000000 /dev/zero > /mnt/fill 2>/dev/null',
        'sum=$(cat actions.yaml | md5sum)',
        `${pppLine(ADD)}; echo "rc=$?"`,
        '[ "$sum" = "$(cat actions.yaml | md5sum)" ] && echo unchanged',
        'ls -A /mnt/reg',
      ].join('\n'),
    );
    expect(r.out).toContain('rc=2');
    expect(r.out).toContain('unchanged');
    expect(r.err.trim().split('\n')).toEqual([
      'ppp: cannot write /mnt/reg: the disk is full; free some space and run the command again. Nothing was changed',
    ]);
    expect(r.out).not.toMatch(/\.ppp/);
  });

  it('when the file itself cannot be written: exit 2 naming it, unchanged, no temporary file, no lock', () => {
    // Fill the disk to its last page: the lock fits, the new actions.yaml does not.
    const r = inTmpfs(
      '2m',
      [
        'free=$(df --output=avail -B1 /mnt | tail -1)',
        'head -c $((free - 4096)) /dev/zero > /mnt/fill',
        'sum=$(cat actions.yaml | md5sum)',
        `${pppLine(ADD)}; echo "rc=$?"`,
        `${pppLine(['new', 'guideline', '--title', 'Full disk guidance', '--owner', 'hqa', '--yes'])}; echo "rc=$?"`,
        '[ "$sum" = "$(cat actions.yaml | md5sum)" ] && echo unchanged',
        'ls -A /mnt/reg /mnt/reg/documents/guidelines',
      ].join('\n'),
    );
    expect(r.out.match(/rc=2/g)).toHaveLength(2);
    expect(r.out).toContain('unchanged');
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      'ppp: cannot write /mnt/reg/actions.yaml: the disk is full; free some space and run the command again. ' +
        'Nothing was changed',
    );
    expect(lines[1]).toMatch(
      /^ppp: cannot write \/mnt\/reg\/documents\/guidelines\/CS-GDL-\d{4}-full-disk-guidance\.md: the disk is full/,
    );
    expect(r.out).not.toMatch(/\.ppp|full-disk-guidance/);
  });
});

describe.skipIf(!canMount)('a read-only share', () => {
  it('reading commands work', () => {
    const reads = [['validate'], ['register'], ['agenda', '--today', '2027-01-05'], ['actions']];
    const r = inTmpfs(
      '4m',
      ['mount -o remount,ro /mnt', ...reads.map((a) => `${pppLine(a)} >/dev/null; echo "read rc=$?"`)].join('\n'),
    );
    expect(r.out.match(/read rc=0/g)).toHaveLength(reads.length);
    expect(r.err).toBe('');
  });

  it('every writing command stops with one line saying so, exit 2', () => {
    const writes = [
      ADD,
      ['action', 'done', 'A-2026-11-01', '--on', '2026-11-20'],
      ['new', 'guideline', '--title', 'Read only', '--owner', 'hqa', '--yes'],
      ['submit', 'CS-PRO-0008'],
      ['agenda', '--issue'],
      ['attendance', '2026-11-10', '--present', 'chair', '--replace'],
      ['decide', 'CS-PRO-0011', 'defer', '--meeting', '2026-11-10'],
      ['minutes', '2026-10-13'],
      ['init', 'another'],
      ['init', 'demo', '--example'],
    ];
    const r = inTmpfs(
      '4m',
      ['mount -o remount,ro /mnt', ...writes.map((a) => `${pppLine(a)} >/dev/null; echo "write rc=$?"`)].join('\n'),
    );
    expect(r.out.match(/write rc=2/g)).toHaveLength(writes.length);
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(writes.length);
    for (const line of lines)
      expect(line).toMatch(/^ppp: cannot write \/mnt\/reg(\/another|\/demo)?: the file system is read-only;/);
  });
});

describe.skipIf(!canSetpriv)('permission denied', () => {
  const asNobody = (args: string[], cwd: string) =>
    spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args], {
      cwd,
      env: cleanEnv({ PPP_CACHE_DIR: join(tempDir(), 'cache') }),
      encoding: 'utf8',
    });

  it('a register others may read but not change: reads work, writes stop naming the folder', () => {
    const dir = join(tempDir(), 'register');
    cpSync(join(ROOT, 'register'), dir, { recursive: true });
    spawnSync('chmod', ['-R', 'go+rX,go-w', dir]);
    spawnSync('chmod', ['755', join(dir, '..')]);
    expect(asNobody(['validate'], dir).status).toBe(0);
    const r = asNobody(ADD, dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `ppp: cannot write ${dir}: permission denied; check that you may change it and the folder it is in ` +
        '(on a shared drive, ask for write access). Nothing was changed\n',
    );
  });

  it('a file that cannot be read is named, with what to do', () => {
    const dir = join(tempDir(), 'register');
    cpSync(join(ROOT, 'register'), dir, { recursive: true });
    spawnSync('chmod', ['-R', 'go+rX', dir]);
    spawnSync('chmod', ['755', join(dir, '..')]);
    for (const [file, args] of [
      ['members.yaml', ['members']],
      ['ppp.yaml', ['validate']],
      ['documents/policies', ['register']],
    ] as const) {
      spawnSync('chmod', ['700', join(dir, file)]);
      const r = asNobody([...args], dir);
      expect(r.status, file).toBe(2);
      expect(r.stderr).toBe(
        `ppp: cannot read ${join(dir, file)}: permission denied; check that you may read it and open the folders ` +
          'above it (on a shared drive, ask for access). Nothing was changed\n',
      );
      spawnSync('chmod', ['755', join(dir, file)]);
    }
  });
});

describe('a folder where a file should be, and a name too long', () => {
  const sample = () => {
    const dir = join(tempDir(), 'register');
    cpSync(join(ROOT, 'register'), dir, { recursive: true });
    return dir;
  };

  it.each([
    ['--out naming a folder', ['agenda', '--out', 'meetings'], /is a folder; name a file to write/],
    ['--out with a name too long', ['agenda', '--out', `${'a'.repeat(300)}.md`], /the name is too long/],
    ['--out inside a file', ['agenda', '--out', 'ppp.yaml/agenda.md'], /is not a folder/],
    ['--ics naming a folder', ['meetings', '--ics', 'documents'], /is a folder/],
  ])('%s', (_what, args, says) => {
    const dir = sample();
    const r = ppp([...args, '--today', '2027-01-05'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(says);
    expect(r.stderr).not.toMatch(/internal error|\n {4}at /);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it.each([
    ['actions.yaml', ADD],
    // The second of its two files: the first, already written, is taken back.
    ['meetings/2031-01-14/agenda.md', ['agenda', '--issue', '--meeting', '2031-01-14']],
  ])('%s is a folder', (file, args) => {
    const dir = sample();
    const path = join(dir, file);
    spawnSync('rm', ['-f', path]);
    mkdirSync(path, { recursive: true });
    writeFileSync(join(path, 'keep'), 'x');
    const r = ppp(args, { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(path);
    expect(r.stderr).not.toMatch(/internal error|\n {4}at /);
    expect(readdirSync(path)).toEqual(['keep']);
    expect(existsSync(join(dir, 'meetings/2031-01-14/agenda.json'))).toBe(false);
  });
});

describe('interrupted', () => {
  const hasScript = spawnSync('script', ['--version']).status === 0;

  /** Runs `ppp new` in a pty and, once it asks its first question, sends what a user would. */
  function cancelPrompt(
    how: 'ctrl-c' | 'ctrl-d' | 'hangup',
    cwd: string,
  ): Promise<{ code: number | null; screen: string }> {
    return new Promise((resolve) => {
      const child = spawn('script', ['-qec', `exec ${pppLine(['new'])}`, '/dev/null'], {
        cwd,
        env: cleanEnv({ TERM: 'xterm' }),
      });
      let screen = '';
      let sent = false;
      child.stdout.on('data', (d: Buffer) => {
        screen += d.toString();
        if (sent || !/Type of document/.test(screen)) return;
        sent = true;
        setTimeout(() => {
          // Closing the terminal: the program gets SIGHUP.
          if (how === 'hangup') process.kill(Number(spawnSync('pgrep', ['-P', String(child.pid)]).stdout), 'SIGHUP');
          else child.stdin.write(how === 'ctrl-c' ? '\x03' : '\x04');
        }, 100);
      });
      const timer = setTimeout(() => child.kill('SIGKILL'), 9_000);
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        resolve({ code: code ?? (signal ? 128 : null), screen });
      });
    });
  }

  it.skipIf(!hasScript).each([['ctrl-c'], ['ctrl-d']] as const)(
    'a prompt cancelled with %s: exit 130, nothing written',
    async (how) => {
      const dir = join(tempDir(), 'register');
      cpSync(join(ROOT, 'register'), dir, { recursive: true });
      const before = readdirSync(join(dir, 'documents'), { recursive: true }).length;
      const r = await cancelPrompt(how, dir);
      expect(r.code).toBe(130);
      expect(r.screen).toContain('ppp: cancelled; nothing was written');
      expect(readdirSync(join(dir, 'documents'), { recursive: true }).length).toBe(before);
    },
  );

  it.skipIf(!hasScript)('a prompt whose terminal is closed: nothing written', async () => {
    const dir = join(tempDir(), 'register');
    cpSync(join(ROOT, 'register'), dir, { recursive: true });
    const before = readdirSync(join(dir, 'documents'), { recursive: true }).length;
    const r = await cancelPrompt('hangup', dir);
    expect(r.code).toBe(130);
    expect(r.screen).toContain('ppp: cancelled; nothing was written');
    expect(readdirSync(join(dir, 'documents'), { recursive: true }).length).toBe(before);
  });

  it('init --example stopped half way leaves nothing behind', async () => {
    const parent = tempDir();
    const child = spawn(process.execPath, [BIN, 'init', 'demo', '--example'], { cwd: parent, env: cleanEnv() });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Stop it once it has started to build (its hidden folder exists).
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (readdirSync(parent).some((f) => f.includes('.ppp-example-'))) {
          clearInterval(poll);
          child.kill('SIGINT');
          resolve();
        }
      }, 20);
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(130);
    expect(stderr).toContain('nothing was left behind');
    expect(readdirSync(parent)).toEqual([]);
    expect(existsSync(join(parent, 'demo'))).toBe(false);
    expect(readFileSync(BIN, 'utf8').length).toBeGreaterThan(0);
  });
});
