import type { BackendChoice, BackendName, RunnerInfo, SerializedError } from '../src/shared/protocol';
import type {
  CellOutput,
  CellResult,
  GradeRequest,
  KernelEvent,
  NotebookKernelApi,
  ObservedCheck,
  ObservedGrade,
  PlotPoint,
  RunCellRequest,
} from '../src/shared/notebookProtocol';
import type { TF } from '../src/judge/inputs';
import { CompileError, serializeError } from '../src/judge/userModule';
import { ASYNC_HEADER_LINES, AsyncFunction, SCOPE_PARAM, compileCell } from '../src/notebook/cellCompiler';
import { ConventionError, type GradeContext, type NotebookDefinition } from '../src/notebook/defineNotebook';
import { parseDirectives, type NotebookCell } from '../src/notebook/format';
import { loadGrader } from '../src/notebook/graders';
import { startBackend } from './autoBackend';

/** Where a scope's outputs go, and how many this run has sent. */
interface Sink {
  emit: Emit;
  cell: { current: number };
  sent: { outputs: number; bytes: number; dropped: number };
}

/** Decides which backend `auto` means on this device (the worker entry passes the browser probe). */
type AutoBackendPickerLike = () => Promise<{ backend: BackendName; reason: string; adapter?: string }>;

/** Plot points are sent at most this often while a cell runs, so a tight loop cannot flood the page. */
const PLOT_FLUSH_MS = 50;
/** Values of a tensor shown in a preview. */
const PREVIEW_VALUES = 8;
/**
 * Most outputs one cell run sends to the page; past either bound the rest are counted and summed up
 * in one line, so a print in a loop of a million cannot flood or freeze the page.
 */
export const MAX_OUTPUTS_PER_RUN = 200;
export const MAX_OUTPUT_BYTES_PER_RUN = 64 * 1024;

/** Longest text one print or value shows. */
const MAX_TEXT = 2_000;
/** Seed of Math.random while grading, so unseeded dropout is reproducible but differs call to call. */
export const GRADING_SEED = 20_240_601;

type Scope = Record<string, unknown>;
type Emit = (event: KernelEvent) => void;

/** `cell-<n>.ts`: the file name a cell runs under; stack frames naming it point into that cell. */
export function cellFileName(cellIndex: number): string {
  return `cell-${cellIndex + 1}.ts`;
}

/** Where an error was thrown: the cell (from the first frame in any cell) and its line there. */
export function locateInCells(error: unknown): { cellIndex: number; error: SerializedError } | undefined {
  const match = /cell-(\d+)\.ts:\d+:\d+/.exec(String((error as Error)?.stack ?? ''));
  if (!match) return undefined;
  const cellIndex = Number(match[1]) - 1;
  return { cellIndex, error: serializeError(error, cellFileName(cellIndex), ASYNC_HEADER_LINES) };
}

/** A deterministic PRNG (mulberry32), offered to cells as `seededRandom(seed)`. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The notebook kernel behind the worker boundary: a plain class, so Node tests construct it
 * directly. Cells share one scope object for the kernel's life; a restart is a fresh worker (the
 * main thread's NotebookClient does it), which throws the scope away with everything else.
 */
export class NotebookKernel implements NotebookKernelApi {
  private scope: Scope;
  private backend?: BackendName;

  constructor(
    private readonly tf: TF,
    private readonly pickAuto: AutoBackendPickerLike = async () => ({ backend: 'wasm', reason: 'default without a GPU probe' }),
    /** Called once the backend is up, before any cell runs (the worker locks its globals down here). */
    private readonly afterInit: () => void = () => {},
    private readonly graderFor: (notebookId: string) => Promise<NotebookDefinition> = loadGrader,
  ) {
    this.scope = this.newScope(() => {}, { current: 0 });
  }

  async init(choice: BackendChoice): Promise<RunnerInfo> {
    const picked = await startBackend(this.tf, choice, this.pickAuto);
    this.backend = picked.backend;
    this.afterInit();
    return picked;
  }

