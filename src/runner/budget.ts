/**
 * The watchdog's clocks, shared by the runner and the notebook kernel: comlink has no timeouts and
 * a terminated worker leaves its calls pending forever, so every call races a budget.
 */
import type { RunPhase } from '../shared/protocol';

/** Raised to pending callers when the watchdog kills the worker. */
export class WorkerTimeoutError extends Error {
  constructor(readonly budgetMs: number) {
    super(`Stopped after ${budgetMs / 1000} s: the code did not finish within the time budget.`);
    this.name = 'WorkerTimeoutError';
  }
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
