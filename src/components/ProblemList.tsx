import { useEffect, useMemo, useState } from 'react';
import type { CatalogProblem, Difficulty } from '../catalog';
import { problemHref } from '../router';
import { loadAllProgress, progressState, type Progress } from '../storage/db';
import { DifficultyBadge, ProgressBadge } from './Statement';

interface ProblemListProps {
  problems: CatalogProblem[];
}

type DifficultyFilter = Difficulty | 'all';

export function ProblemList({ problems }: ProblemListProps) {
  const [query, setQuery] = useState('');
  const [difficulty, setDifficulty] = useState<DifficultyFilter>('all');
  const [progress, setProgress] = useState<Record<string, Progress | undefined>>({});

  useEffect(() => {
    let live = true;
    loadAllProgress(problems.map((p) => p.id)).then((loaded) => {
      if (live) setProgress(loaded);
    });
    return () => {
      live = false;
    };
  }, [problems]);

  const groups = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const visible = problems.filter(
      (p) =>
        (difficulty === 'all' || p.difficulty === difficulty) &&
        (!needle || p.title.toLowerCase().includes(needle) || p.tags.some((tag) => tag.toLowerCase().includes(needle))),
    );
    const byTrack = new Map<string, { title: string; problems: CatalogProblem[] }>();
    for (const problem of visible) {
      const group = byTrack.get(problem.track) ?? { title: problem.trackTitle, problems: [] };
      group.problems.push(problem);
      byTrack.set(problem.track, group);
    }
    return [...byTrack.entries()];
  }, [problems, query, difficulty]);

  const solvedCount = problems.filter((p) => progress[p.id]?.solved).length;

  return (
    <main className="problem-list">
      <div className="list-header">
        <div>
          <h1>Problems</h1>
          <p className="muted">
            Implement ML building blocks in TypeScript with TensorFlow.js — judged in your browser. {solvedCount} of{' '}
            {problems.length} solved.
          </p>
        </div>
        <div className="filters">
          <input
            type="search"
            placeholder="Search by title or tag"
            aria-label="Search problems"
            data-testid="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
          <select
            aria-label="Difficulty"
            data-testid="difficulty-filter"
            value={difficulty}
            onChange={(event) => setDifficulty(event.target.value as DifficultyFilter)}
          >
            <option value="all">All difficulties</option>
            <option value="easy">Easy</option>
            <option value="medium">Medium</option>
            <option value="hard">Hard</option>
          </select>
        </div>
      </div>

      {problems.length === 0 && <p className="muted">No problems are installed yet.</p>}
      {problems.length > 0 && groups.length === 0 && <p className="muted">No problem matches these filters.</p>}

      {groups.map(([track, group]) => (
        <section key={track} className="track">
          <h2>{group.title}</h2>
          <ul>
            {group.problems.map((problem) => {
              const state = progressState(progress[problem.id]);
              return (
                <li key={problem.id}>
                  <a
                    className="problem-row"
                    href={problemHref(problem.id)}
                    data-testid="problem-link"
                    data-problem-id={problem.id}
                    data-progress={state}
                  >
                    <span className={`status-dot progress-${state}`} aria-hidden="true" />
                    <span className="problem-title">{problem.title}</span>
                    <span className="problem-tags">
                      {problem.tags.map((tag) => (
                        <span key={tag} className="tag">
                          {tag}
                        </span>
                      ))}
                    </span>
                    <DifficultyBadge difficulty={problem.difficulty} />
                    <span className="muted small minutes">~{problem.estimatedMinutes} min</span>
                    <ProgressBadge state={state} />
                  </a>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </main>
  );
}
