/**
 * The notebook kernel's side of the worker boundary: what the main thread (NotebookClient) and
 * the kernel (workers/NotebookKernel.ts) exchange. Plain data throughout, like protocol.ts.
 */
import type { BackendChoice, RunnerInfo, SerializedError } from './protocol';
import type { NotebookCell } from '../notebook/format';

/** One thing a cell showed, in the order it happened. */
export type CellOutput =
  | { type: 'text'; text: string; stream: 'stdout' | 'stderr' }
  /** A tensor preview: shape, dtype and the first values. */
  | { type: 'tensor'; shape: number[]; dtype: string; size: number; values: Array<number | string | boolean>; label?: string }
  /** The value of the cell's last expression, when it was not a tensor or undefined. */
  | { type: 'value'; text: string };

/** One point of a live curve: `plot(name, step, value)` in a cell. */
export interface PlotPoint {
  name: string;
  step: number;
  value: number;
}

/** What the kernel streams while a cell or a grading run is in progress. */
export type KernelEvent =
  | { type: 'output'; cellIndex: number; output: CellOutput }
  /** Points are batched (every ~50 ms) so a fast training loop does not flood the main thread. */
  | { type: 'plot'; cellIndex: number; points: PlotPoint[] }
  | { type: 'progress'; cellIndex: number; done: number; total: number }
  /** `user` while notebook code runs (charged to the budget), `judge` once it has stopped. */
  | { type: 'phase'; phase: 'user' | 'judge' };

/** `ok`, a thrown error, or (set by the client) a time-limit or a Stop that restarted the kernel. */
export type CellStatus = 'ok' | 'error' | 'time-limit' | 'stopped';

/** The end of one cell run. */
export interface CellResult {
  runId: number;
  cellIndex: number;
  status: CellStatus;
  /** Set for `error`; `location.line` is a line of the cell. */
  error?: SerializedError;
  /** The cell whose line `error.location` is: a function defined in an earlier cell may have thrown. */
  errorCellIndex?: number;
  elapsedMs: number;
  /** True when the kernel was restarted to end this run: every name defined so far is gone. */
  stateLost?: boolean;
}

export interface RunCellRequest {
  runId: number;
  /** Position of the cell in the notebook (markdown cells count), used in outputs and error file names. */
  cellIndex: number;
  source: string;
}

/** The outcome of one probe: a planted bug is fixed when its probe passes. */
export interface ProbeResult {
  id: string;
  title: string;
  /** What the bug was and why it stops training, shown once graded. */
  explanation: string;
  passed: boolean;
  /** What the probe measured, in a sentence. */
  detail: string;
}

export interface GradeReport {
  runId: number;
  notebookId: string;
  /** The grading run could not finish (a cell failed, or the time budget ran out). */
  status: 'graded' | 'cell-error' | 'time-limit' | 'stopped';
  targetMet: boolean;
  targetDescription: string;
  targetDetail: string;
  probes: ProbeResult[];
  /** The cell that failed while the grader ran all cells. */
  cellError?: { cellIndex: number; cellName: string; error: SerializedError };
  backend: string;
  elapsedMs: number;
}

export interface GradeRequest {
  runId: number;
  notebookId: string;
  /** Every cell as the user has it now, markdown included (indices match the page). */
  cells: NotebookCell[];
}

/**
 * What one check's kernel half saw: the notebook functions' results as plain data, or why there
 * are none (a missing name, an error thrown by the notebook's code), in a sentence.
 */
export type ObservedCheck = { observation: unknown } | { failure: string };

/**
 * The kernel's half of a grading run, judged in the page (src/notebook/judgeGrade.ts): the target's
 * and each probe's observation, in the grader's order. A cell that failed leaves the rest unobserved.
 */
export interface ObservedGrade {
  runId: number;
  notebookId: string;
  status: 'graded' | 'cell-error';
  target?: ObservedCheck;
  probes: ObservedCheck[];
  cellError?: { cellIndex: number; cellName: string; error: SerializedError };
  backend: string;
  elapsedMs: number;
}

/** The API the notebook worker exposes through comlink. */
export interface NotebookKernelApi {
  init(choice: BackendChoice): Promise<RunnerInfo>;
  runCell(request: RunCellRequest, onEvent?: (event: KernelEvent) => void): Promise<CellResult>;
  observe(request: GradeRequest, onEvent?: (event: KernelEvent) => void): Promise<ObservedGrade>;
}
