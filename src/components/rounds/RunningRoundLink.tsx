import { useEffect, useState } from 'react';
import { formatClock, isEnded, remainingMs, settle, type RoundAttempt } from '../../rounds/roundState';
import { listAttempts } from '../../rounds/roundStore';
import { attemptHref } from '../../rounds/routes';

/** How often the header's countdown re-reads the clock. */
const TICK_MS = 1_000;

/**
 * A link back to the round that is still running, for the app header: the clock keeps going while
 * the user is elsewhere in the app, so the way back (and the time left) stays in view. Re-read
 * from storage whenever `hash` changes; hidden on the round's own page.
 */
export function RunningRoundLink({ hash }: { hash: string }) {
  const [running, setRunning] = useState<RoundAttempt>();
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    let live = true;
    void listAttempts().then((all) => {
      if (!live) return;
      const t = Date.now();
      setRunning(all.map((attempt) => settle(attempt, t)).find((attempt) => !isEnded(attempt)));
    });
    return () => {
      live = false;
    };
  }, [hash]);

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [running]);

  if (!running || hash.startsWith(attemptHref(running.attemptId))) return null;
  const left = remainingMs(running, now);
  if (left <= 0) return null;
  return (
    <a className="running-round-link" href={attemptHref(running.attemptId)} data-testid="running-round" title={`Back to ${running.title}`}>
      Round running · {formatClock(left)} left
    </a>
  );
}
