/**
 * Where the user's code runs, kept apart from the judge. The judge (references, hidden cases'
 * expected answers, comparison, verdict) talks to a realm only through this interface, sending
 * case inputs as plain data and receiving outputs as plain data. In the browser the realm is a
 * fresh, locked-down worker per run (workers/Sandbox.ts), so nothing the user's code patches
 * (Math.abs, Object.is, tf itself, postMessage) can touch the judge or outlive the run. In Node
 * (unit tests, mutation runs) the same logic runs in-process.
 */
import type { ConsoleLine, Diagnostic, SerializedError } from '../shared/protocol';
import { ConsoleCapture } from './consoleCapture';
import type { Plain } from './compare';
import { runCandidate } from './execute';
import { ForbiddenApiError, guardedTf } from './guardedTf';
import type { TF } from './inputs';
import { asMemoryLimit } from './memoryLimit';
import type { ArgSpec, ForbiddenApi } from './problem';
import { CompileError, loadUserModule, serializeError } from './userModule';

export type LoadOutcome = { ok: true } | { ok: false; status: 'compile-error' | 'runtime-error'; error: SerializedError };

/** What the user's code logged during the call (consoleCapture.ts), and how long the call took there. */
export interface CallConsole {
  console?: ConsoleLine[];
  consoleDropped?: number;
  /** Milliseconds the call took in the realm (inputs made, the function run, the output read). */
  callMs?: number;
}

export type CallOutcome =
  | ({ error: SerializedError; forbidden: boolean } & CallConsole)
  | ({ value: Plain; leaked: number; mutation?: Diagnostic; overLimit?: Diagnostic } & CallConsole);

export interface CallOptions {
  maxElements?: number;
  argNames: string[];
}

/** One case for `callAll`. */
export interface RealmCall {
  args: ArgSpec[];
  options: CallOptions;
}

/** `call` for each case in order, stopping after the first that throws. */
export async function callEach(realm: Pick<UserRealm, 'call'>, calls: RealmCall[]): Promise<CallOutcome[]> {
  const outcomes: CallOutcome[] = [];
  for (const { args, options } of calls) {
    const outcome = await realm.call(args, options);
    outcomes.push(outcome);
    if ('error' in outcome) break;
  }
  return outcomes;
}

export interface UserRealm {
  /** Compile and evaluate the user's module and find its entry function. */
  load(source: string, entry: string, forbiddenApis?: ForbiddenApi[]): Promise<LoadOutcome>;
  /** Call the entry on fresh inputs made from `args`; the output comes back as plain data. */
  call(args: ArgSpec[], options: CallOptions): Promise<CallOutcome>;
  /**
   * Every case in one go, in order, stopping after the first that throws (the judge stops there
   * too): one message to a sandbox worker and one back, instead of two per case.
   */
  callAll?(calls: RealmCall[]): Promise<CallOutcome[]>;
  /** Throw the realm away (a browser sandbox worker is terminated). */
  dispose(): void;
}

/** The realm logic itself: used in-process in Node, and inside the browser's sandbox worker. */
export class InProcessRealm implements UserRealm {
  private entry?: (...args: unknown[]) => unknown;
  /** One per loaded module (one run): its limits are per run. */
  private capture?: ConsoleCapture;

  constructor(
    private readonly tf: TF,
    /** Also shows each kept console line as it is written (the command-line judge: its stderr). */
    private readonly echoConsole?: (line: ConsoleLine) => void,
  ) {}

  async load(source: string, entry: string, forbiddenApis: ForbiddenApi[] = []): Promise<LoadOutcome> {
    try {
      this.capture = new ConsoleCapture(this.tf, this.echoConsole);
      const exports = loadUserModule(source, guardedTf(this.tf, forbiddenApis), this.capture.console);
      const candidate = exports[entry];
      if (typeof candidate !== 'function') {
        const names = Object.keys(exports);
        throw new CompileError(
          `Your file must export a function named ${entry}: \`export function ${entry}(...) { ... }\`.` + (names.length ? ` It exports: ${names.join(', ')}.` : ''),
        );
      }
      this.entry = candidate as (...args: unknown[]) => unknown;
      return { ok: true };
    } catch (error) {
      const status = error instanceof CompileError || error instanceof SyntaxError ? 'compile-error' : 'runtime-error';
      return { ok: false, status, error: safeSerialize(error) };
    }
  }

  async call(args: ArgSpec[], options: CallOptions): Promise<CallOutcome> {
    if (!this.entry) throw new Error('load() must succeed before call()');
    const started = performance.now();
    try {
      const outcome = await runCandidate(this.tf, this.entry, args, options.maxElements, options.argNames);
      if ('error' in outcome) return { error: safeSerialize(outcome.error), forbidden: outcome.error instanceof ForbiddenApiError, ...this.logged(started) };
      return { ...outcome, ...this.logged(started) };
    } catch (error) {
      // Anything that breaks while the user's function runs here (a tampered tf, a poisoned
      // prototype) is the user's doing: a runtime error, never the judge's.
      return { error: safeSerialize(error), forbidden: false, ...this.logged(started) };
    }
  }

  callAll(calls: RealmCall[]): Promise<CallOutcome[]> {
    return callEach(this, calls);
  }

  dispose(): void {
    this.entry = undefined;
    this.capture = undefined;
  }

  /** The call's console lines (and the module's top-level ones, with the first call), as plain data. */
  private logged(started: number): CallConsole {
    const callMs = performance.now() - started;
    try {
      return { ...(this.capture?.take() ?? {}), callMs };
    } catch {
      return { callMs };
    }
  }
}

/** serializeError, even for an error whose `message` or `stack` getter throws. */
export function safeSerialize(error: unknown): SerializedError {
  try {
    const serialized = serializeError(error);
    return asMemoryLimit({ ...serialized, message: String(serialized.message) });
  } catch {
    return { name: 'Error', message: 'Your code threw an error whose message could not be read.' };
  }
}
