import { useCallback, useEffect, useRef, useState } from 'react';
import type { CatalogProblem, ProblemSummary } from '../../catalog';
import { useProblemContent } from '../useProblemContent';
import type { JudgeMode } from '../../shared/protocol';
import { notebookHref, resolvePart, type RoundNotebookInfo } from '../../rounds/content';
import {
  currentPartIndex,
  deadlineOf,
  finishRound,
  isEnded,
  partScore,
  recordSubmission,
  remainingMs,
  saveCode,
  settle,
  skipPart,
  takeHint,
  type PartRecord,
  type RoundAttempt,
} from '../../rounds/roundState';
import { loadAttempt, saveAttempt } from '../../rounds/roundStore';
import { reportHref, roundsHref } from '../../rounds/routes';
import { BackendPicker } from '../BackendPicker';
import { CodeEditor, type CodeEditorHandle } from '../CodeEditor';
import { ResultsPanel, verdictMarkers, type Outcome } from '../ResultsPanel';
import { Statement } from '../Statement';
import { END_REASON_LABEL, PART_STATE_ICON, PART_STATE_LABEL } from './labels';
import type { RunnerContext } from './RoundsRoute';
import { RoundTimer } from './RoundTimer';
import { useRunShortcuts } from '../useRunShortcuts';
import { AttemptNotStored } from './AttemptNotStored';

/** How often the page re-reads the clock; the remaining time itself comes from timestamps. */
const CLOCK_TICK_MS = 250;
/** Autosave delay for a part's code after the last keystroke. */
const CODE_SAVE_DEBOUNCE_MS = 400;

interface RoundRunPageProps {
  attemptId: string;
  runnerContext: RunnerContext;
}

/**
 * `#/rounds/attempt/<id>`: the running round. The attempt lives in IndexedDB and every change is
 * written back at once, so a reload (or coming back tomorrow) rebuilds exactly this page; the
 * countdown is the stored deadline minus Date.now().
 */
