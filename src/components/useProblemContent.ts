import { loadProblemContent, type CatalogProblem, type ProblemSummary } from '../catalog';
import { useLoaded, type Loaded } from './useLoaded';

/** A problem's full text for a page, loaded on demand (usually already prefetched from the list). */
export function useProblemContent(summary: ProblemSummary | undefined): Loaded<CatalogProblem> {
  return useLoaded(summary?.id, () => loadProblemContent(summary!));
}