  /** Forget every name the cells defined (Node tests; the app restarts the worker instead). */
  reset(): void {
    this.scope = this.newScope(() => {}, { current: 0 });
  }

  /** Run one cell in the shared scope, streaming its outputs, plots and progress through `onEvent`. */
  async runCell(request: RunCellRequest, onEvent: Emit = () => {}): Promise<CellResult> {
    const started = performance.now();
    const sink = this.scope.__sink as Sink;
    sink.emit = onEvent;
    sink.cell.current = request.cellIndex;
    sink.sent = { outputs: 0, bytes: 0, dropped: 0 };
    onEvent({ type: 'phase', phase: 'user' });
    try {
      const value = await this.execute(this.scope, request.cellIndex, request.source);
      if (value !== undefined) onEvent({ type: 'output', cellIndex: request.cellIndex, output: this.describe(value) });
      return { runId: request.runId, cellIndex: request.cellIndex, status: 'ok', elapsedMs: performance.now() - started };
    } catch (error) {
      const { error: serialized, cellIndex } = this.serialize(error, request.cellIndex);
      return {
        runId: request.runId,
        cellIndex: request.cellIndex,
        status: 'error',
        error: cellIndex === request.cellIndex ? serialized : { ...serialized, message: `${serialized.message} (in a function from cell ${cellIndex + 1})` },
        errorCellIndex: cellIndex,
        elapsedMs: performance.now() - started,
      };
    } finally {
      (this.scope.__flush as () => void)();
      if (sink.sent.dropped) {
        const text = `… ${sink.sent.dropped} more output line${sink.sent.dropped === 1 ? '' : 's'} not shown (a run shows at most ${MAX_OUTPUTS_PER_RUN} lines or ${MAX_OUTPUT_BYTES_PER_RUN / 1024} KB).`;
        onEvent({ type: 'output', cellIndex: request.cellIndex, output: { type: 'text', stream: 'stderr', text } });
      }
      onEvent({ type: 'phase', phase: 'judge' });
      sink.emit = () => {};
    }
  }

  /**
   * The kernel's half of grading the notebook as the user has it: for the target and for each
   * probe, run every gradeable code cell in a fresh scope with Math.random seeded, then the check's
   * `observe`. Fresh scopes keep the checks independent (one probe's training cannot help another).
   * Pass or fail is decided outside this realm, in the page (src/notebook/judgeGrade.ts).
   */
  async observe(request: GradeRequest, onEvent: Emit = () => {}): Promise<ObservedGrade> {
    const started = performance.now();
    const definition = await this.graderFor(request.notebookId);
    const observed: ObservedGrade = {
      runId: request.runId,
      notebookId: request.notebookId,
      status: 'graded',
      probes: [],
      backend: this.backend ?? this.tf.getBackend(),
      elapsedMs: 0,
    };
    const checks = [definition.target, ...definition.probes];
    onEvent({ type: 'phase', phase: 'user' });
    const realRandom = Math.random;
    try {
      for (const [i, check] of checks.entries()) {
        const outcome = await this.inFreshScope(request.cells, observed, (context) => check.observe(context));
        if (!outcome) break;
        if (i === 0) observed.target = outcome;
        else observed.probes.push(outcome);
      }
    } finally {
      Math.random = realRandom;
      onEvent({ type: 'phase', phase: 'judge' });
    }
    observed.elapsedMs = performance.now() - started;
    return observed;
  }

