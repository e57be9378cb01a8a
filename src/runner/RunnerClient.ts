import * as Comlink from 'comlink';
import {
  INIT_BUDGET_MS,
  RUN_BUDGET_MS,
  SOFTWARE_GPU_BUDGET_SCALE,
  type BackendChoice,
  type JudgeRequest,
  type OnnxProviderChoice,
  type RunPhase,
  type RunnerApi,
  type RunnerInfo,
  type Verdict,
} from '../shared/protocol';
import type { OnnxWorkerApi } from '../../workers/onnx.worker';
import { findProblem } from '../catalog';

/** Raised to pending callers when the watchdog kills the worker. */
export class WorkerTimeoutError extends Error {
  constructor(readonly budgetMs: number) {
    super(`Stopped after ${budgetMs / 1000} s: the code did not finish within the time budget.`);
    this.name = 'WorkerTimeoutError';
  }
}

/** Makes the worker; injectable so tests and the notebook runner can point elsewhere. */
export type WorkerFactory = () => Worker;

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('../../workers/runner.worker.ts', import.meta.url), { type: 'module', name: 'runner' });

const defaultOnnxFactory: WorkerFactory = () =>
  new Worker(new URL('../../workers/onnx.worker.ts', import.meta.url), { type: 'module', name: 'onnx' });

/**
 * Problems with an ONNX formulation, read from the file names only: the lazy raw glob is never
 * loaded, so the main thread neither bundles nor runs problem code.
 */
