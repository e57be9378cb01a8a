import { useCallback, useEffect, useRef, useState } from 'react';
import type { CatalogProblem } from '../catalog';
import type { RunnerClient } from '../runner/RunnerClient';
import type { BackendChoice, BackendName, JudgeMode } from '../shared/protocol';
import { problemHref } from '../router';
import {
  loadDraft,
  loadProgress,
  progressState,
  recordAttempt,
  saveBackup,
  saveDraft,
  type Draft,
  type ProgressState,
} from '../storage/db';
import { recordHintsUsed, recordSolutionViewed, recordSubmission } from '../storage/history';
import { BackendPicker, type RunnerStatus } from './BackendPicker';
import { CodeEditor, type CodeEditorHandle } from './CodeEditor';
import { ResultsPanel, verdictMarkers, type Outcome } from './ResultsPanel';
import { Statement } from './Statement';
import { SubmissionHistory } from './SubmissionHistory';
import { useActiveTime } from './useActiveTime';
import { useRunShortcuts } from './useRunShortcuts';

/**
 * Autosave delay after the first unsaved keystroke. Not reset by later keystrokes: a trailing
 * debounce never fires during steady typing, and a crash then loses everything since the last
 * pause (tests/browser/persistence.test.ts measured 3 s of typing lost that way).
 */
const AUTOSAVE_DEBOUNCE_MS = 250;

/** Code that arrived with the link that opened this page. */
export interface SharedLink {
  sharedCode?: string;
  codeError?: string;
}

export interface ProblemPageProps {
  problem: CatalogProblem;
  link?: SharedLink;
  runner: RunnerClient;
  runnerStatus: RunnerStatus;
  backendChoice: BackendChoice;
  onBackendChange(choice: BackendChoice): void;
  /** Called with the backend each verdict actually ran on. */
  onRanOn(backend: BackendName): void;
}

type Notice = { kind: 'error'; message: string } | { kind: 'shared'; previous: Draft };

