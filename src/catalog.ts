/**
 * The problem catalog as the UI sees it: pure data read from the problem folders at build time.
 * It never imports a problem's code (that would pull tfjs onto the main thread); the runner worker
 * loads `problem.ts` itself. Adding a folder under problems/ adds a problem, with no change here.
 */

export type Difficulty = 'easy' | 'medium' | 'hard';

/** `problems/<track>/<id>/meta.json`. */
export interface ProblemMeta {
  title: string;
  difficulty: Difficulty;
  tags: string[];
  estimatedMinutes: number;
  /** Position within its track; lower first. */
  order?: number;
  /** Time budget for the user's code per Run/Submit when the default 10 s is too short (training loops). */
  timeLimitSeconds?: number;
}

/** `problems/<track>/track.json`. */
export interface TrackMeta {
  title: string;
  order: number;
}

export interface CatalogProblem extends ProblemMeta {
  /** `<track>/<id>`, the folder path under problems/. */
  id: string;
  track: string;
  trackTitle: string;
  statement: string;
  starter: string;
  /** Hints in the order they are revealed; `hints.md` separates them with lines of `---`. */
  hints: string[];
  /** Editorial solution in markdown, when the folder has `solution.md`. */
  solution?: string;
}

const metas = import.meta.glob<ProblemMeta>('/problems/*/*/meta.json', { eager: true, import: 'default' });
const tracks = import.meta.glob<TrackMeta>('/problems/*/track.json', { eager: true, import: 'default' });
const statements = rawFiles(import.meta.glob('/problems/*/*/statement.md', { eager: true, query: '?raw', import: 'default' }));
const starters = rawFiles(import.meta.glob('/problems/*/*/starter.ts', { eager: true, query: '?raw', import: 'default' }));
const hintFiles = rawFiles(import.meta.glob('/problems/*/*/hints.md', { eager: true, query: '?raw', import: 'default' }));
const solutions = rawFiles(import.meta.glob('/problems/*/*/solution.md', { eager: true, query: '?raw', import: 'default' }));

function rawFiles(files: Record<string, unknown>): Record<string, string> {
  return files as Record<string, string>;
}

/** `/problems/attention/scaled-dot-product/meta.json` → `attention/scaled-dot-product`. */
function folderOf(path: string): string {
  return path.replace(/^\/problems\//, '').replace(/\/[^/]+$/, '');
}

export function splitHints(markdown: string | undefined): string[] {
  if (!markdown) return [];
  return markdown
    .split(/^---\s*$/m)
    .map((part) => part.trim())
    .filter(Boolean);
}

export function trackTitle(track: string): string {
  return tracks[`/problems/${track}/track.json`]?.title ?? track;
}

function buildCatalog(): CatalogProblem[] {
  return Object.entries(metas)
    .map(([path, meta]) => {
      const id = folderOf(path);
      const base = `/problems/${id}/`;
      const track = id.split('/')[0];
      return {
        ...meta,
        id,
        track,
        trackTitle: trackTitle(track),
        statement: statements[`${base}statement.md`] ?? '',
        starter: starters[`${base}starter.ts`] ?? '',
        hints: splitHints(hintFiles[`${base}hints.md`]),
        solution: solutions[`${base}solution.md`],
      };
    })
    .sort(
      (a, b) =>
        (tracks[`/problems/${a.track}/track.json`]?.order ?? 99) - (tracks[`/problems/${b.track}/track.json`]?.order ?? 99) ||
        (a.order ?? 99) - (b.order ?? 99) ||
        a.title.localeCompare(b.title),
    );
}

export const catalog: CatalogProblem[] = buildCatalog();

export function findProblem(id: string): CatalogProblem | undefined {
  return catalog.find((problem) => problem.id === id);
}