export function RoundRunPage({ attemptId, runnerContext }: RoundRunPageProps) {
  const [attempt, setAttempt] = useState<RoundAttempt | null>();
  const attemptRef = useRef<RoundAttempt | null>(null);
  const [selected, setSelected] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const [outcomes, setOutcomes] = useState<Record<number, Outcome>>({});
  const [notice, setNotice] = useState<{ text: string; goto?: number }>();
  const editorRef = useRef<CodeEditorHandle | null>(null);
  const pendingCode = useRef<{ index: number; code: string; timer: ReturnType<typeof setTimeout> } | null>(null);
  const runningRef = useRef(false);
  const [running, setRunning] = useState(false);
  const mountedRef = useRef(true);

  /** When this page last wrote the attempt; a newer stored copy came from another tab. */
  const lastWriteRef = useRef(0);

  /** Adopt a new attempt state: render it and persist it. */
  const commit = useCallback((next: RoundAttempt) => {
    if (next === attemptRef.current) return;
    attemptRef.current = next;
    setAttempt(next);
    const at = Date.now();
    lastWriteRef.current = at;
    void saveAttempt(next, undefined, at);
  }, []);

  /** Write typed code into the attempt; code typed before the deadline is kept even if flushed just after it. */
  const flushCode = useCallback(() => {
    const pending = pendingCode.current;
    const current = attemptRef.current;
    if (!pending || !current) return;
    clearTimeout(pending.timer);
    pendingCode.current = null;
    const at = Math.min(Date.now(), deadlineOf(current) - 1);
    commit(saveCode(current, pending.index, pending.code, at));
  }, [commit]);

  useEffect(() => {
    mountedRef.current = true;
    let live = true;
    void loadAttempt(attemptId).then((stored) => {
      if (!live) return;
      if (!stored) {
        setAttempt(null);
        return;
      }
      const settled = settle(stored, Date.now());
      attemptRef.current = settled;
      lastWriteRef.current = stored.updatedAt ?? 0;
      setAttempt(settled);
      setSelected(currentPartIndex(settled));
      if (settled !== stored) {
        lastWriteRef.current = Date.now();
        void saveAttempt(settled, undefined, lastWriteRef.current);
      }
    });
    return () => {
      live = false;
      mountedRef.current = false;
    };
  }, [attemptId]);

  // The clock: re-read time, and end the round at its deadline.
  useEffect(() => {
    const tick = () => {
      const t = Date.now();
      setNow(t);
      const current = attemptRef.current;
      if (current && !isEnded(current) && t >= deadlineOf(current)) {
        flushCode();
        commit(settle(attemptRef.current!, t));
      }
    };
    const timer = setInterval(tick, CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, [commit, flushCode]);

  // Flush typed code when the tab hides, the page goes away, or this page unmounts. Coming back,
  // pick up what another tab wrote meanwhile (a notebook graded there, a part skipped there).
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') {
        flushCode();
        return;
      }
      void loadAttempt(attemptId).then((stored) => {
        if (!stored || !mountedRef.current || (stored.updatedAt ?? 0) <= lastWriteRef.current) return;
        const settled = settle(stored, Date.now());
        lastWriteRef.current = stored.updatedAt ?? Date.now();
        attemptRef.current = settled;
        setAttempt(settled);
        setSelected(currentPartIndex(settled));
      });
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', flushCode);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', flushCode);
      flushCode();
    };
  }, [flushCode, attemptId]);

  const { ensureStarted } = runnerContext;
  useEffect(() => {
    ensureStarted();
  }, [ensureStarted]);

  const ended = attempt ? isEnded(attempt) : false;
  useEffect(() => {
    if (attempt) document.title = `${ended ? 'Report' : 'Round'}: ${attempt.title} · TensorDojo`;
  }, [attempt, ended]);

  const onCodeChange = useCallback(
    (code: string) => {
      if (pendingCode.current) clearTimeout(pendingCode.current.timer);
      pendingCode.current = { index: selected, code, timer: setTimeout(flushCode, CODE_SAVE_DEBOUNCE_MS) };
    },
    [selected, flushCode],
  );

  /**
   * After a part closes: a skipped part moves straight on; an accepted one stays in view with its
   * verdict, and the notice offers the part that just unlocked (its time is already running).
   */
  const afterClose = useCallback(
    (before: RoundAttempt, next: RoundAttempt, index: number, message: string, moveOn: boolean) => {
      commit(next);
      const opened = next.parts.findIndex((part, i) => i > index && part.state === 'open' && before.parts[i].state === 'locked');
      if (opened >= 0) {
        if (moveOn) setSelected(opened);
        setNotice({ text: `${message} Part ${opened + 1} is unlocked and its clock is running.`, goto: moveOn ? undefined : opened });
      } else if (isEnded(next)) {
        setNotice({ text: `${message} That was the last part: the round is over.` });
      }
    },
    [commit],
  );

  const judge = useCallback(
    async (mode: JudgeMode) => {
      const editor = editorRef.current;
      const current = attemptRef.current;
      const index = selected;
      const part = current?.parts[index];
      if (runningRef.current || !editor || !current || !part || part.kind !== 'problem') return;
      if (isEnded(current) || part.state !== 'open') return;
      flushCode();
      runningRef.current = true;
      setRunning(true);
      setOutcomes((all) => ({ ...all, [index]: { kind: 'running', mode } }));
      editor.setMarkers([]);
      const source = editor.getValue();
      const { runner } = runnerContext;
      try {
        const verdict = await runner.judge({ problemId: part.ref, source, mode });
        if (!mountedRef.current || !runner.isLatest(verdict.runId)) return;
        setOutcomes((all) => ({ ...all, [index]: { kind: 'verdict', verdict } }));
        runnerContext.ranOn(verdict.backend);
        editorRef.current?.setMarkers(verdictMarkers(verdict));
        const before = attemptRef.current!;
        const next = recordSubmission(before, index, mode, verdict.status, Date.now(), source);
        if (next.parts[index].state === 'accepted') {
          afterClose(before, next, index, `Part ${index + 1} accepted (+${partScore(next.parts[index])} points).`, false);
        }
        else commit(next);
      } catch (error) {
        if (!mountedRef.current) return;
        const message = error instanceof Error ? error.message : String(error);
        setOutcomes((all) => ({
          ...all,
          [index]: { kind: 'failure', mode, message: `The judge could not run your code: ${message} Pick another backend and try again.` },
        }));
      } finally {
        runningRef.current = false;
        if (mountedRef.current) setRunning(false);
      }
    },
    [selected, runnerContext, flushCode, commit, afterClose],
  );
  const run = useCallback(() => void judge('run'), [judge]);
  const submit = useCallback(() => void judge('submit'), [judge]);

  useRunShortcuts(run, submit);

  if (attempt === undefined) return <main className="round-page muted">Loading the round…</main>;
  if (attempt === null) return <AttemptNotStored />;

  const remaining = remainingMs(attempt, now);
  const index = Math.min(selected, attempt.parts.length - 1);
  const part = attempt.parts[index];
  const canAct = !ended && part.state === 'open';

  const skip = () => {
    if (!window.confirm(`Skip part ${index + 1}? It will score nothing and the next part unlocks.`)) return;
    flushCode();
    const before = attemptRef.current!;
    afterClose(before, skipPart(before, index, Date.now()), index, `Part ${index + 1} skipped.`, true);
  };

  const endRound = () => {
    if (!window.confirm('End the round now? Your work is kept and the report opens.')) return;
    flushCode();
    commit(finishRound(attemptRef.current!, Date.now()));
    location.hash = reportHref(attempt.attemptId);
  };

  const hint = (available: number) => commit(takeHint(attemptRef.current!, index, Date.now(), available));

  return (
    <main className="round-page" data-testid="round-page" data-ended={String(ended)}>
      <header className="round-header">
        <div className="round-header-title">
          <a href={roundsHref()} className="muted small">
            Mock rounds
          </a>
          <strong>{attempt.title}</strong>
        </div>
        <nav className="round-tabs" aria-label="Parts">
          {attempt.parts.map((p, i) => (
            <button
              key={i}
              type="button"
              className={`round-tab state-${p.state}${i === index ? ' selected' : ''}`}
              data-testid="round-part"
              data-part-index={i}
              data-state={p.state}
              disabled={p.state === 'locked'}
              aria-current={i === index ? 'page' : undefined}
              title={`${p.title}: ${PART_STATE_LABEL[p.state]}`}
              onClick={() => {
                flushCode();
                setSelected(i);
              }}
            >
              {p.state === 'locked' ? <LockIcon /> : <span aria-hidden="true">{PART_STATE_ICON[p.state]}</span>} Part {i + 1}
              <span className="muted small"> · {p.points} pts</span>
            </button>
          ))}
        </nav>
        <div className="round-header-actions">
          <RoundTimer remainingMs={remaining} ended={ended} />
          {!ended && (
            <>
              <button type="button" className="secondary" data-testid="skip-part" onClick={skip} disabled={!canAct || running}>
                Skip part
              </button>
              <button type="button" className="secondary" data-testid="end-round" onClick={endRound}>
                End round
              </button>
            </>
          )}
          {ended && (
            <a className="button-link primary" href={reportHref(attempt.attemptId)} data-testid="view-report">
              See the report
            </a>
          )}
        </div>
      </header>

      {ended && (
        <div className="banner info round-banner" role="status" data-testid="round-over">
          <span>
            {attempt.endReason === 'time-up' ? 'Time is up: the editor is locked and the round is over.' : `The round is over (${END_REASON_LABEL[attempt.endReason ?? 'ended']}).`}{' '}
            <a href={reportHref(attempt.attemptId)}>See the report</a>.
          </span>
        </div>
      )}
      {!ended && notice && (
        <div className="banner info round-banner" role="status" data-testid="round-notice">
          <span>{notice.text}</span>
          {notice.goto !== undefined && notice.goto !== index && (
            <button
              type="button"
              className="primary"
              data-testid="next-part"
              onClick={() => {
                flushCode();
                setSelected(notice.goto!);
                setNotice(undefined);
              }}
            >
              Go to part {notice.goto + 1} →
            </button>
          )}
          <button type="button" className="link-button" onClick={() => setNotice(undefined)}>
            Dismiss
          </button>
        </div>
      )}

      <PartView
        key={`${attempt.attemptId}:${index}`}
        attemptId={attempt.attemptId}
        part={part}
        index={index}
        ended={ended}
        canAct={canAct}
        running={running}
        outcome={outcomes[index] ?? { kind: 'idle' }}
        editorRef={editorRef}
        runnerContext={runnerContext}
        onCodeChange={onCodeChange}
        onRun={run}
        onSubmit={submit}
        onHint={hint}
      />
    </main>
  );
}

