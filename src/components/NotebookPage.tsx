import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { renderMarkdown } from '../markdown';
import type { Notebook, NotebookCell } from '../notebook/format';
import { NotebookClient } from '../runner/NotebookClient';
import type { BackendChoice, SerializedError } from '../shared/protocol';
import type { CellOutput, CellResult, GradeReport, KernelEvent, PlotPoint } from '../shared/notebookProtocol';
import { gradeStatus, reportNotebookGrade } from '../rounds/notebookBridge';
import { deleteDraft, loadDraft, saveDraft } from '../storage/db';
import { CodeEditor, type CodeEditorHandle } from './CodeEditor';
import { LineChart } from './LineChart';
import { DifficultyBadge } from './Statement';
import './notebook.css';

/** Autosave delay after the last keystroke. */
const AUTOSAVE_DEBOUNCE_MS = 300;
/** Editor line height in px, for auto-height cells. */
const LINE_PX = 19;
const MAX_EDITOR_PX = 520;

/** Drafts reuse the problem drafts store under their own key: `{ cells: { [cellName]: source } }`. */
const draftKey = (notebookId: string) => `notebook:${notebookId}`;

interface CellState {
  status: 'idle' | 'running' | CellResult['status'];
  outputs: CellOutput[];
  plots: Record<string, PlotPoint[]>;
  progress?: { done: number; total: number };
  error?: SerializedError;
  errorCellIndex?: number;
  elapsedMs?: number;
}

type GradeState =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; report: GradeReport }
  | { kind: 'failed'; message: string };

declare global {
  interface Window {
    /** Test hook: browser tests set and read cells through this, since typing into Monaco is flaky. */
    __tdNotebook?: { setCell(index: number, source: string): void; getCell(index: number): string };
  }
}

const emptyCell = (): CellState => ({ status: 'idle', outputs: [], plots: {} });

/**
 * Typings for what the kernel puts in every cell's scope, so Monaco knows `tf`, `print`, `plot`….
 * Cells are scripts (no imports), so TypeScript also sees one cell's top-level names in the others.
 */
const NOTEBOOK_GLOBALS = `import * as _tf from '@tensorflow/tfjs';
declare global {
  export import tf = _tf;
  /** Print text; print(tensor) or print('label', tensor) shows a tensor preview. */
  function print(...args: unknown[]): void;
  /** Show any value (tensor preview for tensors). */
  function show(value: unknown, label?: string): void;
  /** Add a point to the live curve called name. */
  function plot(name: string, step: number, value: number): void;
  /** Update the cell's progress bar. */
  function progress(done: number, total: number): void;
  /** A seeded PRNG returning numbers in [0, 1). */
  function seededRandom(seed: number): () => number;
}
export {};
`;
let globalsAdded = false;
function addNotebookTypings(): void {
  if (globalsAdded) return;
  globalsAdded = true;
  void import('../editor/monaco')
    .then(() => import('monaco-editor/languages/features/typescript/register'))
    .then((ts) => ts.typescriptDefaults.addExtraLib(NOTEBOOK_GLOBALS, 'file:///node_modules/@types/tensordojo-notebook/index.d.ts'));
}

