/**
 * One lazily loaded module per problem and per notebook with the text its page shows, so that the
 * app's main chunk holds only the index (each meta.json / notebook.json) and stays the same size
 * however many problems and notebooks are added. Vite emits one small chunk for each, precached by
 * the service worker like every other file.
 * - `/problems/<track>/<id>/statement.md?problem-content` → `{ statement, starter, hints, solution }`
 *   (src/catalog.ts).
 * - `/notebooks/<id>/notebook.json?notebook-content` → `{ meta, cells, fixes }` keyed by file path
 *   as `import.meta.glob` would key them (src/notebook/listing.ts).
 * Both are returned as JavaScript modules (`moduleType: 'js'`), whatever the file's extension.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'vite';

const PROBLEM_QUERY = '?problem-content';
const NOTEBOOK_QUERY = '?notebook-content';

/** The files of a problem folder that make up its page text, by field. */
const PROBLEM_FILES = { statement: 'statement.md', starter: 'starter.ts', hints: 'hints.md', solution: 'solution.md' } as const;

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function listOptional(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

export function contentChunks(): Plugin {
  return {
    name: 'tensordojo-content-chunks',
    // Before Vite's own loaders, which would otherwise serve statement.md / notebook.json themselves.
    enforce: 'pre',
    async load(id) {
      if (id.endsWith(`/statement.md${PROBLEM_QUERY}`)) {
        const folder = path.dirname(id.slice(0, -PROBLEM_QUERY.length));
        const content: Record<string, string | undefined> = {};
        for (const [field, name] of Object.entries(PROBLEM_FILES)) {
          const file = path.join(folder, name);
          this.addWatchFile(file);
          content[field] = await readOptional(file);
        }
        return { code: `export default ${JSON.stringify(content)};`, moduleType: 'js' };
      }
      if (id.endsWith(`/notebook.json${NOTEBOOK_QUERY}`)) {
        const file = id.slice(0, -NOTEBOOK_QUERY.length);
        const folder = path.dirname(file);
        const key = `/notebooks/${path.basename(folder)}`;
        this.addWatchFile(file);
        const meta = JSON.parse(await readFile(file, 'utf8'));
        const cells: Record<string, string> = {};
        for (const name of await listOptional(path.join(folder, 'cells'))) {
          if (!/\.(md|ts)$/.test(name)) continue;
          this.addWatchFile(path.join(folder, 'cells', name));
          cells[`${key}/cells/${name}`] = await readFile(path.join(folder, 'cells', name), 'utf8');
        }
        const fixes: Record<string, unknown> = {};
        for (const name of await listOptional(path.join(folder, 'fixes'))) {
          if (!name.endsWith('.patch.json')) continue;
          this.addWatchFile(path.join(folder, 'fixes', name));
          fixes[`${key}/fixes/${name}`] = JSON.parse(await readFile(path.join(folder, 'fixes', name), 'utf8'));
        }
        return { code: `export default ${JSON.stringify({ meta, cells, fixes })};`, moduleType: 'js' };
      }
      return null;
    },
  };
}
