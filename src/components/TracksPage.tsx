import { useMemo } from 'react';
import type { ProblemSummary } from '../catalog';
import { useProblemRecords } from './useProblemRecords';
import { trackProgress } from '../storage/stats';

/** `#/tracks`: one card per track with its solved count; each opens the list filtered to it. */
export function TracksPage({ problems }: { problems: ProblemSummary[] }) {
  const records = useProblemRecords();

  const tracks = useMemo(() => trackProgress(problems, records ?? {}), [problems, records]);

  return (
    <main className="tracks-page" data-testid="tracks-page" data-loaded={records ? 'true' : 'false'}>
      <h1>Tracks</h1>
      <ul className="track-cards">
        {tracks.map((track) => (
          <li key={track.track}>
            <a
              className="track-card"
              href={`#/?track=${encodeURIComponent(track.track)}`}
              data-testid="track-progress"
              data-track={track.track}
              data-solved={track.solved}
              data-total={track.total}
            >
              <span className="track-card-title">{track.title}</span>
              <span className="muted small">
                {track.solved} of {track.total} solved
              </span>
              <ProgressBar value={track.solved} total={track.total} />
            </a>
          </li>
        ))}
      </ul>
    </main>
  );
}

export function ProgressBar({ value, total }: { value: number; total: number }) {
  const percent = total ? Math.round((100 * value) / total) : 0;
  return (
    <span className="progress-bar" role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={value}>
      <span className="progress-bar-fill" style={{ width: `${percent}%` }} />
    </span>
  );
}
