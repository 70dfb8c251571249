/**
 * The published site of the live example in real headless Chromium: the index, a document page, an archive page and
 * the meetings page have no WCAG 2.1 A or AA violation axe-core can find, and the index lists every document with
 * JavaScript off.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../helpers/run.js';
import {
  axeViolations,
  CHROMIUM,
  describeViolations,
  launchBrowser,
  openPage,
  serveFolder,
  type Served,
} from '../helpers/browser.js';
import { cleanup, makeRegister, tempDir } from '../helpers/register.js';

afterAll(cleanup);

describe.skipIf(!CHROMIUM)('the published site in a real browser', () => {
  let browser: Browser;
  let served: Served;
  let site = '';
  beforeAll(async () => {
    const now = () => Date.UTC(2026, 10, 25, 12);
    const dir = join(makeRegister(), 'example');
    expect((await run(['init', dir, '--example'], { now })).code).toBe(0);
    site = join(tempDir(), 'site');
    expect((await run(['publish', '--out', site], { cwd: dir, now })).code).toBe(0);
    browser = await launchBrowser();
    served = await serveFolder(site);
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  const archived = () =>
    /href="\.\.\/(archive\/CS-PRO-0001\/[^"]+\.html)"/.exec(
      readFileSync(join(site, 'documents', 'CS-PRO-0001.html'), 'utf8'),
    )![1]!;

  it.each([
    ['the index', () => 'index.html'],
    ['a document page', () => 'documents/CS-PRO-0010.html'],
    ['an archive page', archived],
    ['the meetings page', () => 'meetings.html'],
    ['the accessibility statement', () => 'accessibility.html'],
  ])('%s has no WCAG 2.1 AA violation', async (_what, path) => {
    const page = await openPage(browser, new URL(path(), served.url).href);
    const violations = await axeViolations(page);
    await page.close();
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  it('the index lists every published document with JavaScript off', async () => {
    const page = await openPage(browser, new URL('index.html', served.url).href, { javaScriptEnabled: false });
    const links = await page.locator('a[href^="documents/"]').count();
    await page.close();
    const register = JSON.parse(readFileSync(join(site, 'register.json'), 'utf8')) as { status: string }[];
    expect(links).toBe(register.filter((d) => !['superseded', 'withdrawn', 'archived'].includes(d.status)).length);
  });
});
