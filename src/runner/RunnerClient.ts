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
import { JUDGE_HARD_CAP_MS, UserTimeBudget, WorkerTimeoutError, withBudget } from './budget';
import { WorkerSlot, type WorkerFactory } from './WorkerSlot';

export { UserTimeBudget, WorkerTimeoutError, withBudget, JUDGE_HARD_CAP_MS } from './budget';
export type { WorkerFactory } from './WorkerSlot';

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
  private readonly slot: WorkerSlot<RunnerApi, RunnerInfo>;
  private choice: BackendChoice = 'auto';
  private nextRunId = 1;
  private latestRunId = 0;
  /** The ONNX worker outlives runner restarts: its runtime is the expensive part to load. */
  private onnxWorker?: Worker;
  private onnxApi?: Comlink.Remote<OnnxWorkerApi>;
  /** Resolves with the ONNX provider once warm, or undefined when the engine cannot start here. */
  private onnxReady?: Promise<string | undefined>;
  /** The runner generation that holds a port to the ONNX worker. */
  private onnxConnectedTo?: number;
  /** Cross-check Submits with the ONNX reference where a problem has one (off: tfjs only). */
  crossCheck = true;
  /** Execution providers for the ONNX engine; read once, when the engine first loads. */
  onnxProvider: OnnxProviderChoice = 'auto';
  /** The problem on screen, prepared again whenever a fresh worker starts. */
  private warmProblem?: string;
  /** Ends the run in flight when the user presses Stop (see stop()). */
  private stopInFlight?: () => void;

  constructor(
    private readonly budgetMs: number = RUN_BUDGET_MS,
    factory: WorkerFactory = defaultFactory,
    private readonly onnxFactory: WorkerFactory = defaultOnnxFactory,
  ) {
    this.slot = new WorkerSlot<RunnerApi, RunnerInfo>(factory, (api) => api.init(this.choice));
  }

  /** The backend the current worker runs on, once it is up. */
  get info(): RunnerInfo | undefined {
    return this.slot.info;
  }

  /** True when Submit on this problem also runs the ONNX reference. */
  crossChecks(problemId: string): boolean {
    return this.crossCheck && ONNX_PROBLEMS.has(problemId);
  }

  /**
   * Start (or restart) the worker on a backend; resolves when the backend is ready. A start made
   * while another is still starting replaces it cleanly (see WorkerSlot).
   */
  start(choice: BackendChoice): Promise<RunnerInfo> {
    this.choice = choice;
    const started = this.slot.start();
    // A fresh worker (another backend, a restart) has no expected answers yet: prepare them again.
    const problemId = this.warmProblem;
    if (problemId) void started.then(() => this.warmUp(problemId), () => undefined);
    return started;
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
    const runId = this.nextRunId++;
    this.latestRunId = runId;
    const requested = performance.now();
    // Stop works from the click on: while the worker or the second engine is still starting, it
    // just drops the request; once the user's code runs, it also replaces the worker running it.
    let endWorker: (() => void) | undefined;
    const stopped = new Promise<'stopped'>((resolve) => {
      this.stopInFlight = () => {
        endWorker?.();
        resolve('stopped');
      };
    });
    const stoppedVerdict = (backend: Verdict['backend']): Verdict => {
      const ms = performance.now() - requested;
      return { status: 'stopped', problemId: request.problemId, mode: request.mode, backend, cases: [], checkedBy: [], elapsedMs: ms, roundTripMs: ms, runId };
    };
    const ready = await Promise.race([
      (async () => {
        const acquired = await this.slot.acquire();
        if (request.mode === 'submit' && this.crossChecks(request.problemId)) await this.connectOnnx(acquired.id, acquired.api);
        return acquired;
      })(),
      stopped,
    ]);
    if (ready === 'stopped') {
      this.stopInFlight = undefined;
      return stoppedVerdict(this.info?.backend ?? 'cpu');
    }
    const { id, api, info } = ready;
    const started = performance.now();
    // Kill a stuck worker and bring up a fresh one in the background — unless a newer start already replaced it.
    const restart = () => {
      if (this.slot.isCurrent(id)) this.start(this.choice).catch(() => undefined);
    };
    // The worker may be deep in the user's loop: the only way to end it at once is to replace it.
    endWorker = restart;
    const scale = info.softwareGpu ? SOFTWARE_GPU_BUDGET_SCALE : 1;
    const userTime = new UserTimeBudget(budgetFor(request.problemId, this.budgetMs) * scale, restart);
    try {
      const judged = api.judge({ ...request, runId }, Comlink.proxy((phase: RunPhase) => userTime.phase(phase)));
      // The judge's own work (references, the ONNX engine) is not charged to the user, but it
      // still gets a hard cap so a broken engine cannot hang the page forever.
      const verdict = await withBudget(Promise.race([judged, userTime.expired, stopped]), JUDGE_HARD_CAP_MS, restart);
      if (verdict === 'stopped') return stoppedVerdict(info.backend);
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
      this.stopInFlight = undefined;
      userTime.stop();
    }
  }

  /**
   * Get everything the first Run and Submit of `problemId` need ready before they are asked for:
   * the runner and its backend, the second engine (loaded, warmed up and connected) and the
   * problem's expected answers. Called in idle time once the editor is up; a request made before
   * it ends simply waits for the same start-up. Never rejects: a failure here is reported by the
   * request that needs the missing part.
   */
  async warmUp(problemId: string): Promise<void> {
    this.warmProblem = problemId;
    try {
      const { id, api } = await this.slot.acquire();
      if (this.crossChecks(problemId)) await this.connectOnnx(id, api);
      if (this.slot.isCurrent(id)) await api.prepare(problemId);
    } catch {
      // Reported by the request that needs it.
    }
  }

  /**
   * End the run in flight now: its verdict is `stopped` and a fresh worker takes over (the old one
   * may be stuck in the user's loop). Does nothing when no run is in flight.
   */
  stopRun(): void {
    this.stopInFlight?.();
  }

  /** True when no newer request has been made since `runId`: older answers are stale. */
  isLatest(runId: number): boolean {
    return runId === this.latestRunId;
  }

  /**
   * Load the ONNX worker on first need, warm it up outside the user's time budget, and hand the
   * runner a port to it. When the engine cannot start, Submits are judged by tfjs alone.
   */
  private async connectOnnx(runnerId: number, runner: Comlink.Remote<RunnerApi>): Promise<void> {
    if (!this.onnxReady) {
      const worker = this.onnxFactory();
      this.onnxWorker = worker;
      this.onnxApi = Comlink.wrap<OnnxWorkerApi>(worker);
      this.onnxReady = withBudget(this.onnxApi.warmUp(this.onnxProvider), INIT_BUDGET_MS, () => worker.terminate()).catch(() => undefined);
    }
    const provider = await this.onnxReady;
    if (!provider || this.onnxConnectedTo === runnerId || !this.onnxApi) return;
    const channel = new MessageChannel();
    await this.onnxApi.connect(Comlink.transfer(channel.port1, [channel.port1]));
    await runner.connectOnnx(Comlink.transfer(channel.port2, [channel.port2]));
    this.onnxConnectedTo = runnerId;
  }

  stop(): void {
    this.slot.terminate();
  }
}

/** A problem's own time budget (meta.json `timeLimitSeconds`), else the client's default. */
function budgetFor(problemId: string, fallbackMs: number): number {
  const seconds = findProblem(problemId)?.timeLimitSeconds;
  return seconds ? Math.max(seconds * 1000, fallbackMs) : fallbackMs;
}

