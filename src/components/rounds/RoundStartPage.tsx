import { useEffect, useState } from 'react';
import { findRound } from '../../rounds/definitions';
import { resolveDefinitionPart, partTitle } from '../../rounds/content';
import { createAttempt, formatClock, isEnded, remainingMs, settle, type RoundAttempt } from '../../rounds/roundState';
import { listAttempts, saveAttempt } from '../../rounds/roundStore';
import { attemptHref, roundsHref } from '../../rounds/routes';
import { FORMAT_LABEL } from './labels';

interface RoundStartPageProps {
  roundId: string;
  /** Test-only override of the time box, from `?duration=<seconds>`. */
  durationSeconds?: number;
}

/** `#/rounds/<id>`: what the round is, its parts, and the button that starts the clock. */
export function RoundStartPage({ roundId, durationSeconds }: RoundStartPageProps) {
  const round = findRound(roundId);
  const [running, setRunning] = useState<RoundAttempt[]>([]);
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    let live = true;
    void listAttempts().then((all) => {
      if (!live) return;
      const now = Date.now();
      setRunning(all.filter((a) => a.roundId === roundId).map((a) => settle(a, now)).filter((a) => !isEnded(a)));
    });
    return () => {
      live = false;
    };
  }, [roundId]);

  if (!round) {
    return (
      <main className="rounds-page">
        <div className="banner error page-banner" role="alert" data-testid="error-banner">
          There is no round called "{roundId}". <a href={roundsHref()}>See all rounds</a>.
        </div>
      </main>
    );
  }

  const durationMs = durationSeconds !== undefined ? durationSeconds * 1000 : round.durationMinutes * 60_000;

  const start = async () => {
    setStarting(true);
    const attempt = createAttempt(round, { now: Date.now(), durationMs, titleOf: partTitle });
    // Stored before the page changes, so the round page (and a reload) finds it.
    await saveAttempt(attempt);
    location.hash = attemptHref(attempt.attemptId);
  };

  return (
    <main className="rounds-page round-start" data-testid="round-start">
      <a href={roundsHref()} className="small">
        ← All rounds
      </a>
      <h1>{round.title}</h1>
      <div className="meta-row">
        <span className="tag">{FORMAT_LABEL[round.format]}</span>
        <span className="muted">
          {formatClock(durationMs)} time box{durationSeconds !== undefined && ' (test override)'}
        </span>
      </div>
      <p>{round.description}</p>
      <h2>Parts</h2>
      <ol className="start-parts">
        {round.parts.map((part, index) => {
          const resolved = resolveDefinitionPart(part);
          const available = resolved.kind === 'problem' ? resolved.problem !== undefined : resolved.notebook !== undefined;
          const id = resolved.id;
          return (
            <li key={index}>
              <strong>{partTitle(part.kind, id)}</strong>{' '}
              <span className="muted small">
                {part.kind === 'notebook' ? 'debugging notebook' : 'problem'} · {part.points} points
              </span>
              {!available && <span className="tag unavailable">not available yet</span>}
            </li>
          );
        })}
      </ol>
      <ul className="muted small rules">
        <li>The clock starts when you press Start and keeps running if you leave the page; come back to resume.</li>
        <li>A part unlocks when the one before is accepted on Submit, or when you skip it (a skipped part scores nothing).</li>
        <li>Hints are there, but each one costs points. Solutions are hidden until the round is over.</li>
        <li>At zero the editor locks and the round ends. Your report lists time, submissions, verdicts, hints and code per part.</li>
      </ul>
      <div className="start-actions">
        <button type="button" className="primary" data-testid="start-round" onClick={() => void start()} disabled={starting}>
          Start the round
        </button>
        {running.map((attempt) => (
          <a key={attempt.attemptId} href={attemptHref(attempt.attemptId)} className="button-link" data-testid="resume-round">
            Resume the running attempt ({formatClock(remainingMs(attempt, Date.now()))} left)
          </a>
        ))}
      </div>
    </main>
  );
}
