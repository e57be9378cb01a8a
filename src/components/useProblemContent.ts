import { useEffect, useState } from 'react';
import { loadProblemContent, type CatalogProblem, type ProblemSummary } from '../catalog';

export type ProblemContentState = { state: 'loading' } | { state: 'ready'; problem: CatalogProblem } | { state: 'error'; message: string };

/** A problem's full text for a page, loaded on demand (usually already prefetched from the list). */
export function useProblemContent(summary: ProblemSummary | undefined): ProblemContentState {
  const [result, setResult] = useState<{ id: string; state: ProblemContentState } | null>(null);
  useEffect(() => {
    if (!summary) return;
    let current = true;
    loadProblemContent(summary).then(
      (problem) => current && setResult({ id: summary.id, state: { state: 'ready', problem } }),
      (error: unknown) => current && setResult({ id: summary.id, state: { state: 'error', message: error instanceof Error ? error.message : String(error) } }),
    );
    return () => {
      current = false;
    };
  }, [summary]);
  return result && summary && result.id === summary.id ? result.state : { state: 'loading' };
}
