/**
 * The notebook format as plain data: what `notebooks/<id>/` holds once loaded, cell directives
 * and fix patches. Pure code with no tfjs, shared by the main thread, the kernel and the tests.
 * The folder layout is described in notebooks/README.md.
 */

export type NotebookDifficulty = 'easy' | 'medium' | 'hard';

/** `notebooks/<id>/notebook.json`. */
export interface NotebookMeta {
  title: string;
  difficulty: NotebookDifficulty;
  estimatedMinutes: number;
  /** One sentence for the list page. */
  summary: string;
  /** Position in the list; lower first. */
  order?: number;
  /** Where the data comes from and under which licence it ships. */
  dataset: { name: string; source: string; licence: string };
  /** The training target in words, e.g. "test accuracy ≥ 0.9 after train(300), seed 0". */
  target: string;
}

/** One cell: markdown is shown, code runs in the kernel. */
export interface NotebookCell {
  /** File name without its extension, e.g. `03-model`; stable across edits and used by patches. */
  name: string;
  kind: 'markdown' | 'code';
  source: string;
}

/** A whole notebook as the UI and the tests see it. */
export interface Notebook extends NotebookMeta {
  /** Folder name under notebooks/. */
  id: string;
  /** The broken original, in order. */
  cells: NotebookCell[];
  /** Reference fix of each planted bug, by bug id. */
  fixes: Record<string, FixPatch>;
}

/** `notebooks/<id>/fixes/<bug-id>.patch.json`: textual edits that fix exactly one bug. */
export interface FixPatch {
  edits: Array<{
    /** Cell name without extension, e.g. `04-loss`. */
    cell: string;
    /** Text that must occur exactly once in that cell of the original. */
    find: string;
    replace: string;
  }>;
}

/** Default user-time budget of one cell, as for a problem Run. */
export const CELL_BUDGET_MS = 10_000;
/** Longest budget a cell may ask for with `// @budget`. */
export const MAX_CELL_BUDGET_MS = 120_000;
/** User-time budget of a whole grading run (all cells, the target and every probe). */
export const GRADE_BUDGET_MS = 90_000;

/**
 * Directives are comments in a code cell's leading comment block:
 * `// @budget 60s` raises the cell's time budget (training cells), and `// @grade skip` leaves the
 * cell out of grading (a demo run whose work the grader repeats itself under its own seed).
 */
export interface CellDirectives {
  budgetMs: number;
  skipInGrading: boolean;
}

export function parseDirectives(source: string): CellDirectives {
  const directives: CellDirectives = { budgetMs: CELL_BUDGET_MS, skipInGrading: false };
  for (const line of source.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    if (!trimmed.startsWith('//')) break;
    const budget = /^\/\/\s*@budget\s+(\d+(?:\.\d+)?)\s*(ms|s)?\b/.exec(trimmed);
    if (budget) {
      const ms = Number(budget[1]) * (budget[2] === 'ms' ? 1 : 1000);
      directives.budgetMs = Math.min(Math.max(ms, 1000), MAX_CELL_BUDGET_MS);
    }
    if (/^\/\/\s*@grade\s+skip\b/.test(trimmed)) directives.skipInGrading = true;
  }
  return directives;
}

/** Apply fix patches to a notebook's cells; throws when an edit does not match exactly once. */
export function applyFixes(cells: NotebookCell[], patches: FixPatch[]): NotebookCell[] {
  const result = cells.map((cell) => ({ ...cell }));
  for (const patch of patches) {
    for (const edit of patch.edits) {
      const cell = result.find((c) => c.name === edit.cell);
      if (!cell) throw new Error(`Fix edits cell "${edit.cell}", which the notebook does not have.`);
      const at = cell.source.indexOf(edit.find);
      if (at < 0 || cell.source.indexOf(edit.find, at + 1) >= 0) {
        throw new Error(`Fix text must occur exactly once in cell "${edit.cell}": ${JSON.stringify(edit.find.slice(0, 60))}`);
      }
      cell.source = cell.source.slice(0, at) + edit.replace + cell.source.slice(at + edit.find.length);
    }
  }
  return result;
}

/** Build notebooks from the raw files of the notebooks/ folder, keyed by absolute path (`/notebooks/<id>/…`). */
export function buildNotebooks(
  metas: Record<string, NotebookMeta>,
  cellFiles: Record<string, string>,
  fixFiles: Record<string, FixPatch>,
): Notebook[] {
  return Object.entries(metas)
    .map(([path, meta]) => {
      const id = path.split('/')[2];
      const cellPrefix = `/notebooks/${id}/cells/`;
      const cells = Object.entries(cellFiles)
        .filter(([file]) => file.startsWith(cellPrefix))
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([file, source]): NotebookCell => {
          const base = file.slice(cellPrefix.length);
          return { name: base.replace(/\.(md|ts)$/, ''), kind: base.endsWith('.md') ? 'markdown' : 'code', source: source.replace(/\s+$/, '') + '\n' };
        });
      const fixPrefix = `/notebooks/${id}/fixes/`;
      const fixes = Object.fromEntries(
        Object.entries(fixFiles)
          .filter(([file]) => file.startsWith(fixPrefix))
          .map(([file, patch]) => [file.slice(fixPrefix.length).replace(/\.patch\.json$/, ''), patch]),
      );
      return { ...meta, id, cells, fixes };
    })
    .sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || a.title.localeCompare(b.title));
}
