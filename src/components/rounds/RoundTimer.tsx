import { formatClock } from '../../rounds/roundState';

/** Under this much time left the countdown turns amber, under a minute red. */
const LOW_TIME_MS = 5 * 60_000;
const CRITICAL_TIME_MS = 60_000;

/** The always-visible countdown. `data-remaining-ms` is for tests and assistive tooling. */
export function RoundTimer({ remainingMs, ended }: { remainingMs: number; ended: boolean }) {
  const level = ended ? 'ended' : remainingMs <= CRITICAL_TIME_MS ? 'critical' : remainingMs <= LOW_TIME_MS ? 'low' : 'ok';
  return (
    <span
      className={`round-timer timer-${level}`}
      data-testid="round-timer"
      data-remaining-ms={Math.max(0, Math.round(remainingMs))}
      role="timer"
      aria-label={ended ? 'Round over' : `${formatClock(remainingMs)} left`}
    >
      {ended && remainingMs === 0 ? "Time's up" : formatClock(remainingMs)}
    </span>
  );
}
