/**
 * The notebooks as the app sees them: the list (each notebook.json and its bug count) is in the
 * main chunk; a notebook's cells and fixes are one chunk of their own, loaded when its page opens
 * (scripts/contentChunksPlugin.ts). The tests and the bench read every notebook at once through
 * ./catalog.ts instead.
 */
import { buildNotebooks, type FixPatch, type Notebook, type NotebookMeta } from './format';

/** A notebook on the list: its metadata and how many bugs it plants. */
export interface NotebookSummary extends NotebookMeta {
  id: string;
  bugCount: number;
}

interface NotebookContentFiles {
  meta: NotebookMeta;
  cells: Record<string, string>;
  fixes: Record<string, FixPatch>;
}

const metas = import.meta.glob<NotebookMeta>('/notebooks/*/notebook.json', { eager: true, import: 'default' });
// Only the keys are used (the bug count): the fixes themselves stay out of the main chunk.
const fixPaths = Object.keys(import.meta.glob('/notebooks/*/fixes/*.patch.json'));
const contents = import.meta.glob<NotebookContentFiles>('/notebooks/*/notebook.json', { query: '?notebook-content', import: 'default' });

function idOf(path: string): string {
  return path.split('/')[2];
}

export const notebookList: NotebookSummary[] = Object.entries(metas)
  .map(([path, meta]) => {
    const id = idOf(path);
    return { ...meta, id, bugCount: fixPaths.filter((fix) => idOf(fix) === id).length };
  })
  .sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || a.title.localeCompare(b.title));

export function findNotebookSummary(id: string): NotebookSummary | undefined {
  return notebookList.find((notebook) => notebook.id === id);
}

const loaded = new Map<string, Promise<Notebook>>();

/** A notebook's cells and fixes; loaded once, and a failed load is retried on the next call. */
export function loadNotebook(id: string): Promise<Notebook> {
  const cached = loaded.get(id);
  if (cached) return cached;
  const load = contents[`/notebooks/${id}/notebook.json`];
  if (!load) return Promise.reject(new Error(`There is no notebook called "${id}".`));
  const promise = load().then(
    (files) => buildNotebooks({ [`/notebooks/${id}/notebook.json`]: files.meta }, files.cells, files.fixes)[0],
    (error: unknown) => {
      loaded.delete(id);
      throw new Error(`The notebook "${id}" could not be loaded (${error instanceof Error ? error.message : String(error)}). Check the connection and reload; your work is kept.`);
    },
  );
  loaded.set(id, promise);
  return promise;
}
