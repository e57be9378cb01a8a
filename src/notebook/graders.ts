/**
 * Notebook graders, found by Vite's glob in the worker bundle and in Vitest. Only the kernel
 * imports this file: graders run tensor code, which must never reach the main thread.
 */
import type { NotebookDefinition } from './defineNotebook';

const graders = import.meta.glob<NotebookDefinition>('/notebooks/*/grader.ts', { import: 'default' });

export async function loadGrader(notebookId: string): Promise<NotebookDefinition> {
  const load = graders[`/notebooks/${notebookId}/grader.ts`];
  if (!load) throw new Error(`Unknown notebook "${notebookId}".`);
  return load();
}
