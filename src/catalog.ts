/**
 * The problem catalog as the UI sees it: pure data read from the problem folders at build time.
 * The main chunk holds only the index (each meta.json); a problem's statement, starter, hints and
 * editorial are one chunk of their own, loaded when its page opens. It never imports a problem's
 * code (that would pull tfjs onto the main thread); the runner worker loads `problem.ts` itself.
 * Adding a folder under problems/ adds a problem, with no change here.
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

/** What the lists, #/tracks and #/progress need: the catalog index, in the main chunk. */
export interface ProblemSummary extends ProblemMeta {
  /** `<track>/<id>`, the folder path under problems/. */
  id: string;
  track: string;
  trackTitle: string;
}

/** A problem's page text, loaded on demand (one chunk per problem, scripts/contentChunksPlugin.ts). */
export interface ProblemContent {
  statement: string;
  starter: string;
  /** Hints in the order they are revealed; `hints.md` separates them with lines of `---`. */
  hints: string[];
  /** Editorial solution in markdown, when the folder has `solution.md`. */
  solution?: string;
}

export type CatalogProblem = ProblemSummary & ProblemContent;

interface ContentFiles {
  statement?: string;
  starter?: string;
  hints?: string;
  solution?: string;
}

const metas = import.meta.glob<ProblemMeta>('/problems/*/*/meta.json', { eager: true, import: 'default' });
const tracks = import.meta.glob<TrackMeta>('/problems/*/track.json', { eager: true, import: 'default' });
// Not eager: each problem's text is its own chunk, fetched when its page opens or its link is hovered.
const contentFiles = import.meta.glob<ContentFiles>('/problems/*/*/statement.md', { query: '?problem-content', import: 'default' });

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

function buildCatalog(): ProblemSummary[] {
  return Object.entries(metas)
    .map(([path, meta]) => {
      const id = folderOf(path);
      const track = id.split('/')[0];
      return { ...meta, id, track, trackTitle: trackTitle(track) };
    })
    .sort(
      (a, b) =>
        (tracks[`/problems/${a.track}/track.json`]?.order ?? 99) - (tracks[`/problems/${b.track}/track.json`]?.order ?? 99) ||
        (a.order ?? 99) - (b.order ?? 99) ||
        a.title.localeCompare(b.title),
    );
}

export const catalog: ProblemSummary[] = buildCatalog();

export function findProblem(id: string): ProblemSummary | undefined {
  return catalog.find((problem) => problem.id === id);
}

export class ProblemContentError extends Error {
  constructor(id: string, cause: unknown) {
    super(`The text of problem "${id}" could not be loaded (${cause instanceof Error ? cause.message : String(cause)}). Check the connection and reload; your draft is kept.`);
    this.name = 'ProblemContentError';
  }
}

const loaded = new Map<string, Promise<CatalogProblem>>();

/**
 * The problem's statement, starter, hints and editorial with its index entry. Loaded once and
 * kept; a failed load is forgotten so that the next attempt (a reload, a hover) tries again.
 */
export function loadProblemContent(summary: ProblemSummary): Promise<CatalogProblem> {
  const cached = loaded.get(summary.id);
  if (cached) return cached;
  const load = contentFiles[`/problems/${summary.id}/statement.md`];
  const promise = (load ? load() : Promise.resolve({} as ContentFiles)).then(
    (files): CatalogProblem => ({
      ...summary,
      statement: files.statement ?? '',
      starter: files.starter ?? '',
      hints: splitHints(files.hints),
      solution: files.solution,
    }),
    (error: unknown) => {
      loaded.delete(summary.id);
      throw new ProblemContentError(summary.id, error);
    },
  );
  loaded.set(summary.id, promise);
  return promise;
}

/** Starts loading a problem's text ahead of a click (hover or focus on its link); errors wait for the page. */
export function prefetchProblemContent(id: string): void {
  const summary = findProblem(id);
  if (summary) loadProblemContent(summary).catch(() => undefined);
}
