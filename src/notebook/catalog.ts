/**
 * Every notebook under notebooks/, as pure data read at build time (cells and fixes are text and
 * JSON; graders are not imported here, so the main thread never loads tfjs). Adding a folder adds
 * a notebook.
 */
import { buildNotebooks, type FixPatch, type Notebook, type NotebookMeta } from './format';

const metas = import.meta.glob<NotebookMeta>('/notebooks/*/notebook.json', { eager: true, import: 'default' });
const cellFiles = import.meta.glob<string>(['/notebooks/*/cells/*.md', '/notebooks/*/cells/*.ts'], {
  eager: true,
  query: '?raw',
  import: 'default',
});
const fixFiles = import.meta.glob<FixPatch>('/notebooks/*/fixes/*.patch.json', { eager: true, import: 'default' });

export const notebooks: Notebook[] = buildNotebooks(metas, cellFiles, fixFiles);

export function findNotebook(id: string): Notebook | undefined {
  return notebooks.find((notebook) => notebook.id === id);
}
