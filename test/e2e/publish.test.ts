/**
 * ppp publish on the live example (real signed history): only approved text is published, earlier approved versions go
 * to the archive, the site is swapped in whole, and --check proves each page against git, naming a page that differs,
 * is missing or is extra. Refusals for an --out that is the register, the file system's root or someone else's folder.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as runNow, type RunOptions } from '../helpers/run.js';
import { approvableRegister, git } from '../helpers/git.js';
import { cleanup, makeRegister, tempDir } from '../helpers/register.js';

afterAll(cleanup);

const now = () => Date.UTC(2026, 10, 25, 12);
const run = (args: string[], options: RunOptions = {}) => runNow(args, { now, ...options });

describe('ppp publish on the live example', () => {
  let dir = '';
  let site = '';
  let published: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    dir = join(makeRegister(), 'example');
    expect((await run(['init', dir, '--example'])).code).toBe(0);
    site = join(tempDir(), 'site');
    published = await run(['publish', '--out', site, '--json'], { cwd: dir });
  });

  it('publishes the approved documents and their earlier versions, and warns of the one changed since', () => {
    expect(published.code, published.stderr).toBe(0);
    const summary = JSON.parse(published.stdout);
    expect(summary).toMatchObject({ out: site, documents: 44 });
    expect(summary.archived_versions).toBeGreaterThan(10);
    expect(summary.warnings).toEqual([
      'CS-PRO-0001 has changed since version 2.0 was approved; the approved version is published',
      'feed.xml and sitemap.xml need the address the site is served from: pass --base-url URL',
    ]);
    const register = JSON.parse(readFileSync(join(site, 'register.json'), 'utf8'));
    expect(register).toHaveLength(44);
    expect(register[0]).toEqual(
      expect.objectContaining({
        id: 'CS-FRM-0001',
        url: 'documents/CS-FRM-0001.html',
        content_sha256: expect.any(String),
      }),
    );
  });

  it('a page is the approved text, never the work tree; a document never approved has no page', () => {
    const page = readFileSync(join(site, 'documents', 'CS-PRO-0001.html'), 'utf8');
    expect(page).toContain('within 72 hours');
    expect(page).not.toContain('within 5 days');
    expect(page).toMatch(/<meta name="ppp-content-sha256" content="[0-9a-f]{64}">/);
    expect(page).toContain('Proof of approval');
    expect(existsSync(join(site, 'documents', 'CS-PRO-0009.html'))).toBe(false);
    expect(existsSync(join(site, 'documents', 'CS-PRO-0008.html'))).toBe(false);
    const index = readFileSync(join(site, 'index.html'), 'utf8');
    expect(index).toContain('href="documents/CS-PRO-0001.html"');
    expect(index).not.toContain('CS-PRO-0009');
  });

  it('earlier versions are archived with the version that replaced them; retired documents say so', () => {
    const archive = readFileSync(join(site, 'archive', 'index.html'), 'utf8');
    expect(archive).toContain('CS-QAF-0001');
    const retired = readFileSync(join(site, 'documents', 'CS-QAF-0001.html'), 'utf8');
    expect(retired).toContain('This document is superseded');
    expect(retired).toContain('replaced by <a class="govuk-link" href="../documents/CS-QAF-0003.html">');
    const current = readFileSync(join(site, 'documents', 'CS-PRO-0001.html'), 'utf8');
    const link = /href="\.\.\/(archive\/CS-PRO-0001\/1\.0-[0-9-]+\.html)"/.exec(current)![1]!;
    const old = readFileSync(join(site, link), 'utf8');
    expect(old).toContain('This version is no longer in force');
    expect(old).toMatch(/Version 2\.0, approved \d{4}-\d{2}-\d{2}, replaced it/);
  });

  it('--check passes on the site as published, and names each page that differs, is missing or is extra', async () => {
    expect(await run(['publish', '--check', site], { cwd: dir })).toMatchObject({ code: 0 });
    const page = join(site, 'documents', 'CS-PRO-0002.html');
    const text = readFileSync(page, 'utf8');
    const at = text.indexOf('<div class="ppp-document-body">');
    writeFileSync(page, text.slice(0, at) + text.slice(at).replace('</p>', ' (edited on the server)</p>'));
    rmSync(join(site, 'documents', 'CS-FRM-0001.html'));
    writeFileSync(join(site, 'documents', 'CS-FAKE-0001.html'), text);
    const r = await run(['publish', '--check', site], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('documents/CS-PRO-0002.html: its text is not the approved text');
    expect(r.stdout).toContain('documents/CS-FRM-0001.html: missing');
    expect(r.stdout).toContain('documents/CS-FAKE-0001.html: extra');
    // Publishing again replaces the whole site.
    expect((await run(['publish', '--out', site], { cwd: dir })).code).toBe(0);
    expect(await run(['publish', '--check', site], { cwd: dir })).toMatchObject({ code: 0 });
    expect(existsSync(join(site, 'documents', 'CS-FAKE-0001.html'))).toBe(false);
  });

  it('has the meetings page with issued agendas and minutes, and the calendar feed', () => {
    const page = readFileSync(join(site, 'meetings.html'), 'utf8');
    expect(page).toContain('href="meetings.ics"');
    expect(page).toMatch(/href="meetings\/\d{4}-\d{2}-\d{2}\/minutes\.html"/);
    const minutes = /href="(meetings\/[\d-]+\/minutes\.html)"/.exec(page)![1]!;
    expect(readFileSync(join(site, minutes), 'utf8')).toContain('Attendance');
    expect(readFileSync(join(site, 'meetings.ics'), 'utf8')).toMatch(/^BEGIN:VCALENDAR/);
  });

  it('writes the Atom feed and the sitemap with --base-url only, and says so without it', async () => {
    expect(existsSync(join(site, 'feed.xml'))).toBe(false);
    const other = join(tempDir(), 'with-url');
    const r = await run(['publish', '--out', other, '--base-url', 'https://example.org/policies/', '--json'], {
      cwd: dir,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(other, 'feed.xml'), 'utf8')).toContain(
      '<link href="https://example.org/policies/documents/',
    );
    expect(readFileSync(join(other, 'sitemap.xml'), 'utf8')).toContain(
      '<loc>https://example.org/policies/index.html</loc>',
    );
    const bad = await run(['publish', '--out', join(tempDir(), 'x'), '--base-url', 'example.org'], { cwd: dir });
    expect(bad.code).toBe(2);
  });

  it('shows a progress bar on a terminal, and none with --json or in a pipe', async () => {
    const r = await run(['publish', '--out', join(tempDir(), 'tty')], { cwd: dir, stdoutIsTTY: true, columns: 80 });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/\rPublishing \[#{30}\] (\d+)\/\1 files\n/);
    expect(published.stderr).not.toContain('Publishing [');
  });

  it('--strict exits 1 when a document has changed since its approval', async () => {
    const r = await run(['publish', '--out', join(tempDir(), 'strict'), '--strict'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('CS-PRO-0001 has changed since version 2.0 was approved');
  });
});

describe('ppp publish refuses', () => {
  it.each([
    ['the register itself', (root: string) => root],
    ['a folder inside the register', (root: string) => join(root, 'documents')],
    ['the root of the file system', () => '/'],
    [
      'a folder holding other things',
      () => {
        const d = join(tempDir(), 'mine');
        mkdirSync(d);
        writeFileSync(join(d, 'notes.txt'), 'keep me');
        return d;
      },
    ],
  ])('%s as --out (exit 2, nothing changed)', async (_what, out) => {
    const { root } = approvableRegister({ on: '2026-09-20', meeting: '2026-10-13' });
    const target = out(root);
    const r = await run(['publish', '--out', target], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ppp: --out .*(register|root of the file system|not a site ppp published)/);
    if (target.endsWith('mine')) expect(readFileSync(join(target, 'notes.txt'), 'utf8')).toBe('keep me');
  });

  it('renders hostile markdown inert', async () => {
    const { root } = approvableRegister(
      { on: '2026-09-20', meeting: '2026-10-13' },
      {
        form: (text) =>
          `${text}\n<script>alert(1)</script>\n\n[click](javascript:alert(2)) <img src=x onerror=alert(3)>\n`,
      },
    );
    const approved = await run(['approve', 'CS-FRM-0001', '--route', 'ppp'], { cwd: root });
    expect(approved.code, approved.stderr).toBe(0);
    const site = join(tempDir(), 'site');
    expect((await run(['publish', '--out', site], { cwd: root })).code).toBe(0);
    const page = readFileSync(join(site, 'documents', 'CS-FRM-0001.html'), 'utf8');
    expect(page).not.toMatch(/<script>|<img|href="javascript:/);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(git(root, ['status', '--porcelain'])).toBe('');
  });
});
