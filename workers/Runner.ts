import * as Comlink from 'comlink';
import type { BackendChoice, BackendName, JudgeRequest, RunPhase, RunnerApi, RunnerInfo, Verdict } from '../src/shared/protocol';
import type { TF } from '../src/judge/inputs';
import { judgeSource, type JudgeContext } from '../src/judge/judge';
import type { ProblemDefinition } from '../src/judge/problem';
import { loadMistakeSources, loadOnnxFormulation, loadProblem } from '../src/judge/registry';
import type { OnnxEngine } from '../src/onnx/OrtEngine';
import type { OnnxFormulation } from '../src/onnx/formulation';
import { serializeError } from '../src/judge/userModule';
import { startBackend } from './autoBackend';

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
    Promise<{ problem: ProblemDefinition; mistakeSources: Record<string, string>; formulation?: OnnxFormulation }>
  >();
  /** The second engine; absent until connected, and then used on every Submit of a formulated problem. */
  private onnxEngine?: OnnxEngine;

  constructor(
    private readonly tf: TF,
    private readonly pickAuto: AutoBackendPicker = async () => ({ backend: 'wasm', reason: 'default without a GPU probe' }),
    /** Called once the backend is up, before any user code runs (the worker locks its global down here). */
    private readonly afterInit: () => void = () => {},
  ) {}

  async init(choice: BackendChoice): Promise<RunnerInfo> {
    const picked = await startBackend(this.tf, choice, this.pickAuto);
    this.backend = picked.backend;
    this.afterInit();
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

  async judge(request: JudgeRequest, onPhase?: (phase: RunPhase) => void): Promise<Verdict> {
    const backend = this.backend ?? (this.tf.getBackend() as BackendName);
    try {
      const { problem, mistakeSources, formulation } = await this.load(request.problemId);
      const crossCheck = formulation && this.onnxEngine ? { engine: this.onnxEngine, formulation } : undefined;
      const context: JudgeContext = { tf: this.tf, backend, problem, mistakeSources, crossCheck, onPhase };
      return await judgeSource(context, request);
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

  private load(problemId: string) {
    let entry = this.problems.get(problemId);
    if (!entry) {
      entry = Promise.all([loadProblem(problemId), loadMistakeSources(problemId), loadOnnxFormulation(problemId)]).then(
        ([problem, mistakeSources, formulation]) => ({ problem, mistakeSources, formulation }),
      );
      entry.catch(() => this.problems.delete(problemId));
      this.problems.set(problemId, entry);
    }
    return entry;
  }
}