  /** Run the cells, then `observe`; undefined when a cell failed (recorded in `observed`). */
  private async inFreshScope(
    cells: NotebookCell[],
    observed: ObservedGrade,
    observe: (context: GradeContext) => unknown,
  ): Promise<ObservedCheck | undefined> {
    const tf = this.tf;
    Math.random = seededRandom(GRADING_SEED);
    const variablesBefore = new Set(Object.keys(tf.engine().registeredVariables));
    tf.engine().startScope();
    const scope = this.newScope(() => {}, { current: 0 });
    try {
      for (const [cellIndex, cell] of cells.entries()) {
        if (cell.kind !== 'code' || parseDirectives(cell.source).skipInGrading) continue;
        try {
          await this.execute(scope, cellIndex, cell.source);
        } catch (error) {
          const located = this.serialize(error, cellIndex);
          observed.status = 'cell-error';
          observed.cellError = { cellIndex: located.cellIndex, cellName: cells[located.cellIndex]?.name ?? '', error: located.error };
          return undefined;
        }
      }
      try {
        return { observation: plainData(await observe(this.context(scope))) };
      } catch (error) {
        return { failure: this.describeFailure(error) };
      }
    } finally {
      tf.engine().endScope();
      for (const [name, variable] of Object.entries(tf.engine().registeredVariables)) {
        if (!variablesBefore.has(name)) variable.dispose();
      }
    }
  }

  private context(scope: Scope): GradeContext {
    const get = <T,>(name: string): T => {
      if (!(name in scope) || scope[name] === undefined) {
        throw new ConventionError(`The notebook must define \`${name}\` (see the notebook's conventions); it is missing.`);
      }
      return scope[name] as T;
    };
    return {
      tf: this.tf,
      scope,
      get,
      async call<T>(name: string, ...args: unknown[]): Promise<T> {
        const fn = get<unknown>(name);
        if (typeof fn !== 'function') throw new ConventionError(`\`${name}\` must be a function, but it is ${typeof fn}.`);
        return (await fn(...args)) as T;
      },
      async withReplaced<T>(name: string, value: unknown, work: () => Promise<T>): Promise<T> {
        const saved = scope[name];
        scope[name] = value;
        try {
          return await work();
        } finally {
          scope[name] = saved;
        }
      },
    };
  }

  private describeFailure(error: unknown): string {
    if (error instanceof ConventionError) return error.message;
    const located = locateInCells(error);
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return located ? `${message} (cell ${located.cellIndex + 1}, line ${located.error.location?.line ?? '?'})` : message;
  }

  private async execute(scope: Scope, cellIndex: number, source: string): Promise<unknown> {
    const file = cellFileName(cellIndex);
    const compiled = compileCell(source, file);
    for (const name of compiled.declared) if (!(name in scope)) scope[name] = undefined;
    let run: (scope: Scope) => Promise<unknown>;
    try {
      run = new AsyncFunction(SCOPE_PARAM, `${compiled.body}\n//# sourceURL=${file}`) as typeof run;
    } catch (error) {
      throw new CompileError((error as Error).message);
    }
    return await run(scope);
  }

  private serialize(error: unknown, cellIndex: number): { cellIndex: number; error: SerializedError } {
    if (error instanceof CompileError) return { cellIndex, error: serializeError(error) };
    return locateInCells(error) ?? { cellIndex, error: serializeError(error, cellFileName(cellIndex), ASYNC_HEADER_LINES) };
  }

