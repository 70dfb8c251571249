/**
 * ppp publish on the live example (real signed history): only approved text is published, earlier approved versions go
 * to the archive, the site is swapped in whole, and --check proves each page against git, naming a page that differs,
 * is missing or is extra. Refusals for an --out that is the register, the file system's root or someone else's folder.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as runNow, type RunOptions } from '../helpers/run.js';
import { approvableRegister, git } from '../helpers/git.js';
import { cleanup, makeRegister, tempDir } from '../helpers/register.js';
import { contentHash } from '../../src/core/content-hash.js';

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
    expect(r.stderr).toMatch(/\rPublishing \[#{30}\] (\d+)\/\1 files\nBuilding the search index of 41 documents…\n/);
    expect(published.stderr).not.toContain('Publishing [');
  });

  it('names owners and sponsors as members.yaml does, and says when the approved text last changed', () => {
    const members = readFileSync(join(dir, 'members.yaml'), 'utf8');
    const page = readFileSync(join(site, 'documents', 'CS-STD-0001.html'), 'utf8');
    const owner = /^owner: (\S+)$/m.exec(readFileSync(join(dir, documentFile(dir, 'CS-STD-0001')), 'utf8'))![1]!;
    const name = new RegExp(`- id: ${owner}\\n\\s+name: ([^\\n]+)`).exec(members)![1]!;
    expect(page).toMatch(new RegExp(`Manager</dt>\\s*<dd class="govuk-summary-list__value">${name}, `));
    expect(page).toContain('Text last changed');
    const register = JSON.parse(readFileSync(join(site, 'register.json'), 'utf8'));
    expect(register.find((d: { id: string }) => d.id === 'CS-STD-0001').owner_name).toBe(name);
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toContain(`>${name}</td>`);
  });

  it('indexes the documents in force for search, and has a search page that works without it', () => {
    const entry = JSON.parse(readFileSync(join(site, 'pagefind', 'pagefind-entry.json'), 'utf8'));
    const register = JSON.parse(readFileSync(join(site, 'register.json'), 'utf8'));
    const retired = ['archived', 'withdrawn', 'superseded'];
    const inForce = register.filter((d: { status: string }) => !retired.includes(d.status)).length;
    expect(entry.languages.en.page_count).toBe(inForce);
    expect(readFileSync(join(site, 'documents', 'CS-QAF-0001.html'), 'utf8')).not.toContain('data-pagefind-body');
    const search = readFileSync(join(site, 'search.html'), 'utf8');
    expect(search).toContain('aria-live="polite"');
    expect(search).toContain('Search works when the site is served from a web server');
    // Hidden until the script finds the site served over HTTP, so a file share shows no form that cannot work.
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toMatch(/<form [^>]*data-ppp-search hidden>/);
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

/** Returns the register-relative path of a document's file. */
function documentFile(dir: string, id: string): string {
  for (const folder of readdirSync(join(dir, 'documents'))) {
    const name = readdirSync(join(dir, 'documents', folder)).find((f) => f.startsWith(`${id}-`));
    if (name) return `documents/${folder}/${name}`;
  }
  throw new Error(`no file for ${id}`);
}

/**
 * Commits text as a signed approval of the document, its trailers those of the document's last approval with the
 * version, dates and content hash replaced: what an approval made by hand or by an older ppp leaves in history.
 */
function approveByHand(dir: string, id: string, text: string, version: string, on: string, hash?: string): void {
  const file = documentFile(dir, id);
  const last = git(dir, ['log', '-1', `--grep=PPP-Document: ${id}$`, '--format=%B']);
  const message = last
    .replace(/^PPP-Version: .*$/m, `PPP-Version: ${version}`)
    .replace(/^PPP-Meeting: .*$/m, `PPP-Meeting: ${on}`)
    .replace(/^PPP-Approved-On: .*$/m, `PPP-Approved-On: ${on}`)
    .replace(/^PPP-Content-SHA256: .*$/m, `PPP-Content-SHA256: ${hash ?? contentHash(text)}`);
  writeFileSync(join(dir, file), text);
  git(dir, ['commit', '--quiet', '-S', '-F', '-', '--', file], { input: message });
}

