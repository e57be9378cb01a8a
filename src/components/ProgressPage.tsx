import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { loadProblemContent, type ProblemSummary } from '../catalog';
import { problemHref } from '../router';
import { buildExport, exportFileName, importInto, ImportError, type ImportSummary } from '../storage/exportImport';
import { idbKvStore, loadAllRecords, startFreshAttempt, type AllRecords } from '../storage/history';
import {
  formatDuration,
  practiceTime,
  practiseAgain,
  streakDays,
  trackProgress,
  weakestTracks,
} from '../storage/stats';
import { ProgressBar } from './TracksPage';

/** `#/progress`: solved per track, streak, time practised, weakest tracks, practise-again queue, export/import. */
export function ProgressPage({ problems }: { problems: ProblemSummary[] }) {
  const [all, setAll] = useState<AllRecords>();
  const [now] = useState(() => Date.now());
  const [importError, setImportError] = useState<string>();
  const [imported, setImported] = useState<ImportSummary>();
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);

  const reload = useCallback(async () => {
    setAll(await loadAllRecords());
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  const stats = useMemo(() => {
    if (!all) return undefined;
    const tracks = trackProgress(problems, all.problems);
    const known = new Set(problems.map((p) => p.id));
    const submissions = Object.entries(all.problems)
      .filter(([id]) => known.has(id))
      .flatMap(([, r]) => r.submissions);
    return {
      tracks,
      weakest: weakestTracks(tracks),
      // solvedAt also counts: solves recorded before submission histories existed have only that.
      streak: streakDays(
        [
          ...submissions,
          ...Object.values(all.problems).flatMap((r) =>
            r.progress?.solvedAt ? [{ at: r.progress.solvedAt, mode: 'submit', status: 'accepted', passed: 0, total: 0, backend: 'cpu' } as const] : [],
          ),
        ],
        now,
      ),
      time: practiceTime(all.activity, now),
      queue: practiseAgain(problems, all.problems, now),
      solved: tracks.reduce((n, t) => n + t.solved, 0),
      submits: submissions.filter((s) => s.mode === 'submit').length,
    };
  }, [all, problems, now]);

  const exportAll = async () => {
    const envelope = await buildExport(idbKvStore);
    const blob = new Blob([JSON.stringify(envelope, null, 1)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = exportFileName();
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setImportError(undefined);
    setImported(undefined);
    try {
      const summary = await importInto(idbKvStore, await file.text());
      setImported(summary);
      await reload();
    } catch (error) {
      setImportError(
        error instanceof ImportError
          ? error.message
          : `The file could not be imported: ${error instanceof Error ? error.message : String(error)}. Nothing was imported.`,
      );
    } finally {
      setBusy(false);
      if (fileRef.current) fileRef.current.value = '';
    }
  };

  const practise = async (summary: ProblemSummary) => {
    const problem = await loadProblemContent(summary);
    await startFreshAttempt(problem.id, problem.starter);
    location.hash = problemHref(problem.id);
  };

  return (
    <main className="progress-page" data-testid="progress-page" data-loaded={all ? 'true' : 'false'}>
      <h1>Progress</h1>
      {stats && (
        <>
          <section className="stat-cards">
            <div className="stat-card" data-testid="stat-solved">
              <span className="stat-value">
                {stats.solved}/{problems.length}
              </span>
              <span className="muted small">problems solved</span>
            </div>
            <div className="stat-card" data-testid="streak" data-days={stats.streak}>
              <span className="stat-value">{stats.streak}</span>
              <span className="muted small">day streak (accepted submissions)</span>
            </div>
            <div className="stat-card" data-testid="time-practised" data-ms={stats.time.totalMs}>
              <span className="stat-value">{formatDuration(stats.time.totalMs)}</span>
              <span className="muted small">practised · {formatDuration(stats.time.last7DaysMs)} in the last 7 days</span>
            </div>
            <div className="stat-card">
              <span className="stat-value">{stats.submits}</span>
              <span className="muted small">submissions</span>
            </div>
          </section>

          <section>
            <h2>Solved per track</h2>
            <ul className="track-table">
              {stats.tracks.map((t) => (
                <li key={t.track} data-testid="track-progress" data-track={t.track} data-solved={t.solved} data-total={t.total}>
                  <a href={`#/?track=${encodeURIComponent(t.track)}`}>{t.title}</a>
                  <ProgressBar value={t.solved} total={t.total} />
                  <span className="muted small">
                    {t.solved}/{t.total}
                  </span>
                </li>
              ))}
            </ul>
          </section>

          <section>
            <h2>Weakest tracks</h2>
            {stats.weakest.length === 0 ? (
              <p className="muted">Nothing to report yet: start a track and the ones that need work show up here.</p>
            ) : (
              <ul className="plain-list">
                {stats.weakest.map((t) => (
                  <li key={t.track} data-testid="weak-track" data-track={t.track}>
                    <a href={`#/?track=${encodeURIComponent(t.track)}`}>{t.title}</a>{' '}
                    <span className="muted small">
                      {t.solved}/{t.total} solved · {t.failedSubmits} failed submission{t.failedSubmits === 1 ? '' : 's'}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section>
            <h2>Practise again</h2>
            {stats.queue.length === 0 ? (
              <p className="muted">
                Problems you solved more than two weeks ago, or only after reading the solution, come back here.
              </p>
            ) : (
              <ul className="plain-list">
                {stats.queue.map(({ problem, reason, lastSolvedAt }) => {
                  const full = problems.find((p) => p.id === problem.id)!;
                  return (
                    <li key={problem.id}>
                      <button
                        type="button"
                        className="link-button"
                        data-testid="practise-again"
                        data-problem-id={problem.id}
                        data-reason={reason}
                        onClick={() => void practise(full)}
                        title="Start again from the starter code; your previous code is kept in the history"
                      >
                        {problem.title}
                      </button>{' '}
                      <span className="muted small">
                        {problem.trackTitle} ·{' '}
                        {reason === 'solved-after-solution'
                          ? 'solved after viewing the solution'
                          : `last solved ${new Date(lastSolvedAt).toLocaleDateString()}`}
                      </span>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        </>
      )}

      <section className="backup">
        <h2>Back up and restore</h2>
        <p className="muted small">
          Everything lives in this browser only. Export drafts, submissions, rounds, notebooks and hint/solution history to one
          file; importing merges it with what is here (newer drafts win, histories are combined, nothing is deleted).
        </p>
        <div className="backup-actions">
          <button type="button" className="secondary" data-testid="export" onClick={() => void exportAll()}>
            Export progress
          </button>
          <label className="secondary button-like">
            Import a file…
            <input
              ref={fileRef}
              type="file"
              accept="application/json,.json"
              data-testid="import"
              disabled={busy}
              onChange={(event) => void importFile(event.target.files?.[0])}
            />
          </label>
        </div>
        {importError && (
          <div className="banner error" role="alert" data-testid="import-error">
            {importError}
          </div>
        )}
        {imported && (
          <div className="banner info" role="status" data-testid="import-result">
            Imported {imported.total} record{imported.total === 1 ? '' : 's'}: {imported.added} new, {imported.updated} merged,{' '}
            {imported.unchanged} already up to date.
          </div>
        )}
      </section>
    </main>
  );
}
