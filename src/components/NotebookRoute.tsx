import { loadNotebook, type NotebookSummary } from '../notebook/listing';
import type { BackendChoice } from '../shared/protocol';
import { NotebookPage } from './NotebookPage';
import { useLoaded } from './useLoaded';

/** A notebook's page once its cells (a chunk of their own) have arrived. */
export function NotebookRoute({ summary, backendChoice, roundAttemptId }: { summary: NotebookSummary; backendChoice: BackendChoice; roundAttemptId?: string }) {
  const loaded = useLoaded(summary.id, () => loadNotebook(summary.id));
  if (loaded.state === 'ready') return <NotebookPage notebook={loaded.value} backendChoice={backendChoice} roundAttemptId={roundAttemptId} />;
  if (loaded.state === 'error') {
    return (
      <div className="banner error page-banner" role="alert" data-testid="error-banner">
        {loaded.message}
      </div>
    );
  }
  return (
    <main className="notebook-page" aria-busy="true" data-testid="notebook-loading">
      <p className="muted">Loading {summary.title}…</p>
    </main>
  );
}
