/**
 * ppp publish: the register as a static website of its approved text, rendered from git (never the work tree) into a
 * folder beside --out and swapped in whole at the end; ppp publish --check: that each published page is its approved
 * content, recomputed from git.
 */
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { contentHash } from '../core/content-hash.js';
import { GitError, UsageError } from '../core/errors.js';
import { buildSite, type SiteDocument, type SiteModel } from '../core/site.js';
import { today as todayOf } from '../io/clock.js';
import {
  decodeUtf8,
  isDirectory,
  listFolder,
  makeDirectory,
  movePath,
  pathExists,
  readDocument,
  readPackageTree,
  readTextIfExists,
  removePath,
  writeFileAtomic,
  writeNewFiles,
} from '../io/fs.js';
import { isInsideWorkTree } from '../io/git.js';
import type { Io } from '../io/io.js';
import { approvedVersions } from './steps/approved-versions.js';
import { refuseShallow } from './steps/full-history.js';
import { loadRegister, type LoadedRegister } from './steps/load-register.js';

/**
 * The day ppp's browser test (test/site/publish-a11y.test.ts) last passed against the page designs: the statement
 * says when the designs were tested, never that a council's own site was. Move it when the layout changes.
 */
const PAGE_DESIGNS_TESTED = '2026-11-25';

/** The file that marks a folder as a site ppp published, so that publishing again may replace it. */
export const SITE_MARKER = '.ppp-site';

export interface PublishOptions {
  register?: string;
  today?: string;
  out: string;
  baseUrl?: string;
  cache?: boolean;
  /** Told how many of the files are written, as they are. */
  progress?: (done: number, total: number) => void;
  /** Told of a step that takes a while and shows no count. */
  step?: (what: string) => void;
}

export interface PublishResult {
  out: string;
  documents: number;
  archived_versions: number;
  warnings: string[];
}

export interface CheckResult {
  ok: boolean;
  checked: number;
  problems: { page: string; problem: string }[];
}

/** Writes the site and returns what it holds; refuses an --out that is not a new folder or an earlier site. */
export async function publish(options: PublishOptions, io: Io): Promise<PublishResult> {
  const loaded = await loadRegister(io, { register: options.register, cache: options.cache });
  const out = resolve(io.cwd, options.out);
  refuseOut(out, loaded.root);
  const model = await siteModel(loaded, io, options);
  const { pages, site } = await renderSite(model, loaded);
  const today = todayOf(io, loaded.settings.timezone, options.today);
  const extra = await meetingFiles(loaded, io, today);
  pages.push(...extra.pages);
  const { renderAccessibilityStatement, renderPage } = await import('../report/site/layout.js');
  pages.push({
    path: 'accessibility.html',
    html: renderPage({
      title: 'Accessibility statement',
      root: '',
      section: 'accessibility',
      group: loaded.settings.group,
      body: renderAccessibilityStatement({
        group: loaded.settings.group,
        testedOn: PAGE_DESIGNS_TESTED,
        tool: 'axe-core 4.14 in headless Chromium',
        preparedOn: today,
      }),
    }),
  });
  const warnings = [...model.warnings];
  const files: { path: string; text: string }[] = [
    { path: 'meetings.ics', text: extra.ics },
    { path: 'register.json', text: registerJson(model.documents, site.people) },
  ];
  if (options.baseUrl !== undefined) {
    if (!/^https?:\/\/[^\s]+$/.test(options.baseUrl))
      throw new UsageError(
        `--base-url ${options.baseUrl} is not a web address; write it like https://example.org/policies/`,
      );
    const { atomFeed, sitemap } = await import('../report/site/feeds.js');
    files.push({ path: 'feed.xml', text: atomFeed(model.documents, options.baseUrl, loaded.settings.group, today) });
    files.push({
      path: 'sitemap.xml',
      text: sitemap(
        pages.map((p) => p.path),
        options.baseUrl,
      ),
    });
  } else warnings.push('feed.xml and sitemap.xml need the address the site is served from: pass --base-url URL');
  const build = join(dirname(out), `.${basename(out)}.ppp-publish-${randomBytes(4).toString('hex')}`);
  makeDirectory(build);
  try {
    // The GOV.UK styles, compiled once and shipped with ppp.
    for (const asset of readPackageTree('site/assets')) files.push({ path: `assets/${asset.path}`, text: asset.text });
    const all = [...pages.map((p) => ({ path: p.path, text: p.html })), ...files];
    for (let i = 0; i < all.length; i += 250) {
      const batch = all.slice(i, i + 250);
      writeNewFiles(build, batch);
      options.progress?.(i + batch.length, all.length);
    }
    const { writeSearchIndex } = await import('../io/search-index.js');
    options.step?.(`Building the search index of ${model.documents.filter((d) => !d.retired).length} documents`);
    await writeSearchIndex(build);
    writeFileAtomic(join(build, SITE_MARKER), JSON.stringify({ generator: 'ppp publish' }) + '\n');
    // Swapped in whole: until this point the previous site is untouched.
    if (pathExists(out)) {
      const old = `${build}.old`;
      movePath(out, old);
      movePath(build, out);
      removePath(old);
    } else movePath(build, out);
  } catch (error) {
    removePath(build);
    throw error;
  }
  return {
    out,
    documents: model.documents.length,
    archived_versions: model.documents.reduce((n, d) => n + d.earlier.length, 0),
    warnings,
  };
}

