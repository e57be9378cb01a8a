import { useEffect, useState } from 'react';
import { attemptScore, formatDuration, isEnded, partReports, settle, type PartReport, type RoundAttempt } from '../../rounds/roundState';
import { loadAttempt, saveAttempt } from '../../rounds/roundStore';
import { problemHref } from '../../router';
import { notebookHref } from '../../rounds/content';
import { attemptHref, roundStartHref, roundsHref } from '../../rounds/routes';
import { END_REASON_LABEL, formatDate } from './labels';
import { AttemptNotStored } from './AttemptNotStored';

const VERDICT_LABEL: Record<string, string> = {
  accepted: 'accepted',
  'wrong-answer': 'wrong answer',
  'runtime-error': 'runtime error',
  'time-limit': 'time limit',
  'compile-error': 'compile error',
  'internal-error': 'internal error',
  'self-reported': 'marked fixed',
};

/** `#/rounds/report/<attemptId>`: per part time, submissions, verdicts, hints and final code, and the score. */
export function RoundReportPage({ attemptId }: { attemptId: string }) {
  const [attempt, setAttempt] = useState<RoundAttempt | null>();

  useEffect(() => {
    let live = true;
    void loadAttempt(attemptId).then((stored) => {
      if (!live) return;
      if (!stored) return setAttempt(null);
      // A round whose clock ran out while nobody watched ends here, at its deadline.
      const settled = settle(stored, Date.now());
      if (settled !== stored) void saveAttempt(settled);
      setAttempt(settled);
    });
    return () => {
      live = false;
    };
  }, [attemptId]);

  useEffect(() => {
    if (attempt) document.title = `Report: ${attempt.title} · TensorDojo`;
  }, [attempt]);

  if (attempt === undefined) return <main className="rounds-page muted">Loading the report…</main>;
  if (attempt === null) return <AttemptNotStored />;

  const ended = isEnded(attempt);
  const score = attemptScore(attempt);
  const reports = partReports(attempt, Date.now());
  const used = (attempt.endedAt ?? Date.now()) - attempt.startedAt;

  return (
    <main className="rounds-page round-report" data-testid="round-report" data-ended={String(ended)}>
      <a href={roundsHref()} className="small">
        ← All rounds
      </a>
      <h1>Report: {attempt.title}</h1>
      <div className="meta-row">
        <span className="muted">{formatDate(attempt.startedAt)}</span>
        <span className="tag">{ended ? END_REASON_LABEL[attempt.endReason ?? 'ended'] : 'still running'}</span>
        <span className="muted">
          used {formatDuration(Math.min(used, attempt.durationMs))} of {formatDuration(attempt.durationMs)}
        </span>
      </div>
      {!ended && (
        <div className="banner info" role="status">
          <span>
            This round is still running. <a href={attemptHref(attempt.attemptId)}>Go back to it</a>.
          </span>
        </div>
      )}
      <div className="round-score" data-testid="round-score" data-earned={score.earned} data-possible={score.possible}>
        <span className="round-score-value">
          {score.earned} / {score.possible}
        </span>
        <span className="muted"> points</span>
      </div>

      <ol className="report-parts">
        {reports.map((report) => (
          <ReportPart key={report.index} report={report} ended={ended} />
        ))}
      </ol>
      <p>
        <a href={roundStartHref(attempt.roundId)}>Take this round again</a>
      </p>
    </main>
  );
}

function ReportPart({ report, ended }: { report: PartReport; ended: boolean }) {
  const stateLabel =
    report.state === 'open' ? (ended ? 'not finished' : 'in progress') : report.state === 'locked' ? 'not reached' : report.state;
  return (
    <li className={`report-part state-${report.state}`} data-testid="report-part" data-part-index={report.index} data-state={report.state}>
      <div className="report-part-head">
        <strong>
          Part {report.index + 1}: {report.title}
        </strong>
        <span className="tag">{stateLabel}</span>
        <span className="report-points" data-testid="report-points" data-earned={report.earned}>
          {report.earned} / {report.points} pts
        </span>
      </div>
      <dl className="report-facts">
        <div>
          <dt>time</dt>
          <dd data-testid="report-time" data-ms={report.timeMs}>
            {formatDuration(report.timeMs)}
          </dd>
        </div>
        <div>
          <dt>submissions</dt>
          <dd data-testid="report-submissions" data-runs={report.runs} data-submits={report.submits}>
            {report.submits} submit{report.submits === 1 ? '' : 's'}, {report.runs} run{report.runs === 1 ? '' : 's'}
          </dd>
        </div>
        <div>
          <dt>hints</dt>
          <dd data-testid="report-hints" data-hints={report.hintsUsed}>
            {report.hintsUsed}
            {report.hintsUsed > 0 && ` (−${report.hintsUsed * report.hintCost} pts)`}
          </dd>
        </div>
        <div>
          <dt>verdicts</dt>
          <dd data-testid="report-verdicts">
            {report.verdicts.length === 0
              ? '—'
              : report.verdicts.map((v, i) => (
                  <span key={i} className={`verdict-chip status-${v.status}`} data-status={v.status} title={new Date(v.at).toLocaleTimeString()}>
                    {v.mode === 'run' ? 'run' : 'submit'}: {VERDICT_LABEL[v.status] ?? v.status}
                  </span>
                ))}
          </dd>
        </div>
      </dl>
      {ended && (
        <p className="small report-review">
          {report.kind === 'problem' ? (
            <a href={problemHref(report.ref)}>Review this problem: hints and the worked solution are open again</a>
          ) : (
            <a href={notebookHref(report.ref)}>Review this notebook</a>
          )}
        </p>
      )}
      {report.kind === 'problem' && (
        <details className="report-code" open={report.state === 'accepted' || report.state === 'open'}>
          <summary>Final code</summary>
          {report.code ? <pre data-testid="report-code">{report.code}</pre> : <p className="muted small">No code was written for this part.</p>}
        </details>
      )}
    </li>
  );
}
