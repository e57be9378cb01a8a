import { useEffect, useState } from 'react';
import type { Notebook } from '../notebook/format';
import { loadNotebook, type NotebookSummary } from '../notebook/listing';
import type { BackendChoice } from '../shared/protocol';
import { NotebookPage } from './NotebookPage';

/** A notebook's page once its cells (a chunk of their own) have arrived. */
export function NotebookRoute({ summary, backendChoice, roundAttemptId }: { summary: NotebookSummary; backendChoice: BackendChoice; roundAttemptId?: string }) {
  const [loaded, setLoaded] = useState<{ id: string; notebook?: Notebook; error?: string }>();
  useEffect(() => {
    let current = true;
    loadNotebook(summary.id).then(
      (notebook) => current && setLoaded({ id: summary.id, notebook }),
      (error: unknown) => current && setLoaded({ id: summary.id, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [summary.id]);
  const mine = loaded?.id === summary.id ? loaded : undefined;
  if (mine?.notebook) return <NotebookPage notebook={mine.notebook} backendChoice={backendChoice} roundAttemptId={roundAttemptId} />;
  if (mine?.error) {
    return (
      <div className="banner error page-banner" role="alert" data-testid="error-banner">
        {mine.error}
      </div>
    );
  }
  return (
    <main className="notebook-page" aria-busy="true" data-testid="notebook-loading">
      <p className="muted">Loading {summary.title}…</p>
    </main>
  );
}