/** Returns the meetings page, a page per issued agenda and minutes in meetings/, and the calendar feed. */
async function meetingFiles(loaded: LoadedRegister, io: Io, today: string) {
  const { meetings, meetingOn } = await import('../core/meetings.js');
  const { loadWorkingCalendar } = await import('./steps/working-calendar.js');
  const { meetingsIcs } = await import('../report/meetings.js');
  const { meetingsPages } = await import('../report/site/pages.js');
  const { settings, root } = loaded;
  const calendar = await loadWorkingCalendar(settings);
  const upcoming = meetings(settings, calendar, today, { count: 12 });
  const dates = listFolder(join(root, 'meetings')).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
  const records = dates.map((date) => ({
    date,
    agenda: readTextIfExists(join(root, 'meetings', date, 'agenda.md')),
    minutes: readTextIfExists(join(root, 'meetings', date, 'minutes.md')),
  }));
  const end = upcoming.at(-1)?.date ?? today;
  const cancelled = [...new Set(settings.meetings.cancel)]
    .filter((d) => d >= today && d <= end)
    .sort()
    .map((d) => meetingOn(settings, calendar, d));
  return {
    pages: meetingsPages({ upcoming, records }, settings.group),
    ics: meetingsIcs(upcoming, settings, { cancelled, generatedAt: io.now() }),
  };
}

/** Recomputes from git that each published document page holds its approved content; names every one that does not. */
export async function checkSite(options: { register?: string; dir: string }, io: Io): Promise<CheckResult> {
  const loaded = await loadRegister(io, { register: options.register });
  const dir = resolve(io.cwd, options.dir);
  if (!isDirectory(dir)) throw new UsageError(`${dir} is not a folder; name the folder ppp publish wrote`);
  const model = await siteModel(loaded, io, { out: dir });
  const { expected } = await renderSite(model, loaded);
  const { BODY_END, BODY_START } = await import('../report/site/pages.js');
  const problems: { page: string; problem: string }[] = [];
  const seen = new Set<string>();
  for (const [path, want] of expected) {
    seen.add(path);
    const text = readTextIfExists(join(dir, path));
    if (text === undefined) {
      problems.push({ page: path, problem: 'missing: the site has no page for this approved version' });
      continue;
    }
    const hash = /<meta name="ppp-content-sha256" content="([0-9a-f]{64})">/.exec(text)?.[1];
    const body = between(text, BODY_START, BODY_END);
    if (hash !== want.hash) problems.push({ page: path, problem: `its content hash is not the approved ${want.hash}` });
    else if (body !== want.body) problems.push({ page: path, problem: 'its text is not the approved text' });
  }
  for (const sub of ['documents', 'archive']) {
    for (const path of pagesUnder(dir, sub)) {
      if (!seen.has(path) && !path.endsWith('index.html'))
        problems.push({ page: path, problem: 'extra: no approved version in git gives this page' });
    }
  }
  return { ok: problems.length === 0, checked: expected.size, problems };
}