const ONNX_PROBLEMS = new Set(
  Object.keys(import.meta.glob('/problems/*/*/onnx.ts', { query: '?raw', import: 'default' })).map((path) =>
    path.replace(/^\/problems\//, '').replace(/\/onnx\.ts$/, ''),
  ),
);

/**
 * The main thread's handle on the runner worker: comlink plus a watchdog.
 *
 * comlink has no timeouts and a terminated worker leaves its calls pending forever, so every call
 * races a budget; on overrun the worker is terminated, the caller gets a `time-limit` verdict and
 * a fresh worker is started on the same backend so the next run just works.
 */
export class RunnerClient {
  private worker?: Worker;
  private api?: Comlink.Remote<RunnerApi>;
  private ready?: Promise<RunnerInfo>;
  private choice: BackendChoice = 'auto';
  private nextRunId = 1;
  private latestRunId = 0;
  /** The ONNX worker outlives runner restarts: its runtime is the expensive part to load. */
  private onnxWorker?: Worker;
  private onnxApi?: Comlink.Remote<OnnxWorkerApi>;
  /** Resolves with the ONNX provider once warm, or undefined when the engine cannot start here. */
  private onnxReady?: Promise<string | undefined>;
  /** Whether the current runner worker has a port to the ONNX worker. */
  private onnxConnected = false;
  /** The backend the current worker runs on, once it is up. */
  info?: RunnerInfo;
  /** Cross-check Submits with the ONNX reference where a problem has one (off: tfjs only). */
  crossCheck = true;
  /** Execution providers for the ONNX engine; read once, when the engine first loads. */
  onnxProvider: OnnxProviderChoice = 'auto';

  constructor(
    private readonly budgetMs: number = RUN_BUDGET_MS,
    private readonly factory: WorkerFactory = defaultFactory,
    private readonly onnxFactory: WorkerFactory = defaultOnnxFactory,
  ) {}

  /** True when Submit on this problem also runs the ONNX reference. */
  crossChecks(problemId: string): boolean {
    return this.crossCheck && ONNX_PROBLEMS.has(problemId);
  }

  /** Start (or restart) the worker on a backend; resolves when the backend is ready. */
  start(choice: BackendChoice): Promise<RunnerInfo> {
    this.choice = choice;
    this.stop();
    const worker = this.factory();
    this.worker = worker;
    this.api = Comlink.wrap<RunnerApi>(worker);
    const api = this.api;
    this.ready = withBudget(api.init(choice), INIT_BUDGET_MS, () => this.stop()).then((info) => {
      if (this.worker === worker) this.info = info;
      return info;
    });
    return this.ready;
  }

  /**
   * Judge a request. Never rejects for the user's faults: a runaway run becomes `time-limit`. An
   * internal error (a lost GPU device, a judge bug) is never the user's fault either: the worker
   * is replaced and the request tried once more before the error is shown.
   */
  async judge(request: Omit<JudgeRequest, 'runId'>): Promise<Verdict> {
    const verdict = await this.judgeOnce(request);
    if (verdict.status !== 'internal-error' || verdict.error?.name === 'EngineDisagreement') return verdict;
    await this.start(this.choice).catch(() => undefined);
    return this.judgeOnce(request);
  }

  private async judgeOnce(request: Omit<JudgeRequest, 'runId'>): Promise<Verdict> {
    if (!this.ready) this.start(this.choice);
    const runId = this.nextRunId++;
    this.latestRunId = runId;
    const info = await this.ready!;
    const started = performance.now();
    if (request.mode === 'submit' && this.crossChecks(request.problemId)) await this.connectOnnx();
    // Kill a stuck worker and bring up a fresh one in the background.
    const restart = () => this.start(this.choice).catch(() => undefined);
    const scale = info.softwareGpu ? SOFTWARE_GPU_BUDGET_SCALE : 1;
    const userTime = new UserTimeBudget(budgetFor(request.problemId, this.budgetMs) * scale, restart);
    try {
      const judged = this.api!.judge({ ...request, runId }, Comlink.proxy((phase: RunPhase) => userTime.phase(phase)));
      // The judge's own work (references, the ONNX engine) is not charged to the user, but it
      // still gets a hard cap so a broken engine cannot hang the page forever.
      const verdict = await withBudget(Promise.race([judged, userTime.expired]), JUDGE_HARD_CAP_MS, restart);
      return { ...verdict, roundTripMs: performance.now() - started };
    } catch (error) {
      if (!(error instanceof WorkerTimeoutError)) throw error;
      return {
        status: 'time-limit',
        problemId: request.problemId,
        mode: request.mode,
        backend: info.backend,
        cases: [],
        checkedBy: [],
        error: { name: error.name, message: error.message },
        elapsedMs: error.budgetMs,
        roundTripMs: performance.now() - started,
        runId,
      };
    } finally {
      userTime.stop();
    }
  }

  /** True when no newer request has been made since `runId`: older answers are stale. */
  isLatest(runId: number): boolean {
    return runId === this.latestRunId;
  }

  /**
   * Load the ONNX worker on first need, warm it up outside the user's time budget, and hand the
   * runner a port to it. When the engine cannot start, Submits are judged by tfjs alone.
   */
  private async connectOnnx(): Promise<void> {
    if (!this.onnxReady) {
      const worker = this.onnxFactory();
      this.onnxWorker = worker;
      this.onnxApi = Comlink.wrap<OnnxWorkerApi>(worker);
      this.onnxReady = withBudget(this.onnxApi.warmUp(this.onnxProvider), INIT_BUDGET_MS, () => worker.terminate()).catch(() => undefined);
    }
    const provider = await this.onnxReady;
    if (!provider || this.onnxConnected || !this.api || !this.onnxApi) return;
    const channel = new MessageChannel();
    await this.onnxApi.connect(Comlink.transfer(channel.port1, [channel.port1]));
    await this.api.connectOnnx(Comlink.transfer(channel.port2, [channel.port2]));
    this.onnxConnected = true;
  }

  stop(): void {
    this.onnxConnected = false;
    this.api?.[Comlink.releaseProxy]?.();
    this.worker?.terminate();
    this.worker = undefined;
    this.api = undefined;
    this.info = undefined;
  }
}

/** A problem's own time budget (meta.json `timeLimitSeconds`), else the client's default. */
function budgetFor(problemId: string, fallbackMs: number): number {
  const seconds = findProblem(problemId)?.timeLimitSeconds;
  return seconds ? Math.max(seconds * 1000, fallbackMs) : fallbackMs;
}

/** Hard cap on one judge call, user time and the judge's own time together. */
export const JUDGE_HARD_CAP_MS = 120_000;

/**
 * Charges the budget only while the worker reports that user code is running. Phase messages are
 * posted before user code starts, so an infinite loop still starts the clock.
 */
export class UserTimeBudget {
  private usedMs = 0;
  private since?: number;
  private timer?: ReturnType<typeof setTimeout>;
  private reject!: (error: Error) => void;
  /** Rejects with WorkerTimeoutError once user time passes the budget. */
  readonly expired: Promise<never>;

  constructor(private readonly budgetMs: number, private readonly onExpire: () => void) {
    this.expired = new Promise<never>((_, reject) => (this.reject = reject));
    this.expired.catch(() => undefined);
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  phase(phase: RunPhase): void {
    if (phase === 'user' && this.since === undefined) {
      this.since = performance.now();
      this.timer = setTimeout(() => {
        this.onExpire();
        this.reject(new WorkerTimeoutError(this.budgetMs));
      }, this.budgetMs - this.usedMs);
    } else if (phase === 'judge' && this.since !== undefined) {
      this.usedMs += performance.now() - this.since;
      this.since = undefined;
      clearTimeout(this.timer);
    }
  }
}

/** Resolve with `promise`, or call `onTimeout` and reject with WorkerTimeoutError after `budgetMs`. */
export function withBudget<T>(promise: Promise<T>, budgetMs: number, onTimeout: () => void): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new WorkerTimeoutError(budgetMs));
    }, budgetMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