/** Drawn, not an emoji: emoji fonts are missing on many Linux machines. */
function LockIcon() {
  return (
    <svg className="lock-icon" width="11" height="13" viewBox="0 0 11 13" aria-label="locked" role="img">
      <rect x="0.5" y="5.5" width="10" height="7" rx="1.5" fill="currentColor" />
      <path d="M2.75 5.5V3.75a2.75 2.75 0 0 1 5.5 0V5.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
    </svg>
  );
}

interface PartViewProps {
  attemptId: string;
  part: PartRecord;
  index: number;
  ended: boolean;
  /** The part is open and the round is running: it can be judged, edited and hinted. */
  canAct: boolean;
  running: boolean;
  outcome: Outcome;
  editorRef: React.RefObject<CodeEditorHandle | null>;
  runnerContext: RunnerContext;
  onCodeChange(code: string): void;
  onRun(): void;
  onSubmit(): void;
  onHint(available: number): void;
}

function PartView(props: PartViewProps) {
  const resolved = resolvePart(props.part.kind, props.part.ref);
  if (resolved.kind === 'problem') {
    return resolved.problem ? <ProblemPartLoader {...props} summary={resolved.problem} /> : <UnavailablePart {...props} what="problem" />;
  }
  return resolved.notebook ? <NotebookPart {...props} notebook={resolved.notebook} /> : <UnavailablePart {...props} what="notebook" />;
}