async function siteModel(loaded: LoadedRegister, io: Io, options: { today?: string; cache?: boolean; out: string }) {
  const { root, settings } = loaded;
  if (!(await isInsideWorkTree(root)))
    throw new GitError(
      `${root} is not in a git repository; only approved text is published, and approvals are git commits`,
    );
  await refuseShallow(root, 'ppp publish', 'approved versions may be missing from its history');
  const { versions, retirements } = await approvedVersions(root, io, options.cache !== false);
  const current = loaded.records.flatMap((r) => {
    const id = r.data?.id;
    if (typeof id !== 'string') return [];
    const read = readDocument(join(root, r.file));
    const text = read.kind === 'bytes' ? decodeUtf8(read.bytes) : undefined;
    return [{ id, status: String(r.data!.status), hash: text === undefined ? undefined : contentHash(text) }];
  });
  return buildSite({ settings, today: todayOf(io, settings.timezone, options.today), current, versions, retirements });
}

async function renderSite(model: SiteModel, loaded: LoadedRegister) {
  const { archiveIndex, archivePage, documentPage, indexPages, renderMarkdown, searchPage } =
    await import('../report/site/pages.js');
  const site = {
    all: new Map(model.documents.map((d) => [d.id, d])),
    group: loaded.settings.group,
    // Readers see who owns a document by name and post, not by the register's member id.
    people: new Map(loaded.members.map((m) => [m.id, { name: m.name, post: m.title }])),
  };
  const pages = [...indexPages(model.documents, site), archiveIndex(model.documents, site), searchPage(site)];
  const expected = new Map<string, { hash: string; body: string }>();
  for (const doc of model.documents) {
    const page = documentPage(doc, site);
    pages.push(page);
    expected.set(page.path, { hash: doc.contentSha256, body: renderMarkdown(doc.body) });
    doc.earlier.forEach((v, i) => {
      const archived = archivePage(doc, v, i === 0 ? doc : doc.earlier[i - 1]!, site);
      pages.push(archived);
      expected.set(archived.path, { hash: v.contentSha256, body: renderMarkdown(v.body) });
    });
  }
  return { pages, expected, site };
}

function registerJson(documents: readonly SiteDocument[], people: ReadonlyMap<string, { name: string }>): string {
  return (
    JSON.stringify(
      documents.map((d) => ({
        id: d.id,
        title: d.title,
        type: d.type,
        status: d.status,
        version: d.version,
        owner: d.owner,
        owner_name: people.get(d.owner)?.name ?? null,
        approved_on: d.approvedOn,
        review_due: d.reviewDue ?? null,
        review_state: d.reviewState ?? null,
        url: `documents/${d.id}.html`,
        content_sha256: d.contentSha256,
      })),
      null,
      2,
    ) + '\n'
  );
}

/** Refuses an --out that is the register (or in it), the file system's root, or a folder holding other things. */
function refuseOut(out: string, root: string): void {
  const rel = relative(out, root);
  if (out === dirname(out))
    throw new UsageError(`--out ${out} is the root of the file system; name a folder for the site`);
  if (rel === '' || !rel.startsWith('..'))
    throw new UsageError(`--out ${out} holds the register itself; name a folder outside it for the site`);
  if (!relative(root, out).startsWith('..'))
    throw new UsageError(`--out ${out} is inside the register; name a folder outside it for the site`);
  if (pathExists(out) && !isDirectory(out)) throw new UsageError(`--out ${out} is a file; name a folder for the site`);
  if (pathExists(out) && listFolder(out).length > 0 && !pathExists(join(out, SITE_MARKER)))
    throw new UsageError(
      `--out ${out} is not empty and is not a site ppp published (it has no ${SITE_MARKER}); ` +
        'name a new or empty folder, so that nothing else is replaced',
    );
}

function between(text: string, start: string, end: string): string | undefined {
  const i = text.indexOf(start);
  if (i < 0) return undefined;
  const j = text.indexOf(end, i + start.length);
  return j < 0 ? undefined : text.slice(i + start.length, j);
}

function pagesUnder(dir: string, sub: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const name of listFolder(join(dir, rel))) {
      const path = `${rel}/${name}`;
      if (isDirectory(join(dir, path))) walk(path);
      else if (name.endsWith('.html')) out.push(path);
    }
  };
  if (isDirectory(join(dir, sub))) walk(sub);
  return out;
}
