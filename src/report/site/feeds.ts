/**
 * The site's files for machines that need its address (--base-url): an Atom feed of approvals and a sitemap. Pure.
 */
import type { SiteDocument } from '../../core/site.js';
import { escapeHtml } from './layout.js';
import { archivePath, documentPath } from './pages.js';

/** Returns the Atom feed of the most recent approvals (current and earlier versions), newest first. */
export function atomFeed(documents: readonly SiteDocument[], baseUrl: string, group: string, updated: string): string {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const entries = documents
    .flatMap((d) => [
      { d, v: d as SiteDocument | SiteDocument['earlier'][number], path: documentPath(d.id) },
      ...d.earlier.map((v) => ({ d, v, path: archivePath(d.id, v.version, v.approvedOn) })),
    ])
    .sort((a, b) => (a.v.approvedOn < b.v.approvedOn ? 1 : a.v.approvedOn > b.v.approvedOn ? -1 : 0))
    .slice(0, 100);
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>${escapeHtml(group)}: approvals</title>
<id>${escapeHtml(base)}feed.xml</id>
<link rel="self" href="${escapeHtml(base)}feed.xml"/>
<updated>${updated}T00:00:00Z</updated>
${entries
  .map(
    ({ d, v, path }) => `<entry>
<title>${escapeHtml(`${d.id} ${String(v.data.title ?? d.title)}, version ${v.version}`)}</title>
<id>${escapeHtml(base + path)}</id>
<link href="${escapeHtml(base + path)}"/>
<updated>${v.approvedOn}T00:00:00Z</updated>
<summary>${escapeHtml(approvedLine(v))}</summary>
</entry>`,
  )
  .join('\n')}
</feed>
`;
}

function approvedLine(v: { approvedOn: string; route: string; meeting?: string }): string {
  return `Approved on ${v.approvedOn} (route ${v.route}${v.meeting ? `, meeting of ${v.meeting}` : ''})`;
}

/** Returns the sitemap of every page. */
export function sitemap(paths: readonly string[], baseUrl: string): string {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${paths.map((p) => `<url><loc>${escapeHtml(base + p)}</loc></url>`).join('\n')}
</urlset>
`;
}