/** A problem part once its text (a chunk of its own) has arrived. */
function ProblemPartLoader({ summary, ...props }: PartViewProps & { summary: ProblemSummary }) {
  const content = useProblemContent(summary);
  if (content.state === 'ready') return <ProblemPart {...props} problem={content.value} />;
  return (
    <div className="round-part-body muted" data-testid="round-part-body" data-kind="problem-loading" role={content.state === 'error' ? 'alert' : undefined}>
      {content.state === 'error' ? content.message : `Loading ${summary.title}…`}
    </div>
  );
}

/** A problem part: the practice page's statement, editor and results, with round rules applied. */
function ProblemPart({ part, ended, canAct, running, outcome, editorRef, runnerContext, onCodeChange, onRun, onSubmit, onHint, problem }: PartViewProps & { problem: CatalogProblem }) {
  const resultsRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    resultsRef.current?.scrollTo({ top: 0 });
  }, [outcome]);
  const gotoLine = useCallback((line: number, column?: number) => editorRef.current?.revealLine(line, column), [editorRef]);
  const readOnly = !canAct;
  // Verdicts live in memory; after a reload the stored statuses say where the part stood.
  const lastSubmission = part.submissions.at(-1);

  return (
    <div className="problem-page round-part-body" data-testid="round-part-body" data-kind="problem">
      <div className="pane statement-pane">
        <Statement
          problem={problem}
          hideSolution
          hints={{ shown: part.hintsUsed, onShowNext: () => onHint(problem.hints.length), cost: part.hintCost, enabled: canAct }}
        />
      </div>
      <div className="pane work-pane">
        {readOnly && (
          <div className="muted small" data-testid="part-locked-note">
            {ended ? 'Time is up: the code is read-only.' : `This part is ${PART_STATE_LABEL[part.state]}; its code is read-only.`}
          </div>
        )}
        <div className="toolbar" data-testid="toolbar">
          <BackendPicker
            choice={runnerContext.choice}
            status={runnerContext.status}
            disabled={running}
            onChange={runnerContext.changeBackend}
          />
          <div className="toolbar-actions">
            <button type="button" className="secondary" data-testid="run" onClick={onRun} disabled={running || !canAct} title="Run the examples (Ctrl/⌘+Enter)">
              Run
            </button>
            <button type="button" className="primary" data-testid="submit" onClick={onSubmit} disabled={running || !canAct} title="Judge every case (Ctrl/⌘+Shift+Enter)">
              Submit
            </button>
          </div>
        </div>
        <div className="editor-slot">
          <CodeEditor
            problemId={problem.id}
            initialValue={part.code ?? problem.starter}
            handleRef={editorRef}
            onChange={onCodeChange}
            onRun={onRun}
            onSubmit={onSubmit}
            readOnly={readOnly}
          />
        </div>
        <div className="results-slot" ref={resultsRef}>
          {outcome.kind === 'idle' && lastSubmission && (
            <div className="muted small" data-testid="last-verdict">
              Last {lastSubmission.mode === 'run' ? 'Run' : 'Submit'} in this round: {lastSubmission.status.replace('-', ' ')} (
              {part.submissions.length} so far).
            </div>
          )}
          <ResultsPanel outcome={outcome} onGotoLine={gotoLine} />
        </div>
      </div>
    </div>
  );
}

/** A debugging-notebook part: it is worked and graded in the notebook page, which reports back here. */
function NotebookPart({ notebook, part, attemptId }: PartViewProps & { notebook: RoundNotebookInfo }) {
  return (
    <div className="round-notebook" data-testid="round-part-body" data-kind="notebook">
      <h1>{notebook.title}</h1>
      {notebook.summary && <p>{notebook.summary}</p>}
      {notebook.target && (
        <p>
          <strong>Target:</strong> {notebook.target}
        </p>
      )}
      <p className="muted">
        Open the notebook, find the planted bugs and fix them until it reaches its target; the round clock keeps running while you are
        there. Press Grade in the notebook: a grade that meets the target with every planted bug fixed accepts this part.
      </p>
      <div className="start-actions">
        <a className="button-link" href={notebookHref(notebook.id, attemptId)} data-testid="open-notebook">
          Open the notebook
        </a>
      </div>
      {part.state !== 'open' && <p className="muted small">This part is {PART_STATE_LABEL[part.state]}.</p>}
    </div>
  );
}

/** A part whose problem or notebook is not in this build: say so, and let the user skip it. */
function UnavailablePart({ part, what }: PartViewProps & { what: 'problem' | 'notebook' }) {
  return (
    <div className="round-notebook" data-testid="round-part-body" data-kind="unavailable">
      <div className="banner error" role="alert" data-testid="part-unavailable">
        <span>
          This {what} (<code>{part.ref}</code>) is not available in this version of TensorDojo yet. Skip the part to go on; it scores
          nothing either way.
        </span>
      </div>
    </div>
  );
}
