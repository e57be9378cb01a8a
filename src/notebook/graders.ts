/**
 * Notebook graders, found by Vite's glob (one lazy chunk each) in the kernel worker, which runs
 * their `observe` halves, in the page, which runs their `judge` halves, and in Vitest. Graders hold
 * no tf at module level (only `import type`): their tensor code runs on the kernel's `tf`, so the
 * page loads a grader without loading tfjs.
 */
import type { NotebookDefinition } from './defineNotebook';

const graders = import.meta.glob<NotebookDefinition>('/notebooks/*/grader.ts', { import: 'default' });

export async function loadGrader(notebookId: string): Promise<NotebookDefinition> {
  const load = graders[`/notebooks/${notebookId}/grader.ts`];
  if (!load) throw new Error(`Unknown notebook "${notebookId}".`);
  return load();
}
