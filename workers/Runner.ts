import * as Comlink from 'comlink';
import type { BackendChoice, BackendName, JudgeRequest, RunPhase, RunnerApi, RunnerInfo, Verdict } from '../src/shared/protocol';
import type { TF } from '../src/judge/inputs';
import { JudgeCache, judgeSource, prepareReference, type JudgeContext } from '../src/judge/judge';
import type { ProblemDefinition } from '../src/judge/problem';
import { loadMistakeSources, loadOnnxFormulation, loadProblem } from '../src/judge/registry';
import type { OnnxEngine } from '../src/onnx/OrtEngine';
import type { OnnxFormulation } from '../src/onnx/formulation';
import { serializeError } from '../src/judge/userModule';
import type { UserRealm } from '../src/judge/realm';
import { startBackend } from './autoBackend';

/** Where user code runs: a fresh realm per judged request (the browser's sandbox workers). */
export interface RealmSource {
  take(backend: BackendName): Promise<UserRealm>;
  /** Get one ready ahead of the first request. */
  warm(backend: BackendName): void;
}

/** Decides which backend `auto` means on this device; the worker entry supplies a browser probe. */
export type AutoBackendPicker = () => Promise<{ backend: BackendName; reason: string; adapter?: string }>;

/**
 * The judge behind the worker boundary: a plain class so Node tests and the command line can use
 * it without a worker. One Runner runs on one backend for its whole life; switching backends
 * means a fresh worker, which also throws away anything user code left behind.
 */
export class Runner implements RunnerApi {
  private backend?: BackendName;
  private problems = new Map<
    string,
    Promise<{ problem: ProblemDefinition; mistakeSources: Record<string, string>; formulation?: OnnxFormulation; cache: JudgeCache }>
  >();
  /** Set when the WebGPU device is lost: every later verdict would be the GPU's fault, not the user's. */
  private deviceLost?: string;
  /** Judging and warm-up take turns (see `exclusive`). */
  private lock: Promise<void> = Promise.resolve();
  /** The second engine; absent until connected, and then used on every Submit of a formulated problem. */
  private onnxEngine?: OnnxEngine;

  constructor(
    private readonly tf: TF,
    private readonly pickAuto: AutoBackendPicker = async () => ({ backend: 'wasm', reason: 'default without a GPU probe' }),
    /** Called once the backend is up, before any user code runs (the worker locks its global down here). */
    private readonly afterInit: () => void = () => {},
    /** Realms for user code; without one (Node), user code runs in this realm. */
    private readonly realms?: RealmSource,
  ) {}

  async init(choice: BackendChoice): Promise<RunnerInfo> {
    const picked = await startBackend(this.tf, choice, this.pickAuto);
    this.backend = picked.backend;
    this.watchDevice();
    this.afterInit();
    this.realms?.warm(picked.backend);
    return { ...picked, backend: picked.backend };
  }

  /** Use an in-process second engine (Node tests, the command line). */
  setOnnxEngine(engine: OnnxEngine | undefined): void {
    this.onnxEngine = engine;
  }

  /** Use the ONNX worker at the other end of `port` as the second engine (the browser). */
  connectOnnx(port: MessagePort): void {
    this.onnxEngine = Comlink.wrap<OnnxEngine>(port) as unknown as OnnxEngine;
  }

  /**
   * Warm up for a problem before the user asks: load its code and work out the expected answers
   * (the page calls this in idle time once the editor is up). One case at a time, each under the
   * same lock as judging (tf's scopes are one stack, so two async flows must not interleave), so a
   * Run pressed meanwhile waits for at most one reference. Never fails: the judging run reports.
   */
  async prepare(problemId: string): Promise<void> {
    try {
      const { problem, formulation, cache } = await this.load(problemId);
      const crossCheck = this.crossCheckFor(formulation);
      for (const spec of cache.casesFor(problem, 'submit')) {
        if (!(await this.exclusive(() => prepareReference({ tf: this.tf, problem, crossCheck, cache }, spec)))) return;
      }
    } catch {
      // An unknown problem: the judging run says so.
    }
  }

  /** The second engine for a problem with an ONNX formulation, once the engine is connected. */
  private crossCheckFor(formulation: OnnxFormulation | undefined) {
    return formulation && this.onnxEngine ? { engine: this.onnxEngine, formulation } : undefined;
  }

  /** Run `work` after every earlier exclusive job, never beside one. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.lock.then(work);
    this.lock = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  async judge(request: JudgeRequest, onPhase?: (phase: RunPhase) => void): Promise<Verdict> {
    const backend = this.backend ?? (this.tf.getBackend() as BackendName);
    try {
      if (this.deviceLost) throw new GpuDeviceLostError(this.deviceLost);
      const { problem, mistakeSources, formulation, cache } = await this.load(request.problemId);
      const crossCheck = this.crossCheckFor(formulation);
      const realms = this.realms;
      const openRealm = realms ? () => realms.take(backend) : undefined;
      const context: JudgeContext = { tf: this.tf, backend, problem, mistakeSources, crossCheck, onPhase, cache, openRealm };
      const verdict = await this.exclusive(() => judgeSource(context, request));
      if (this.deviceLost) throw new GpuDeviceLostError(this.deviceLost);
      return verdict;
    } catch (error) {
      // Only the judge itself gets here (unknown problem, a broken reference): never the user's code.
      return {
        status: 'internal-error',
        problemId: request.problemId,
        mode: request.mode,
        backend,
        cases: [],
        checkedBy: [],
        error: serializeError(error),
        elapsedMs: 0,
        runId: request.runId,
      };
    }
  }

  /** A lost GPU device never comes back in this worker; remember it so the client starts a new one. */
  private watchDevice(): void {
    const backend = this.tf.backend() as { device?: { lost?: Promise<{ message?: string }> } };
    backend.device?.lost?.then((info) => {
      this.deviceLost = info?.message || 'the GPU device was lost';
    });
  }

  private load(problemId: string) {
    let entry = this.problems.get(problemId);
    if (!entry) {
      entry = Promise.all([loadProblem(problemId), loadMistakeSources(problemId), loadOnnxFormulation(problemId)]).then(
        ([problem, mistakeSources, formulation]) => ({ problem, mistakeSources, formulation, cache: new JudgeCache() }),
      );
      entry.catch(() => this.problems.delete(problemId));
      this.problems.set(problemId, entry);
    }
    return entry;
  }
}

/** The verdict's error when the GPU device went away: the client restarts the worker and retries. */
export class GpuDeviceLostError extends Error {
  constructor(detail: string) {
    super(`The GPU device was lost (${detail}); the runner restarts on a fresh device.`);
    this.name = 'GpuDeviceLost';
  }
}
