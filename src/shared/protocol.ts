/**
 * The one protocol both sides of the runner boundary import: the main thread (RunnerClient),
 * the runner worker (Runner) and the command-line judge. Everything here is plain data so it can
 * cross postMessage unchanged.
 */

/** A tfjs backend the judge can run on. */
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** What the user picked in the backend menu; `auto` lets the runner decide by capability. */
export type BackendChoice = BackendName | 'auto';

export const BACKEND_NAMES: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** Execution providers for the ONNX reference engine; `auto` uses WebGPU only on a hardware GPU. */
export type OnnxProviderChoice = 'auto' | 'webgpu' | 'wasm';

/** Every verdict the judge can give, plus the UI-only `idle` and `running`. */
export type VerdictStatus =
  | 'accepted'
  | 'wrong-answer'
  | 'runtime-error'
  | 'time-limit'
  | 'compile-error'
  | 'internal-error'
  /** The user pressed Stop: the run was ended and its worker replaced. */
  | 'stopped';

/** `run` judges the public examples only; `submit` judges every case, hidden ones included. */
export type JudgeMode = 'run' | 'submit';

/** Why a case failed. Known mistakes in a problem folder name the kind they must produce. */
export type DiagnosticKind =
  | 'missing-export'
  | 'not-a-tensor'
  | 'shape'
  | 'dtype'
  | 'non-finite'
  | 'mismatch'
  | 'mutated-input'
  | 'runtime-error'
  | 'forbidden-api'
  | 'resource-limit'
  | 'property'
  | 'time-limit'
  | 'engine-disagreement';

/** A location in the user's file, 1-based, as the editor shows it. */
export interface SourceLocation {
  line: number;
  column?: number;
}

/** An error that crossed the worker boundary as data. */
export interface SerializedError {
  name: string;
  message: string;
  /** Where in the user's file it was thrown, when the stack points there. */
  location?: SourceLocation;
  stack?: string;
}

/** One differing element: where it is and both values. */
export interface ElementMismatch {
  /** Multi-dimensional index into the output, e.g. [0, 2, 1]. */
  index: number[];
  expected: number;
  got: number;
}

/** What exactly is wrong with one case, in words and in numbers. */
export interface Diagnostic {
  kind: DiagnosticKind;
  /** One sentence a person reads first. */
  message: string;
  /** Path into a structured return value (`[1]`, `.loss`), empty for a plain tensor. */
  path?: string;
  expectedShape?: number[];
  gotShape?: number[];
  expectedDtype?: string;
  gotDtype?: string;
  /** Largest |got - expected| over the output. */
  maxAbsError?: number;
  /** Largest |got - expected| / max(|expected|, tiny) over the output. */
  maxRelError?: number;
  /** Number of elements outside tolerance, and the total. */
  mismatchCount?: number;
  elementCount?: number;
  firstMismatch?: ElementMismatch;
  /** The tolerance the comparison used. */
  tolerance?: Tolerance;
  /** The classic mistake this output matches, when one of the problem's known mistakes does. */
  likelyMistake?: { id: string; title: string; explanation: string };
  /**
   * When no known mistake matches: how the output relates to the expected one on every failing
   * case ("twice the expected value", "N times it, N an axis length: a sum where a mean is asked").
   */
  relation?: string;
  /** Other known mistakes that explain this output just as well (they give the same values). */
  alsoLikely?: { id: string; title: string; explanation: string }[];
  error?: SerializedError;
}

/** |got - expected| <= atol + rtol * |expected|, elementwise. */
export interface Tolerance {
  atol: number;
  rtol: number;
}

/** The verdict for one case. */
export interface CaseResult {
  /** Stable name shown to the user, e.g. "example 1" or "hidden: fully masked row". */
  name: string;
  public: boolean;
  passed: boolean;
  /** Short description of the inputs (shapes), shown for every case; values only for public ones. */
  inputSummary: string;
  diagnostic?: Diagnostic;
  /** Tensors the user's function left allocated (intermediates not wrapped in tf.tidy). */
  leakedTensors: number;
  elapsedMs: number;
  /** What the user's code logged while this case ran (bounded per run, src/judge/consoleCapture.ts). */
  console?: ConsoleLine[];
  /** This case's console lines that were over the run's limit (counted, not kept). */
  consoleDropped?: number;
}

/** One `console.log/info/warn/error` call of the user's code, as text. */
export interface ConsoleLine {
  stream: 'log' | 'info' | 'warn' | 'error';
  text: string;
}

/** The whole answer to one Run or Submit. */
export interface Verdict {
  status: VerdictStatus;
  problemId: string;
  mode: JudgeMode;
  /** The tfjs backend that actually ran the code. */
  backend: BackendName;
  cases: CaseResult[];
  /** Set for compile-error, runtime-error, time-limit and internal-error. */
  error?: SerializedError;
  /** Which engines produced the reference values, e.g. ["tfjs/wasm"]. */
  checkedBy: string[];
  elapsedMs: number;
  /** Milliseconds from the client's request to the verdict, filled by the client. */
  roundTripMs?: number;
  runId: number;
}

/** A request to judge a source file against a problem. */
export interface JudgeRequest {
  /** Carried back in the verdict so stale answers can be dropped ("latest wins"). */
  runId: number;
  problemId: string;
  source: string;
  mode: JudgeMode;
}

/** What the worker reports once its backend is up. */
export interface RunnerInfo {
  backend: BackendName;
  /** Why auto picked this backend, or "chosen by the user". */
  reason: string;
  /** GPU adapter description when WebGPU was probed, for the backend indicator. */
  adapter?: string;
  /** A GPU backend on a software renderer (SwiftShader): the time budget is scaled by SOFTWARE_GPU_BUDGET_SCALE. */
  softwareGpu?: boolean;
}

/** `user` while user code runs (counted against the budget), `judge` while the judge's own code runs. */
export type RunPhase = 'user' | 'judge';

/** The API the runner worker exposes through comlink. */
export interface RunnerApi {
  /** Set up tfjs on the chosen backend; resolves once the backend is ready. */
  init(choice: BackendChoice): Promise<RunnerInfo>;
  /**
   * Judge one request. `onPhase` is told when user code starts and stops running, so the
   * watchdog charges the budget for the user's time only, not for the references or the engines.
   */
  judge(request: JudgeRequest, onPhase?: (phase: RunPhase) => void): Promise<Verdict>;
  /** Load a problem and work out its expected answers ahead of the first request (idle warm-up). */
  prepare(problemId: string): Promise<void>;
  /** Give the runner a port to the ONNX worker, the second reference engine used on Submit. */
  connectOnnx(port: MessagePort): void;
}

/** Default budget for one Run/Submit before the watchdog kills the worker. */
export const RUN_BUDGET_MS = 10_000;
/**
 * On a software GPU (SwiftShader) each op compiles a shader on the CPU: correct code runs several
 * times slower than on wasm, so the user's budget is this many times larger there.
 */
export const SOFTWARE_GPU_BUDGET_SCALE = 4;
/** Budget for starting a worker and its backend (wasm download, WebGPU adapter). */
export const INIT_BUDGET_MS = 60_000;
