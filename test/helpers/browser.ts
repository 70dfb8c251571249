/**
 * A real browser for the published site's tests: Debian's Chromium driven by playwright-core (which never downloads a
 * browser), a folder served over HTTP on 127.0.0.1 (Pagefind search does not work from file:// URLs) and axe-core
 * injected into the page. Tests skip themselves with `describe.skipIf(!CHROMIUM)` where Chromium is not installed;
 * .ci/run installs it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** The Chromium to drive: $CHROMIUM_PATH, else Debian's; undefined when neither is there. */
export const CHROMIUM: string | undefined = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find(
  (path): path is string => path !== undefined && path !== '' && existsSync(path),
);

/** The axe tags of WCAG 2.1 A and AA, the standard UK public sector websites must meet. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Returns Chromium launched headless; close it in afterAll. */
export async function launchBrowser(): Promise<Browser> {
  if (!CHROMIUM) throw new Error('Chromium is not installed: apt-get install chromium, or set CHROMIUM_PATH');
  return chromium.launch({ executablePath: CHROMIUM, headless: true });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

export interface Served {
  /** The base URL, ending in '/'. */
  url: string;
  /** Every path requested, for tests that check what a page fetched. */
  requests: string[];
  close(): Promise<void>;
}

/** Returns a static HTTP server of the folder on 127.0.0.1 at a free port; a folder's URL serves its index.html. */
export async function serveFolder(folder: string): Promise<Served> {
  const base = resolve(folder);
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    requests.push(path);
    let file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}`);
      return;
    }
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    response.writeHead(200, { 'content-type': type }).end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    // Kept-alive connections of a browser still open would hold close() back: end them too.
    close: () =>
      new Promise<void>((ok, fail) => {
        server.close((error) => (error ? fail(error) : ok()));
        server.closeAllConnections();
      }),
  };
}

export interface OpenOptions {
  /** false: the page as a reader without JavaScript sees it. axe still runs, through the debugging protocol. */
  javaScriptEnabled?: boolean;
  /** The viewport's width in CSS pixels; 1024 unless given. */
  width?: number;
  height?: number;
}

const withoutJavaScript = new WeakSet<Page>();

/** Returns a new page, in a context of its own, at the URL and loaded; close it with page.context().close(). */
export async function openPage(browser: Browser, url: string, options: OpenOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1024, height: options.height ?? 768 },
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  if (options.javaScriptEnabled === false) withoutJavaScript.add(page);
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response || !response.ok()) throw new Error(`${url}: HTTP ${response?.status() ?? 'no response'}`);
  return page;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  description: string;
  helpUrl: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

let axeSource: string | undefined;

// With JavaScript off, Chromium still evaluates what the debugging protocol sends and settles promises, but fires no
// timer and runs no queueMicrotask callback, and axe waits on setTimeout(fn, 0) between checks. Short timers run as
// promise callbacks instead; long ones are axe's time-outs for loading, which then never fire. Nothing of the page's
// own runs to notice.
const PROMISE_TIMERS = `
  const cancelled = new Set();
  let next = 0;
  window.setTimeout = (fn, ms, ...args) => {
    const id = ++next;
    if (!(ms >= 1000)) Promise.resolve().then(() => { if (!cancelled.has(id)) fn(...args); });
    return id;
  };
  window.clearTimeout = (id) => { cancelled.add(id); };
`;

/**
 * Returns the WCAG 2.1 A and AA violations axe-core finds on the page as loaded. axe is evaluated as a string rather
 * than added as a <script>, so that it runs in pages opened without JavaScript too.
 */
export async function axeViolations(page: Page, tags: string[] = WCAG_21_AA): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const run = `(async () => {
    ${withoutJavaScript.has(page) ? PROMISE_TIMERS : ''}
    ${axeSource}
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(tags)} } });
    return JSON.stringify(result.violations.map((v) => ({
      id: v.id, impact: v.impact, description: v.description, helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    })));
  })()`;
  return JSON.parse(await page.evaluate(run)) as AxeViolation[];
}

/** Returns the violations as lines a person can act on, for an assertion's message. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .flatMap((v) => [
      `${v.id} (${v.impact ?? 'no impact'}): ${v.description} ${v.helpUrl}`,
      ...v.nodes.map((n) => `  ${n.target.join(' ')}: ${n.html}`),
    ])
    .join('\n');
}
