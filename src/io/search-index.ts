/**
 * The published site's full-text search index, written by Pagefind (its npm package ships the binary for this
 * platform; nothing is downloaded). Only pages marked data-pagefind-body are indexed: the documents in force.
 */
import { join } from 'node:path';

/** Indexes the site's pages in dir and writes the index and Pagefind's search script into dir/pagefind/. */
export async function writeSearchIndex(dir: string): Promise<{ pages: number }> {
  const pagefind = await import('pagefind');
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'en' });
    const index = created.index;
    if (!index) throw new Error(`Pagefind could not start: ${created.errors.join('; ')}`);
    const added = await index.addDirectory({ path: dir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${dir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
