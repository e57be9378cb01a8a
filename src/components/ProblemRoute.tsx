import { useEffect } from 'react';
import type { ProblemSummary } from '../catalog';
import { loadMonaco } from './CodeEditor';
import { ProblemPage, type ProblemPageProps } from './ProblemPage';
import { useProblemContent } from './useProblemContent';

/**
 * A problem's page once its text has arrived (a chunk of its own). Monaco starts loading at the
 * same time, so the editor does not wait for the text and the text does not wait for the editor.
 */
export function ProblemRoute({ summary, ...pageProps }: Omit<ProblemPageProps, 'problem'> & { summary: ProblemSummary }) {
  const content = useProblemContent(summary);
  useEffect(() => {
    loadMonaco().catch(() => undefined);
  }, []);
  if (content.state === 'ready') return <ProblemPage problem={content.value} {...pageProps} />;
  if (content.state === 'error') {
    return (
      <div className="banner error page-banner" role="alert" data-testid="error-banner">
        {content.message}
      </div>
    );
  }
  return (
    <main className="problem-page" aria-busy="true" data-testid="problem-loading">
      <p className="muted">Loading {summary.title}…</p>
    </main>
  );
}
