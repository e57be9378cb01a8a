import { useMemo, useState } from 'react';
import type { CatalogProblem } from '../catalog';
import { renderMarkdown } from '../markdown';
import type { ProgressState } from '../storage/db';

/** Rendered trusted markdown (our own problem files, never user input). */
function Markdown({ source, className }: { source: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  return <div className={`markdown ${className ?? ''}`} dangerouslySetInnerHTML={{ __html: html }} />;
}

export function DifficultyBadge({ difficulty }: { difficulty: string }) {
  return <span className={`badge difficulty-${difficulty}`}>{difficulty}</span>;
}

export function ProgressBadge({ state }: { state: ProgressState }) {
  const label = state === 'solved' ? '✓ solved' : state === 'attempted' ? 'attempted' : 'new';
  return (
    <span className={`badge progress-${state}`} data-progress={state}>
      {label}
    </span>
  );
}

/** Statements open with `# Title`; the header above already shows it. */
function withoutLeadingTitle(markdown: string): string {
  return markdown.replace(/^\s*#\s[^\n]*\n/, '');
}

/** Hints revealed by the caller (a mock round charges points for each) instead of by the statement itself. */
export interface ControlledHints {
  shown: number;
  onShowNext(): void;
  /** Points the next hint costs, shown on the button. */
  cost?: number;
  /** False once hints can no longer be taken (the round ended or the part is closed). */
  enabled?: boolean;
}

interface StatementProps {
  problem: CatalogProblem;
  /** Practice progress badge; left out in a mock round. */
  progress?: ProgressState;
  hints?: ControlledHints;
  /** Mock rounds hide the editorial: no peeking. */
  hideSolution?: boolean;
  /** The editorial was revealed before (asks no confirmation again). */
  solutionViewed?: boolean;
  /** Called when the user reveals the editorial, to record "solution viewed". */
  onSolutionShown?(): void;
}

export function Statement({ problem, progress, hints: controlled, hideSolution, solutionViewed, onSolutionShown }: StatementProps) {
  const [ownHintsShown, setOwnHintsShown] = useState(0);
  const [solutionShown, setSolutionShown] = useState(false);
  const hintsShown = controlled ? controlled.shown : ownHintsShown;
  const showNextHint = controlled ? controlled.onShowNext : () => setOwnHintsShown(ownHintsShown + 1);

  return (
    <article className="statement">
      <header className="statement-header">
        <div className="muted small">{problem.trackTitle}</div>
        <h1>{problem.title}</h1>
        <div className="meta-row">
          <DifficultyBadge difficulty={problem.difficulty} />
          <span className="muted small">~{problem.estimatedMinutes} min</span>
          {progress && <ProgressBadge state={progress} />}
          {problem.tags.map((tag) => (
            <span key={tag} className="tag">
              {tag}
            </span>
          ))}
        </div>
      </header>

      <Markdown source={withoutLeadingTitle(problem.statement)} />

      {problem.hints.length > 0 && (
        <section className="hints">
          <h2>Hints</h2>
          {problem.hints.slice(0, hintsShown).map((hint, index) => (
            <div key={index} className="hint">
              <div className="hint-label">Hint {index + 1}</div>
              <Markdown source={hint} />
            </div>
          ))}
          {hintsShown < problem.hints.length && (
            <button
              type="button"
              className="secondary"
              data-testid="show-hint"
              disabled={controlled?.enabled === false}
              onClick={showNextHint}
            >
              {hintsShown === 0 ? 'Show a hint' : 'Show the next hint'} ({hintsShown + 1} of {problem.hints.length})
              {controlled?.cost !== undefined && ` · costs ${controlled.cost} point${controlled.cost === 1 ? '' : 's'}`}
            </button>
          )}
        </section>
      )}

      {problem.solution && !hideSolution && (
        <section className="solution">
          {solutionShown ? (
            <>
              <h2>Solution</h2>
              <Markdown source={problem.solution} />
            </>
          ) : (
            <button
              type="button"
              className="secondary"
              data-testid="show-solution"
              onClick={() => {
                if (solutionViewed || progress === 'solved' || window.confirm('Show the worked solution? Try the hints first.')) {
                  setSolutionShown(true);
                  onSolutionShown?.();
                }
              }}
            >
              Show solution
            </button>
          )}
        </section>
      )}
    </article>
  );
}
