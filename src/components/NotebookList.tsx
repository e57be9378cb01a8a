import type { NotebookSummary } from '../notebook/listing';
import { notebookHref } from '../router';
import { DifficultyBadge } from './Statement';
import './notebook.css';

/** The debugging notebooks: training code that runs but does not learn. */
export function NotebookList({ notebooks }: { notebooks: NotebookSummary[] }) {
  return (
    <main className="problem-list">
      <div className="list-header">
        <div>
          <h1>Debugging notebooks</h1>
          <p className="muted">
            Training code that runs without errors and does not learn. Find the planted bugs, make it reach its target, and
            grade it — the grader checks behaviour, not your text.
          </p>
        </div>
      </div>
      <section className="track">
        <ul>
          {notebooks.map((notebook) => (
            <li key={notebook.id}>
              <a className="notebook-row" href={notebookHref(notebook.id)} data-testid="notebook-link" data-notebook-id={notebook.id}>
                <span className="notebook-row-text">
                  <span className="problem-title">{notebook.title}</span>
                  <span className="muted small">{notebook.summary}</span>
                </span>
                <DifficultyBadge difficulty={notebook.difficulty} />
                <span className="muted small minutes">
                  {notebook.bugCount} bugs · ~{notebook.estimatedMinutes} min
                </span>
              </a>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