export function ProblemPage({ problem, link, runner, runnerStatus, backendChoice, onBackendChange, onRanOn }: ProblemPageProps) {
  const [initialCode, setInitialCode] = useState<string>();
  const [notices, setNotices] = useState<Notice[]>([]);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [progress, setProgress] = useState<ProgressState>('new');
  const [hintsUsed, setHintsUsed] = useState(0);
  const [solutionViewed, setSolutionViewed] = useState(false);
  const [historyVersion, setHistoryVersion] = useState(0);
  const editorRef = useRef<CodeEditorHandle | null>(null);
  /**
   * The code as the user has it, kept apart from the editor: the buttons are enabled as soon as the
   * draft is loaded, and a Run or Submit pressed before the editor has mounted judges that draft
   * instead of being dropped.
   */
  const latestCode = useRef<string | undefined>(undefined);
  const runningRef = useRef(false);
  const mountedRef = useRef(true);
  const problemId = problem.id;

  // Load the draft (or the shared link's code) once per mount; the page is keyed by problem and link.
  const linkRef = useRef(link);
  useEffect(() => {
    mountedRef.current = true;
    let live = true;
    (async () => {
      const [draft, saved] = await Promise.all([loadDraft(problemId), loadProgress(problemId)]);
      if (!live) return;
      setProgress(progressState(saved));
      setHintsUsed((shown) => Math.max(shown, saved?.hintsUsed ?? 0));
      setSolutionViewed((viewed) => viewed || saved?.solutionViewedAt !== undefined);
      const shared = linkRef.current;
      const found: Notice[] = [];
      let code = draft?.code ?? problem.starter;
      if (shared?.codeError) {
        found.push({ kind: 'error', message: `${shared.codeError} Your saved code is unchanged.` });
      } else if (shared?.sharedCode !== undefined) {
        code = shared.sharedCode;
        if (draft && draft.code !== shared.sharedCode) {
          // Keep what the link replaces, in memory for the banner and on disk in case the tab closes.
          await saveBackup(problemId, draft);
          found.push({ kind: 'shared', previous: draft });
        }
        await saveDraft(problemId, shared.sharedCode);
        if (!live) return;
      }
      setNotices(found);
      latestCode.current = code;
      setInitialCode(code);
    })();
    return () => {
      live = false;
      mountedRef.current = false;
    };
  }, [problemId, problem.starter]);

  // Autosave: at most AUTOSAVE_DEBOUNCE_MS behind the editor even while typing continues, and
  // flushed when the tab hides or the page goes away.
  const pendingSave = useRef<{ code: string; timer: ReturnType<typeof setTimeout> } | null>(null);
  const flushSave = useCallback(() => {
    const pending = pendingSave.current;
    if (!pending) return;
    clearTimeout(pending.timer);
    pendingSave.current = null;
    void saveDraft(problemId, pending.code);
  }, [problemId]);
  const onCodeChange = useCallback(
    (code: string) => {
      latestCode.current = code;
      // The timer already armed writes the latest code when it fires.
      if (pendingSave.current) pendingSave.current.code = code;
      else pendingSave.current = { code, timer: setTimeout(flushSave, AUTOSAVE_DEBOUNCE_MS) };
    },
    [flushSave],
  );
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') flushSave();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', flushSave);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', flushSave);
      flushSave();
    };
  }, [flushSave]);

  useActiveTime();

  // Warm up in idle time once the draft is in the editor, so the first Run and Submit find the
  // runner, the second engine and the expected answers ready (never blocking typing).
  const draftLoaded = initialCode !== undefined;
  useEffect(() => {
    if (!draftLoaded) return;
    const warm = () => void runner.warmUp(problemId);
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(warm, { timeout: 2_000 });
      return () => cancelIdleCallback(handle);
    }
    const timer = setTimeout(warm, 200);
    return () => clearTimeout(timer);
  }, [draftLoaded, runner, problemId]);

  // Hints are revealed in layers and the count is remembered; so is revealing the editorial.
  const hints = {
    shown: hintsUsed,
    onShowNext: () => {
      const next = Math.min(hintsUsed + 1, problem.hints.length);
      setHintsUsed(next);
      void recordHintsUsed(problemId, next);
    },
  };
  const onSolutionShown = useCallback(() => {
    setSolutionViewed(true);
    void recordSolutionViewed(problemId);
  }, [problemId]);

  const [running, setRunning] = useState(false);
  const judge = useCallback(
    async (mode: JudgeMode) => {
      const source = editorRef.current?.getValue() ?? latestCode.current;
      if (runningRef.current || source === undefined) return;
      flushSave();
      runningRef.current = true;
      setRunning(true);
      setOutcome({ kind: 'running', mode });
      editorRef.current?.setMarkers([]);
      try {
        const verdict = await runner.judge({ problemId, source, mode });
        if (!mountedRef.current || !runner.isLatest(verdict.runId) || verdict.problemId !== problemId) return;
        setOutcome({ kind: 'verdict', verdict });
        onRanOn(verdict.backend);
        editorRef.current?.setMarkers(verdictMarkers(verdict));
        // A stopped run judged nothing: it is not an attempt.
        if (verdict.status === 'stopped') return;
        // Not awaited: the buttons come back with the verdict, not after the IndexedDB write.
        void recordSubmission(verdict).then(() => {
          if (mountedRef.current) setHistoryVersion((v) => v + 1);
        });
        void recordAttempt(problemId, mode, verdict.status).then((next) => {
          if (mountedRef.current) setProgress(progressState(next));
        });
      } catch (error) {
        if (!mountedRef.current) return;
        const message = error instanceof Error ? error.message : String(error);
        setOutcome({
          kind: 'failure',
          mode,
          message: `The judge could not run your code: ${message} If the backend failed to start, pick another one in the Backend menu.`,
        });
      } finally {
        runningRef.current = false;
        if (mountedRef.current) setRunning(false);
      }
    },
    [runner, problemId, flushSave, onRanOn],
  );
  const run = useCallback(() => void judge('run'), [judge]);
  const submit = useCallback(() => void judge('submit'), [judge]);

  // Ctrl/⌘+S: the draft is written now (autosave would anyway, a moment later) and the page says so.
  const [savedAt, setSavedAt] = useState<number>();
  const saveNow = useCallback(() => {
    const code = editorRef.current?.getValue() ?? latestCode.current;
    if (code === undefined) return;
    if (pendingSave.current) clearTimeout(pendingSave.current.timer);
    pendingSave.current = null;
    void saveDraft(problemId, code).then(
      () => mountedRef.current && setSavedAt(Date.now()),
      (error: unknown) =>
        mountedRef.current && setNotices((list) => [...list, { kind: 'error', message: `Your code could not be saved: ${error instanceof Error ? error.message : String(error)}` }]),
    );
  }, [problemId]);
  useEffect(() => {
    if (savedAt === undefined) return;
    const timer = setTimeout(() => setSavedAt(undefined), 2_500);
    return () => clearTimeout(timer);
  }, [savedAt]);

  useRunShortcuts(run, submit, saveNow);

  const reset = () => {
    if (!editorRef.current) return;
    if (!window.confirm('Reset the editor to the starter code? Your current code will be replaced (Ctrl+Z undoes it).')) return;
    editorRef.current.setValue(problem.starter);
    editorRef.current.focus();
  };

  const restoreDraft = (previous: Draft) => {
    editorRef.current?.setValue(previous.code);
    setNotices((current) => current.filter((notice) => notice.kind !== 'shared'));
  };

  const [copied, setCopied] = useState(false);
  const copyLink = async () => {
    const code = editorRef.current?.getValue();
    if (code === undefined) return;
    const url = `${location.origin}${location.pathname}${problemHref(problemId, code)}`;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      window.prompt('Copy this link:', url);
    }
  };

  // A new outcome starts at the top of the panel, where its verdict and first failure are.
  const resultsRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    resultsRef.current?.scrollTo({ top: 0 });
  }, [outcome]);

  const gotoLine = useCallback((line: number, column?: number) => editorRef.current?.revealLine(line, column), []);
  const dismiss = (notice: Notice) => setNotices((current) => current.filter((n) => n !== notice));

  return (
    <main className="problem-page">
      <div className="pane statement-pane">
        <Statement
          problem={problem}
          progress={progress}
          hints={hints}
          solutionViewed={solutionViewed}
          onSolutionShown={onSolutionShown}
        />
        <SubmissionHistory problemId={problemId} version={historyVersion} />
      </div>
      <div className="pane work-pane">
        {notices.map((notice, index) =>
          notice.kind === 'error' ? (
            <div key={index} className="banner error" role="alert" data-testid="error-banner">
              <span>{notice.message}</span>
              <button type="button" className="link-button" onClick={() => dismiss(notice)}>
                Dismiss
              </button>
            </div>
          ) : (
            <div key={index} className="banner info" role="status" data-testid="shared-banner">
              <span>Loaded code from a shared link. Your previous draft was kept.</span>
              <button type="button" className="link-button" data-testid="restore-draft" onClick={() => restoreDraft(notice.previous)}>
                Restore your saved draft
              </button>
              <button type="button" className="link-button" onClick={() => dismiss(notice)}>
                Dismiss
              </button>
            </div>
          ),
        )}
        <div className="toolbar" data-testid="toolbar">
          <BackendPicker choice={backendChoice} status={runnerStatus} disabled={running} onChange={onBackendChange} />
          <div className="toolbar-actions">
            <button type="button" className="secondary edit-action" onClick={copyLink} title="Copy a link that opens this problem with your code">
              {copied ? 'Copied' : 'Share'}
            </button>
            <button type="button" className="secondary edit-action" data-testid="reset" onClick={reset} disabled={initialCode === undefined}>
              Reset to starter
            </button>
            <button
              type="button"
              className="secondary"
              data-testid="run"
              onClick={run}
              disabled={running || initialCode === undefined}
              title="Run the examples (Ctrl/⌘+Enter)"
            >
              Run
            </button>
            <button
              type="button"
              className="primary"
              data-testid="submit"
              onClick={submit}
              disabled={running || initialCode === undefined}
              title="Judge every case (Ctrl/⌘+Shift+Enter)"
            >
              Submit
            </button>
            {savedAt !== undefined && (
              <span className="muted small" data-testid="saved" role="status">
                saved
              </span>
            )}
            <button
              type="button"
              className="secondary"
              data-testid="stop"
              onClick={() => runner.stopRun()}
              disabled={!running}
              title="End the run now (restarts the runner)"
            >
              Stop
            </button>
          </div>
        </div>
        <div className="editor-slot">
          {initialCode === undefined ? (
            <div className="editor-frame">
              <div className="editor" data-testid="editor" data-ready="false" />
              <div className="editor-overlay">Loading your code…</div>
            </div>
          ) : (
            <CodeEditor
              problemId={problemId}
              initialValue={initialCode}
              handleRef={editorRef}
              onChange={onCodeChange}
              onRun={run}
              onSubmit={submit}
            />
          )}
        </div>
        <div className="results-slot" ref={resultsRef}>
          <ResultsPanel outcome={outcome} onGotoLine={gotoLine} />
        </div>
      </div>
    </main>
  );
}
