import { useEffect, useState } from 'react';
import { roundLoadErrors, rounds } from '../../rounds/definitions';
import { attemptScore, formatClock, isEnded, remainingMs, settle, type RoundAttempt } from '../../rounds/roundState';
import { listAttempts } from '../../rounds/roundStore';
import { attemptHref, reportHref, roundStartHref } from '../../rounds/routes';
import { FORMAT_LABEL, formatDate, END_REASON_LABEL } from './labels';

/** `#/rounds`: the rounds to take, then past attempts with their reports. */
export function RoundsPage() {
  const [attempts, setAttempts] = useState<RoundAttempt[]>();

  useEffect(() => {
    let live = true;
    void listAttempts().then((found) => {
      if (live) setAttempts(found.map((attempt) => settle(attempt, Date.now())));
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <main className="rounds-page">
      <section>
        <h1>Mock rounds</h1>
        <p className="muted">
          Rehearse the real format: a fixed time box, parts that build on each other, no solutions, and a report at the end. A part
          unlocks when the one before is accepted or skipped; each hint costs points.
        </p>
        {roundLoadErrors.length > 0 && (
          <div className="banner error" role="alert">
            <span>
              {roundLoadErrors.length} round definition{roundLoadErrors.length === 1 ? '' : 's'} could not be loaded:{' '}
              {roundLoadErrors.map((e) => `${e.file}: ${e.errors.join('; ')}`).join(' · ')}
            </span>
          </div>
        )}
        <ul className="round-cards">
          {rounds.map((round) => (
            <li key={round.id} className="round-card" data-testid="round-card" data-round-id={round.id}>
              <a href={roundStartHref(round.id)}>
                <div className="round-card-head">
                  <span className="tag">{FORMAT_LABEL[round.format]}</span>
                  <span className="muted small">
                    {round.durationMinutes} min · {round.parts.length} parts
                  </span>
                </div>
                <div className="round-card-title">{round.title}</div>
                <p className="muted small">{round.description}</p>
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section>
        <h2>Past rounds</h2>
        {attempts === undefined ? (
          <p className="muted">Loading…</p>
        ) : attempts.length === 0 ? (
          <p className="muted" data-testid="no-attempts">
            No rounds yet. Pick one above; your reports will be listed here.
          </p>
        ) : (
          <table className="attempts-table">
            <thead>
              <tr>
                <th>Started</th>
                <th>Round</th>
                <th>Result</th>
                <th>Score</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {attempts.map((attempt) => {
                const score = attemptScore(attempt);
                const ended = isEnded(attempt);
                return (
                  <tr key={attempt.attemptId} data-testid="past-attempt" data-attempt-id={attempt.attemptId} data-ended={String(ended)}>
                    <td>{formatDate(attempt.startedAt)}</td>
                    <td>{attempt.title}</td>
                    <td>
                      {ended ? END_REASON_LABEL[attempt.endReason ?? 'ended'] : `running · ${formatClock(remainingMs(attempt, Date.now()))} left`}
                    </td>
                    <td>
                      {score.earned} / {score.possible}
                    </td>
                    <td>
                      {ended ? <a href={reportHref(attempt.attemptId)}>Report</a> : <a href={attemptHref(attempt.attemptId)}>Resume</a>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
