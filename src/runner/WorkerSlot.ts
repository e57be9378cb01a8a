import * as Comlink from 'comlink';
import { INIT_BUDGET_MS } from '../shared/protocol';
import { withBudget } from './budget';

/** Makes a worker; injectable so tests can point elsewhere. */
export type WorkerFactory = () => Worker;

interface Generation<Api, Info> {
  id: number;
  worker: Worker;
  api: Comlink.Remote<Api>;
  ready: Promise<Info>;
  info?: Info;
  /** Resolves when this generation is terminated or replaced. */
  ended: Promise<void>;
  end: () => void;
}

/** Raised to a caller whose worker was replaced or terminated while it waited for start-up. */
export class WorkerReplacedError extends Error {
  constructor() {
    super('The worker was restarted while starting up.');
    this.name = 'WorkerReplacedError';
  }
}

/**
 * One worker's lifetime, shared by the runner and the notebook kernel: start, a start that
 * supersedes one still starting (a backend switched twice, Restart double-clicked), restart after
 * a watchdog kill, terminate. Every start is a numbered generation, and whatever a superseded
 * generation does later — its start-up timing out, failing, or resolving — touches only its own
 * worker, never the current one. So no quick double action can leave the app holding a dead worker.
 */
export class WorkerSlot<Api, Info> {
  private generation = 0;
  private current?: Generation<Api, Info>;

  constructor(
    private readonly factory: WorkerFactory,
    private readonly init: (api: Comlink.Remote<Api>) => Promise<Info>,
    private readonly initBudgetMs = INIT_BUDGET_MS,
  ) {}

  /**
   * Start a fresh worker, replacing any current one (running or still starting). Resolves when
   * the newest worker is ready: a start replaced by a later one answers with the later one's
   * start-up, never with a stale failure long after (a Restart clicked twice shows "ready").
   */
  start(): Promise<Info> {
    this.launch();
    return this.acquire().then(({ info }) => info);
  }

  private launch(): void {
    this.terminate();
    const worker = this.factory();
    const api = Comlink.wrap<Api>(worker);
    let end!: () => void;
    const ended = new Promise<void>((resolve) => (end = resolve));
    const generation: Generation<Api, Info> = { id: ++this.generation, worker, api, ready: undefined!, ended, end };
    generation.ready = withBudget(this.init(api), this.initBudgetMs, () => this.terminate(generation.id)).then((info) => {
      generation.info = info;
      return info;
    });
    // A start-up that fails leaves no half-started worker behind: the next call starts afresh.
    generation.ready.catch(() => this.terminate(generation.id));
    this.current = generation;
  }

  /**
   * The current worker once it is ready, starting one if there is none. When a newer start
   * replaces it meanwhile, follows the newer one instead of returning a dead handle.
   */
  async acquire(): Promise<{ id: number; api: Comlink.Remote<Api>; info: Info; worker: Worker }> {
    for (let attempt = 0; attempt < 8; attempt++) {
      if (!this.current) this.launch();
      const generation = this.current!;
      const info = await Promise.race([generation.ready, generation.ended.then(() => undefined)]);
      if (info !== undefined && this.current === generation) return { id: generation.id, api: generation.api, info, worker: generation.worker };
    }
    throw new WorkerReplacedError();
  }

  /** Terminate generation `id` (default: the current one). An id that is no longer current does nothing. */
  terminate(id?: number): void {
    const generation = this.current;
    if (!generation || (id !== undefined && generation.id !== id)) return;
    this.current = undefined;
    generation.api[Comlink.releaseProxy]?.();
    generation.worker.terminate();
    generation.end();
  }

  /** True while generation `id` is the current worker. */
  isCurrent(id: number): boolean {
    return this.current?.id === id;
  }

  /** The current worker's start-up answer, once it has one. */
  get info(): Info | undefined {
    return this.current?.info;
  }
}
