import { useMemo, useState } from 'react';
import { prefetchProblemContent, type ProblemSummary, type Difficulty } from '../catalog';
import { problemHref } from '../router';
import { solutionViewed, statusOf, type ProblemRecords } from '../storage/stats';
import { DifficultyBadge, ProgressBadge } from './Statement';
import { useProblemRecords } from './useProblemRecords';

interface ProblemListProps {
  problems: ProblemSummary[];
  /** Track to filter by when the list opens (`#/?track=…`). */
  initialTrack?: string;
}

type DifficultyFilter = Difficulty | 'all';
/** `solution-viewed` matches any problem whose editorial was revealed, solved or not. */
type StatusFilter = 'all' | 'new' | 'attempted' | 'solved' | 'solution-viewed';

/** Before the records load, every problem reads as new (a stable object, so memos hold). */
const NO_RECORDS: Record<string, ProblemRecords> = {};

export function ProblemList({ problems, initialTrack }: ProblemListProps) {
  const [query, setQuery] = useState('');
  const [difficulty, setDifficulty] = useState<DifficultyFilter>('all');
  const [track, setTrack] = useState<string>(() => (initialTrack && problems.some((p) => p.track === initialTrack) ? initialTrack : 'all'));
  const [status, setStatus] = useState<StatusFilter>('all');
  const records = useProblemRecords() ?? NO_RECORDS;

  const trackOptions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const p of problems) if (!seen.has(p.track)) seen.set(p.track, p.trackTitle);
    return [...seen.entries()];
  }, [problems]);

  const groups = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const visible = problems.filter(
      (p) =>
        (difficulty === 'all' || p.difficulty === difficulty) &&
        (track === 'all' || p.track === track) &&
        (status === 'all' ||
          (status === 'solution-viewed' ? solutionViewed(records[p.id]) : statusOf(records[p.id]) === status)) &&
        (!needle || p.title.toLowerCase().includes(needle) || p.tags.some((tag) => tag.toLowerCase().includes(needle))),
    );
    const byTrack = new Map<string, { title: string; problems: ProblemSummary[] }>();
    for (const problem of visible) {
      const group = byTrack.get(problem.track) ?? { title: problem.trackTitle, problems: [] };
      group.problems.push(problem);
      byTrack.set(problem.track, group);
    }
    return [...byTrack.entries()];
  }, [problems, query, difficulty, track, status, records]);

  const solvedCount = problems.filter((p) => statusOf(records[p.id]) === 'solved').length;

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
          <select aria-label="Track" data-testid="track-filter" value={track} onChange={(event) => setTrack(event.target.value)}>
            <option value="all">All tracks</option>
            {trackOptions.map(([id, title]) => (
              <option key={id} value={id}>
                {title}
              </option>
            ))}
          </select>
          <select
            aria-label="Status"
            data-testid="status-filter"
            value={status}
            onChange={(event) => setStatus(event.target.value as StatusFilter)}
          >
            <option value="all">Any status</option>
            <option value="new">New</option>
            <option value="attempted">Attempted</option>
            <option value="solved">Solved</option>
            <option value="solution-viewed">Solution viewed</option>
          </select>
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
              const state = statusOf(records[problem.id]);
              const viewed = solutionViewed(records[problem.id]);
              return (
                <li key={problem.id}>
                  <a
                    className="problem-row"
                    href={problemHref(problem.id)}
                    data-testid="problem-link"
                    data-problem-id={problem.id}
                    data-progress={state}
                    data-solution-viewed={viewed ? 'true' : undefined}
                    onPointerEnter={() => prefetchProblemContent(problem.id)}
                    onFocus={() => prefetchProblemContent(problem.id)}
                  >
                    <span className={`status-dot progress-${state}`} aria-hidden="true" />
                    <span className="problem-title">
                      {problem.title}
                      {viewed && (
                        <span className="badge solution-viewed" title="You revealed the editorial solution">
                          solution viewed
                        </span>
                      )}
                    </span>
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