export function NotebookPage({
  notebook,
  backendChoice,
  roundAttemptId,
}: {
  notebook: Notebook;
  backendChoice: BackendChoice;
  /** The mock-round attempt this notebook is a part of: every grade is reported to it. */
  roundAttemptId?: string;
}) {
  const [roundNote, setRoundNote] = useState<string>();
  const [client] = useState(() => new NotebookClient());
  const [cells, setCells] = useState<NotebookCell[] | undefined>();
  const [editorNonce, setEditorNonce] = useState(0);
  const [states, setStates] = useState<CellState[]>(() => notebook.cells.map(emptyCell));
  const [kernel, setKernel] = useState<{ state: 'starting' | 'ready' | 'error'; backend?: string; error?: string }>({ state: 'starting' });
  const [running, setRunning] = useState<number | null>(null);
  const [notice, setNotice] = useState<string>();
  const [grade, setGrade] = useState<GradeState>({ kind: 'idle' });
  const cellsRef = useRef<NotebookCell[]>(notebook.cells);
  const editors = useRef(new Map<number, CodeEditorHandle | null>());
  // One stable ref object per cell: CodeEditor re-creates its editor when the ref object changes.
  const editorRefs = useRef(new Map<number, { current: CodeEditorHandle | null }>());
  const refFor = (index: number) => {
    let ref = editorRefs.current.get(index);
    if (!ref) {
      const holder = { current: null as CodeEditorHandle | null };
      ref = {
        get current() {
          return holder.current;
        },
        set current(handle: CodeEditorHandle | null) {
          holder.current = handle;
          editors.current.set(index, handle);
        },
      };
      editorRefs.current.set(index, ref);
    }
    return ref;
  };
  const runAllRef = useRef(false);
  const mounted = useRef(true);

  // Start the kernel and load the draft once per notebook.
  useEffect(() => {
    mounted.current = true;
    addNotebookTypings();
    const startKernel = () =>
      client.start(backendChoice).then(
        (info) => mounted.current && setKernel({ state: 'ready', backend: info.backend }),
        (error: unknown) => mounted.current && setKernel({ state: 'error', error: error instanceof Error ? error.message : String(error) }),
      );
    void startKernel();
    void loadDraft(draftKey(notebook.id)).then((draft) => {
      if (!mounted.current) return;
      let saved: Record<string, string> = {};
      try {
        saved = draft ? (JSON.parse(draft.code).cells ?? {}) : {};
      } catch {
        // A corrupt draft falls back to the original notebook.
      }
      const loaded = notebook.cells.map((cell) => (cell.kind === 'code' && typeof saved[cell.name] === 'string' ? { ...cell, source: saved[cell.name] } : cell));
      cellsRef.current = loaded;
      setCells(loaded);
    });
    return () => {
      mounted.current = false;
      client.dispose();
    };
  }, [client, notebook, backendChoice]);

  // Autosave: debounced, flushed on hide and unmount.
  const pendingSave = useRef<ReturnType<typeof setTimeout> | null>(null);
  const flushSave = useCallback(() => {
    if (pendingSave.current === null) return;
    clearTimeout(pendingSave.current);
    pendingSave.current = null;
    const sources = Object.fromEntries(cellsRef.current.filter((c) => c.kind === 'code').map((c) => [c.name, c.source]));
    void saveDraft(draftKey(notebook.id), JSON.stringify({ cells: sources }));
  }, [notebook.id]);
  useEffect(() => {
    window.addEventListener('pagehide', flushSave);
    return () => {
      window.removeEventListener('pagehide', flushSave);
      flushSave();
    };
  }, [flushSave]);

  const onCellChange = useCallback(
    (index: number, source: string) => {
      cellsRef.current = cellsRef.current.map((cell, i) => (i === index ? { ...cell, source } : cell));
      setCells(cellsRef.current);
      if (pendingSave.current !== null) clearTimeout(pendingSave.current);
      pendingSave.current = setTimeout(flushSave, AUTOSAVE_DEBOUNCE_MS);
    },
    [flushSave],
  );

  const updateCell = useCallback((index: number, update: (state: CellState) => CellState) => {
    setStates((current) => current.map((state, i) => (i === index ? update(state) : state)));
  }, []);

  const onEvent = useCallback(
    (event: KernelEvent) => {
      if (!mounted.current || event.type === 'phase') return;
      updateCell(event.cellIndex, (state) => {
        if (event.type === 'output') return { ...state, outputs: [...state.outputs, event.output] };
        if (event.type === 'progress') return { ...state, progress: { done: event.done, total: event.total } };
        const plots = { ...state.plots };
        for (const point of event.points) plots[point.name] = [...(plots[point.name] ?? []), point];
        return { ...state, plots };
      });
    },
    [updateCell],
  );

  /** Run one cell; resolves false when the run did not end well (so Run all stops). */
  const runCell = useCallback(
    async (index: number): Promise<boolean> => {
      const cell = cellsRef.current[index];
      if (!cell || cell.kind !== 'code') return true;
      setRunning(index);
      setNotice(undefined);
      updateCell(index, () => ({ ...emptyCell(), status: 'running' }));
      let result: CellResult;
      try {
        result = await client.runCell(index, cell.source, onEvent);
      } catch (error) {
        // Not the user's fault (the kernel could not start, say): show it on the cell.
        result = { runId: 0, cellIndex: index, status: 'error', elapsedMs: 0, error: { name: 'KernelError', message: error instanceof Error ? error.message : String(error) } };
      }
      if (!mounted.current) return false;
      updateCell(index, (state) => ({ ...state, status: result.status, error: result.error, errorCellIndex: result.errorCellIndex, elapsedMs: result.elapsedMs }));
      if (result.error?.location && result.status === 'error') {
        const at = result.errorCellIndex ?? index;
        editors.current.get(at)?.setMarkers([{ line: result.error.location.line, column: result.error.location.column, message: result.error.message }]);
      }
      if (result.stateLost) {
        setNotice(
          result.status === 'stopped'
            ? 'Stopped. The kernel was restarted: your code is kept, but every variable is gone — run the cells again.'
            : 'Time limit. The kernel was restarted: your code is kept, but every variable is gone — run the cells again.',
        );
        setKernel((k) => ({ ...k, state: 'ready' }));
      }
      setRunning(null);
      return result.status === 'ok';
    },
    [client, onEvent, updateCell],
  );

  const runAll = useCallback(async () => {
    if (runAllRef.current) return;
    runAllRef.current = true;
    try {
      for (const [index, cell] of cellsRef.current.entries()) {
        if (cell.kind !== 'code') continue;
        if (!(await runCell(index))) break;
      }
    } finally {
      runAllRef.current = false;
    }
  }, [runCell]);

  const stop = () => client.stop();

  const restart = async () => {
    setStates(notebook.cells.map(emptyCell));
    setNotice('Kernel restarted: every variable is gone. Your code is kept.');
    setKernel((k) => ({ ...k, state: 'starting' }));
    try {
      const info = await client.restart();
      if (mounted.current) setKernel({ state: 'ready', backend: info.backend });
    } catch (error) {
      if (mounted.current) setKernel({ state: 'error', error: error instanceof Error ? error.message : String(error) });
    }
  };

  const resetNotebook = async () => {
    if (!window.confirm('Reset the notebook to its original (broken) version? Your edits will be lost.')) return;
    if (pendingSave.current !== null) clearTimeout(pendingSave.current);
    pendingSave.current = null;
    await deleteDraft(draftKey(notebook.id));
    cellsRef.current = notebook.cells;
    setCells(notebook.cells);
    setEditorNonce((n) => n + 1);
    setStates(notebook.cells.map(emptyCell));
    setGrade({ kind: 'idle' });
  };

  const runGrade = async () => {
    flushSave();
    setGrade({ kind: 'running' });
    try {
      const report = await client.grade(notebook.id, cellsRef.current);
      if (!mounted.current) return;
      if ('probes' in report) {
        setGrade({ kind: 'done', report });
        if (roundAttemptId) {
          // A passing grade accepts the round's part for this notebook, like an accepted Submit.
          const attempt = await reportNotebookGrade(roundAttemptId, notebook.id, report);
          if (mounted.current) {
            setRoundNote(
              attempt
                ? `Recorded in your mock round as ${gradeStatus(report)}.`
                : 'This grade was not recorded: the round has ended or this part is not open.',
            );
          }
        }
      } else setGrade({ kind: 'failed', message: report.message });
    } catch (error) {
      if (mounted.current) setGrade({ kind: 'failed', message: `The grader could not run: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  // Test hook for browser tests.
  useEffect(() => {
    window.__tdNotebook = {
      setCell: (index, source) => {
        const editor = editors.current.get(index);
        if (editor) editor.setValue(source);
        else onCellChange(index, source);
      },
      getCell: (index) => cellsRef.current[index]?.source ?? '',
    };
    return () => {
      delete window.__tdNotebook;
    };
  }, [onCellChange]);

  const busy = running !== null || grade.kind === 'running';
  const codeCount = useMemo(() => notebook.cells.filter((c) => c.kind === 'code').length, [notebook]);

  return (
    <main className="notebook-page">
      <header className="notebook-header">
        <div>
          <h1>{notebook.title}</h1>
          <p className="muted small">
            <DifficultyBadge difficulty={notebook.difficulty} /> {Object.keys(notebook.fixes).length} planted bugs · {codeCount} code cells ·
            target: {notebook.target} · data: {notebook.dataset.name} ({notebook.dataset.licence})
          </p>
        </div>
        <div className="notebook-toolbar">
          <span className="muted small" data-testid="kernel-status" data-state={kernel.state}>
            kernel: {kernel.state === 'ready' ? `ready on ${kernel.backend}` : kernel.state === 'error' ? `failed (${kernel.error})` : 'starting…'}
            {running !== null ? ` · running cell ${running + 1}` : ''}
          </span>
          <button type="button" className="secondary" data-testid="run-all" onClick={() => void runAll()} disabled={busy || !cells}>
            Run all
          </button>
          <button type="button" className="secondary" data-testid="stop" onClick={stop} disabled={!busy}>
            Stop
          </button>
          <button type="button" className="secondary" data-testid="restart" onClick={() => void restart()} disabled={!cells}>
            Restart
          </button>
          <button type="button" className="secondary" data-testid="reset-notebook" onClick={() => void resetNotebook()} disabled={busy || !cells}>
            Reset notebook
          </button>
          <button type="button" className="primary" data-testid="grade" onClick={() => void runGrade()} disabled={busy || !cells}>
            Grade
          </button>
        </div>
      </header>
      {notice && (
        <div className="banner info" role="status" data-testid="kernel-notice">
          <span>{notice}</span>
        </div>
      )}
      <GradePanel grade={grade} />
      {roundNote && (
        <p className="banner" data-testid="round-grade-note">
          {roundNote} <a href={`#/rounds/attempt/${roundAttemptId}`}>Back to the round</a>
        </p>
      )}
      {!cells ? (
        <p className="muted">Loading your notebook…</p>
      ) : (
        <div className="cells">
          {cells.map((cell, index) =>
            cell.kind === 'markdown' ? (
              <MarkdownCell key={cell.name} index={index} source={cell.source} />
            ) : (
              <div key={cell.name} className={`notebook-cell code-cell status-${states[index].status}`} data-testid="notebook-cell" data-index={index} data-kind="code">
                <div className="cell-gutter">
                  <span className="cell-number">[{index + 1}]</span>
                  <button
                    type="button"
                    className="secondary small"
                    data-testid="run-cell"
                    title="Run this cell (Shift+Enter)"
                    onClick={() => void runCell(index)}
                    disabled={busy}
                  >
                    ▶ Run
                  </button>
                </div>
                <div
                  className="cell-body"
                  onKeyDownCapture={(event) => {
                    if (event.key === 'Enter' && event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey) {
                      event.preventDefault();
                      event.stopPropagation();
                      if (!busy) void runCell(index);
                    }
                  }}
                >
                  <div className="cell-editor" style={{ height: Math.min(MAX_EDITOR_PX, (cell.source.split('\n').length + 1) * LINE_PX + 8) }}>
                    <CodeEditor
                      key={editorNonce}
                      problemId={`notebooks/${notebook.id}/${cell.name}`}
                      initialValue={cell.source}
                      handleRef={refFor(index)}
                      onChange={(value) => onCellChange(index, value)}
                      onRun={() => void runCell(index)}
                      onSubmit={() => void runAll()}
                    />
                  </div>
                  <CellOutputs state={states[index]} index={index} />
                </div>
              </div>
            ),
          )}
        </div>
      )}
    </main>
  );
}

function MarkdownCell({ index, source }: { index: number; source: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  return (
    <div className="notebook-cell markdown-cell" data-testid="notebook-cell" data-index={index} data-kind="markdown">
      <div className="markdown" dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  );
}

function CellOutputs({ state, index }: { state: CellState; index: number }) {
  const plotNames = Object.keys(state.plots);
  if (state.status === 'idle' && !state.outputs.length) return null;
  return (
    <div className="cell-output" data-testid="cell-output" data-index={index} data-status={state.status}>
      {state.progress && (
        <div className="cell-progress" data-testid="progress" data-done={state.progress.done} data-total={state.progress.total}>
          <progress value={state.progress.done} max={state.progress.total} /> {state.progress.done} / {state.progress.total}
        </div>
      )}
      {plotNames.length > 0 && (
        <div className="plots">
          {plotNames.map((name) => (
            <LineChart key={name} name={name} points={state.plots[name]} />
          ))}
        </div>
      )}
      {state.outputs.map((output, i) => (
        <OutputItem key={i} output={output} />
      ))}
      {state.error && (
        <pre className="output-error" data-testid="cell-error">
          {state.error.name}: {state.error.message}
          {state.error.location ? `\n  at cell ${(state.errorCellIndex ?? index) + 1}, line ${state.error.location.line}` : ''}
        </pre>
      )}
      {state.status === 'running' && <div className="muted small">running…</div>}
      {state.elapsedMs !== undefined && state.status !== 'running' && (
        <div className="muted small">
          {state.status} · {Math.round(state.elapsedMs)} ms
        </div>
      )}
    </div>
  );
}

function OutputItem({ output }: { output: CellOutput }) {
  if (output.type === 'tensor') {
    return (
      <pre className="output-tensor" data-testid="tensor-preview">
        {output.label ? `${output.label} ` : ''}Tensor {JSON.stringify(output.shape)} {output.dtype} [{output.values.join(', ')}
        {output.size > output.values.length ? `, … ${output.size - output.values.length} more` : ''}]
      </pre>
    );
  }
  if (output.type === 'value') return <pre className="output-value">{output.text}</pre>;
  return <pre className={`output-text ${output.stream}`}>{output.text}</pre>;
}

/**
 * The grade's progress and result. Grade can be pressed from the sticky toolbar far below this
 * panel, so each new state is scrolled into view and the result takes the focus.
 */
function GradePanel({ grade }: { grade: GradeState }) {
  const ref = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    element.scrollIntoView({ block: 'start', behavior: 'auto' });
    if (grade.kind !== 'running') element.focus({ preventScroll: true });
  }, [grade]);
  const attach = (element: HTMLElement | null) => {
    ref.current = element;
  };
  if (grade.kind === 'idle') return null;
  if (grade.kind === 'running') return <div ref={attach} className="grade-panel muted" data-testid="grading">Grading: running every cell and each probe in fresh, seeded kernels…</div>;
  if (grade.kind === 'failed') return <div ref={attach} tabIndex={-1} className="banner error" role="alert">{grade.message}</div>;
  const { report } = grade;
  const fixed = report.probes.filter((p) => p.passed).length;
  return (
    <section ref={attach} tabIndex={-1} className="grade-panel" data-testid="bug-checklist" data-status={report.status}>
      <h2>
        {report.targetMet && fixed === report.probes.length ? 'Solved' : 'Not yet'} — {fixed} of {report.probes.length} bugs fixed
      </h2>
      <div className={`target ${report.targetMet ? 'met' : 'missed'}`} data-testid="target" data-met={report.targetMet ? 'true' : 'false'}>
        {report.targetMet ? '✓' : '✗'} Target: {report.targetDescription} — {report.targetDetail}
      </div>
      {report.cellError && (
        <div className="banner error">
          Cell {report.cellError.cellIndex + 1} failed: {report.cellError.error.message}
          {report.cellError.error.location ? ` (line ${report.cellError.error.location.line})` : ''}
        </div>
      )}
      <ul className="probes">
        {report.probes.map((probe, index) => (
          <li key={probe.id} className={probe.passed ? 'passed' : 'failed'} data-testid="probe" data-bug-id={probe.id} data-passed={probe.passed ? 'true' : 'false'}>
            <strong>
              {probe.passed ? '✓' : '✗'} {probe.passed ? probe.title : `Bug ${index + 1}: not fixed yet`}
            </strong>
            <div className="muted small">{probe.detail}</div>
            {probe.passed && <div className="small">{probe.explanation}</div>}
          </li>
        ))}
      </ul>
      <p className="muted small">
        Graded on {report.backend} in {Math.round(report.elapsedMs)} ms. Probes measure behaviour (they call your functions), so any correct fix counts.
      </p>
    </section>
  );
}