  /**
   * A scope with the kernel's builtins: `tf`, `print` (and `console.log`), `show`, `plot`,
   * `progress` and `seededRandom`. Outputs go to `sink.emit`, which runCell points at the caller.
   */
  private newScope(emit: Emit, cell: { current: number }): Scope {
    const sink: Sink = { emit, cell, sent: { outputs: 0, bytes: 0, dropped: 0 } };
    let pending: PlotPoint[] = [];
    let lastFlush = 0;
    const flush = () => {
      if (pending.length) sink.emit({ type: 'plot', cellIndex: sink.cell.current, points: pending });
      pending = [];
      lastFlush = performance.now();
    };
    const output = (item: CellOutput) => {
      const sent = sink.sent;
      const bytes = 'text' in item && typeof item.text === 'string' ? item.text.length : 256;
      if (sent.outputs >= MAX_OUTPUTS_PER_RUN || sent.bytes + bytes > MAX_OUTPUT_BYTES_PER_RUN) {
        sent.dropped++;
        return;
      }
      sent.outputs++;
      sent.bytes += bytes;
      sink.emit({ type: 'output', cellIndex: sink.cell.current, output: item });
    };
    const print = (...args: unknown[]) => output(this.describePrint(args));
    const scope: Scope = Object.create(null);
    Object.assign(scope, {
      __sink: sink,
      __flush: flush,
      tf: this.tf,
      print,
      show: (value: unknown, label?: string) => output(this.describe(value, label)),
      console: {
        log: print,
        info: print,
        warn: (...args: unknown[]) => output({ type: 'text', stream: 'stderr', text: args.map((a) => this.format(a)).join(' ') }),
        error: (...args: unknown[]) => output({ type: 'text', stream: 'stderr', text: args.map((a) => this.format(a)).join(' ') }),
      },
      plot: (name: string, step: number, value: number) => {
        pending.push({ name: String(name), step: Number(step), value: Number(value) });
        if (performance.now() - lastFlush > PLOT_FLUSH_MS) flush();
      },
      progress: (done: number, total: number) => {
        flush();
        sink.emit({ type: 'progress', cellIndex: sink.cell.current, done: Number(done), total: Number(total) });
      },
      seededRandom,
    });
    return scope;
  }

  /** `print(t)` and `print('label', t)` show a tensor preview; anything else prints as text. */
  private describePrint(args: unknown[]): CellOutput {
    const last = args[args.length - 1];
    if (last instanceof this.tf.Tensor && args.slice(0, -1).every((a) => typeof a === 'string' || typeof a === 'number')) {
      return this.describe(last, args.slice(0, -1).join(' ') || undefined);
    }
    return { type: 'text', stream: 'stdout', text: args.map((a) => this.format(a)).join(' ') };
  }

  private describe(value: unknown, label?: string): CellOutput {
    if (value instanceof this.tf.Tensor) {
      if (value.isDisposed) return { type: 'text', stream: 'stderr', text: `${label ? label + ' ' : ''}(disposed tensor)` };
      const data = value.dtype === 'string' ? (value.dataSync() as unknown as Uint8Array[]).map((b) => new TextDecoder().decode(b)) : value.dataSync();
      const values = Array.from(data as ArrayLike<number | string>).slice(0, PREVIEW_VALUES);
      return { type: 'tensor', shape: value.shape.slice(), dtype: value.dtype, size: value.size, values: values.map((v) => (typeof v === 'number' ? round(v) : v)), label };
    }
    return { type: 'value', text: (label ? label + ' ' : '') + this.format(value) };
  }

  private format(value: unknown): string {
    if (typeof value === 'string') return value.slice(0, MAX_TEXT);
    if (typeof value === 'number') return String(round(value));
    if (value instanceof this.tf.Tensor) return `Tensor(${JSON.stringify(value.shape)}, ${value.dtype})`;
    if (typeof value === 'function') return `[function ${value.name || 'anonymous'}]`;
    if (value instanceof Error) return `${value.name}: ${value.message}`;
    try {
      const text = JSON.stringify(value, (_key, v) =>
        v instanceof this.tf.Tensor ? `Tensor(${JSON.stringify(v.shape)}, ${v.dtype})` : typeof v === 'number' ? round(v) : v,
      );
      return (text ?? String(value)).slice(0, MAX_TEXT);
    } catch {
      return String(value).slice(0, MAX_TEXT);
    }
  }
}

/**
 * An observation as the page will receive it: structured-cloned here, so a grader that returns a
 * tensor or a function fails in its check (naming the problem) instead of breaking the channel.
 */
function plainData(value: unknown): unknown {
  try {
    return structuredClone(value);
  } catch (error) {
    throw new Error(`The grader's observation is not plain data (${(error as Error).message}).`);
  }
}

function round(value: number): number {
  return Number.isFinite(value) && !Number.isInteger(value) ? Number(value.toPrecision(5)) : value;
}