describe('ppp publish reads every approved version with care', () => {
  let dir = '';
  let lastMeeting = '';
  beforeAll(async () => {
    dir = join(makeRegister(), 'example');
    expect((await run(['init', dir, '--example'])).code).toBe(0);
    lastMeeting = readdirSync(join(dir, 'meetings'))
      .filter((d) => existsSync(join(dir, 'meetings', d, 'minutes.md')))
      .sort()
      .at(-1)!;
  });

  it('a review that kept the text: last reviewed moves on, text last changed stays as it was', async () => {
    const file = join(dir, documentFile(dir, 'CS-STD-0001'));
    const before = readFileSync(file, 'utf8');
    const first = /approved_on: (\S+)/.exec(before)![1]!;
    const reviewed = before
      .replace(/^version: .*$/m, 'version: "1.1"')
      .replace(/approved_on: \S+/, `approved_on: ${lastMeeting}`)
      .replace(/meeting: \S+/, `meeting: ${lastMeeting}`);
    approveByHand(dir, 'CS-STD-0001', reviewed, '1.1', lastMeeting);
    const verified = JSON.parse((await run(['verify', '--json'], { cwd: dir })).stdout);
    expect(verified.documents.find((d: { id: string }) => d.id === 'CS-STD-0001')).toMatchObject({
      state: 'verified',
      version: '1.1',
    });
    const site = join(tempDir(), 'site');
    const r = await run(['publish', '--out', site], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const page = readFileSync(join(site, 'documents', 'CS-STD-0001.html'), 'utf8');
    const row = (key: string) =>
      new RegExp(`${key}</dt>\\s*<dd class="govuk-summary-list__value">([^<]*)</dd>`).exec(page)![1];
    expect(row('Version')).toBe('1.1');
    expect(row('Date approved \\(last reviewed\\)')).toBe(lastMeeting);
    expect(row('Text last changed')).toBe(first);
  });

  it('a document whose approved version no longer parses is reported and left out; the rest is published', async () => {
    // Approved when a field written twice was let through (the last one counting); ppp refuses it now.
    const file = join(dir, documentFile(dir, 'CS-GDL-0004'));
    const text = readFileSync(file, 'utf8').replace(/^version: .*$/m, 'version: "1.1"');
    const twice = text.replace(/^title: (.*)$/m, 'title: Draft title\ntitle: $1');
    approveByHand(dir, 'CS-GDL-0004', twice, '1.1', lastMeeting, contentHash(text));
    const site = join(tempDir(), 'site');
    const r = await run(['publish', '--out', site, '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.warnings).toContainEqual(
      expect.stringMatching(
        /^CS-GDL-0004: version 1\.1 approved in commit [0-9a-f]{12} no longer parses \(line \d+: .+\); the document is left out of the site$/,
      ),
    );
    expect(existsSync(join(site, 'documents', 'CS-GDL-0004.html'))).toBe(false);
    expect(existsSync(join(site, 'documents', 'CS-GDL-0002.html'))).toBe(true);
    expect(summary.documents).toBe(43);
    expect((await run(['publish', '--check', site], { cwd: dir })).code).toBe(0);
    // ppp verify says why it cannot prove that approval.
    const verified = JSON.parse((await run(['verify', '--json'], { cwd: dir })).stdout);
    expect(verified.documents.find((d: { id: string }) => d.id === 'CS-GDL-0004')).toMatchObject({
      state: 'no-approval-commit',
      detail: expect.stringMatching(/as committed does not parse \(line \d+: a field is written twice/),
    });
  });

  it('a file broken since approval has not gone: verify names the fault, publish the approved text', async () => {
    const file = join(dir, documentFile(dir, 'CS-STD-0003'));
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: (.*)$/m, 'title: [$1'));
    const verified = JSON.parse((await run(['verify', '--json'], { cwd: dir })).stdout);
    expect(verified.documents.find((d: { id: string }) => d.id === 'CS-STD-0003')).toMatchObject({
      state: 'modified-after-approval',
      detail: expect.stringMatching(
        /CS-STD-0003-.*\.md no longer parses \(line \d+: the front matter is not valid YAML/,
      ),
    });
    const site = join(tempDir(), 'site');
    const r = await run(['publish', '--out', site, '--json'], { cwd: dir });
    expect(JSON.parse(r.stdout).warnings).toContain(
      'CS-STD-0003 was approved, but no file in documents/ gives that id now (deleted, or its front matter does ' +
        'not parse); its approved version is published',
    );
    expect(existsSync(join(site, 'documents', 'CS-STD-0003.html'))).toBe(true);
  });
});
