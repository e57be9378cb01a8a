import * as Comlink from 'comlink';
import type { BackendChoice, RunPhase, RunnerInfo } from '../shared/protocol';
import type { CellResult, GradeReport, KernelEvent, NotebookKernelApi } from '../shared/notebookProtocol';
import { GRADE_BUDGET_MS, parseDirectives, type NotebookCell } from '../notebook/format';
import { loadGrader } from '../notebook/graders';
import { judgeGrade } from '../notebook/judgeGrade';
import { UserTimeBudget, WorkerTimeoutError } from './budget';
import { WorkerSlot, type WorkerFactory } from './WorkerSlot';

/** Raised to a pending call when the user presses Stop. */
export class StoppedError extends Error {
  constructor() {
    super('Stopped: the kernel was restarted, so every name defined by earlier cells is gone. Run the cells again.');
    this.name = 'StoppedError';
  }
}

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('../../workers/notebook.worker.ts', import.meta.url), { type: 'module', name: 'notebook' });

/**
 * The main thread's handle on the notebook kernel: comlink plus the runner's watchdog
 * (UserTimeBudget, withBudget). Each cell gets its own budget (`// @budget` in the cell, 10 s by
 * default). A time-limit or a Stop terminates the worker and starts a fresh one: the notebook's
 * text lives on the main thread and is never lost, but the kernel's state is.
 */
export class NotebookClient {
  private readonly slot: WorkerSlot<NotebookKernelApi, RunnerInfo>;
  private choice: BackendChoice = 'auto';
  private nextRunId = 1;
  /** Rejects the call in flight when the user presses Stop. */
  private interrupt?: (error: Error) => void;

  constructor(factory: WorkerFactory = defaultFactory) {
    this.slot = new WorkerSlot<NotebookKernelApi, RunnerInfo>(factory, (api) => api.init(this.choice));
  }

  /** The backend the kernel runs on, once it is up. */
  get info(): RunnerInfo | undefined {
    return this.slot.info;
  }

  /** Start a fresh kernel; a start made while another is starting replaces it (Restart clicked twice). */
  start(choice: BackendChoice = this.choice): Promise<RunnerInfo> {
    this.choice = choice;
    return this.slot.start();
  }

  /** True while a cell or a grading run is in flight. */
  get busy(): boolean {
    return this.interrupt !== undefined;
  }

  /** Run one cell; never rejects for the user's faults (errors, time-limits and Stops are results). */
  async runCell(cellIndex: number, source: string, onEvent: (event: KernelEvent) => void): Promise<CellResult> {
    const runId = this.nextRunId++;
    const started = performance.now();
    const budgetMs = parseDirectives(source).budgetMs;
    try {
      return await this.call(budgetMs, (api, events) => api.runCell({ runId, cellIndex, source }, events), onEvent);
    } catch (error) {
      if (error instanceof WorkerTimeoutError || error instanceof StoppedError) {
        return {
          runId,
          cellIndex,
          status: error instanceof StoppedError ? 'stopped' : 'time-limit',
          error: { name: error.name, message: error instanceof StoppedError ? error.message : `${error.message} The kernel was restarted: run the cells above again.` },
          elapsedMs: performance.now() - started,
          stateLost: true,
        };
      }
      throw error;
    }
  }

  /**
   * Grade the notebook: the kernel observes (fresh scopes there; the interactive state is
   * untouched), and the grader's judges decide here, outside the kernel's realm.
   */
  async grade(notebookId: string, cells: NotebookCell[]): Promise<GradeReport | { status: 'time-limit' | 'stopped'; message: string }> {
    const runId = this.nextRunId++;
    try {
      const definition = loadGrader(notebookId);
      const observed = await this.call(GRADE_BUDGET_MS, (api, events) => api.observe({ runId, notebookId, cells }, events), () => {});
      return judgeGrade(await definition, observed);
    } catch (error) {
      if (error instanceof WorkerTimeoutError) return { status: 'time-limit', message: `${error.message} The kernel was restarted.` };
      if (error instanceof StoppedError) return { status: 'stopped', message: error.message };
      throw error;
    }
  }

  /** Stop what is running: terminate the worker and start a fresh one. */
  stop(): void {
    const interrupt = this.interrupt;
    this.interrupt = undefined;
    void this.start(this.choice).catch(() => undefined);
    interrupt?.(new StoppedError());
  }

  /** Restart the kernel (all state is dropped). */
  restart(): Promise<RunnerInfo> {
    const interrupt = this.interrupt;
    this.interrupt = undefined;
    const ready = this.start(this.choice);
    interrupt?.(new StoppedError());
    return ready;
  }

  dispose(): void {
    this.interrupt = undefined;
    this.slot.terminate();
  }

  private async call<T>(
    budgetMs: number,
    invoke: (api: Comlink.Remote<NotebookKernelApi>, events: (event: KernelEvent) => void) => Promise<T>,
    onEvent: (event: KernelEvent) => void,
  ): Promise<T> {
    const { id, api } = await this.slot.acquire();
    const restart = () => {
      if (this.slot.isCurrent(id)) this.start(this.choice).catch(() => undefined);
    };
    const userTime = new UserTimeBudget(budgetMs, restart);
    // The clock runs from the call, not from the kernel's first word: a timer an earlier cell armed
    // may hold the kernel before this cell even starts, and that is the user's time too.
    userTime.phase('user');
    const stopped = new Promise<never>((_, reject) => (this.interrupt = reject));
    stopped.catch(() => undefined);
    const events = Comlink.proxy((event: KernelEvent) => {
      if (event.type === 'phase') userTime.phase(event.phase as RunPhase);
      else onEvent(event);
    });
    try {
      return await Promise.race([invoke(api, events), userTime.expired, stopped]);
    } finally {
      userTime.stop();
      this.interrupt = undefined;
    }
  }
}
