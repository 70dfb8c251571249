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

  it('searches with the keyboard: the count is read out, and each result leads to its document', async () => {
    const page = await openPage(browser, new URL('index.html', served.url).href);
    // Evaluated in the page as strings: the tests are compiled without the DOM's types.
    const focused = () => page.evaluate<string>("document.activeElement ? document.activeElement.id : ''");
    for (let i = 0; i < 40 && (await focused()) !== 'ppp-search-input'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('ppp-search-input');
    await page.keyboard.type('missing');
    await page.keyboard.press('Enter');
    await page.waitForURL(/search\.html\?q=missing$/);
    const status = page.locator('#ppp-search-status');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    await page.waitForFunction("/match/.test(document.getElementById('ppp-search-status').textContent)");
    const said = (await status.textContent())!;
    const found = Number(/^(\d+) documents? match “missing”\.$/.exec(said)?.[1]);
    const results = page.locator('#ppp-search-results a');
    expect(found).toBeGreaterThan(1);
    expect(await results.count()).toBe(found);
    const titles = await results.allTextContents();
    expect(titles).toContain('CS-PRO-0001 Children missing from home, care or education');
    // No result is a document out of use: those are in the archive.
    expect(titles.join('\n')).not.toContain('CS-QAF-0001');
    expect(await page.locator('#ppp-search-results mark').count()).toBeGreaterThan(0);
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    // On from the search box to the first result, and into it.
    await page.focus('#ppp-search-input');
    const inResults = "document.activeElement.closest('#ppp-search-results') !== null";
    for (let i = 0; i < 10 && !(await page.evaluate<boolean>(inResults)); i++) await page.keyboard.press('Tab');
    const href = await page.evaluate<string>('document.activeElement.href');
    await page.keyboard.press('Enter');
    await page.waitForURL(href);
    expect(await page.locator('h1').textContent()).toBeTruthy();
    await page.close();
  });

  it('from a file share the search form stays hidden and the search page says what to use instead', async () => {
    const index = await openPage(browser, `file://${join(site, 'index.html')}`);
    expect(await index.locator('form[data-ppp-search]').isHidden()).toBe(true);
    await index.close();
    const search = await openPage(browser, `file://${join(site, 'search.html')}`);
    expect(await search.locator('#ppp-search-unavailable').isVisible()).toBe(true);
    await search.close();
  });
});
