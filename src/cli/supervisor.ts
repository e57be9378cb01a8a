/**
 * The parent's side of the command-line judge's sandbox: starts the process that holds the user's
 * code (judgeChild.ts, bundled), hands the judge a realm in it (a `RealmSource`, as the browser's
 * SandboxPool does with sandbox workers), and watches it.
 *
 * - The child runs under Node's permission model (see sandbox.ts for why that, and not a vm
 *   context or hidden globals): it may read node_modules (tfjs and the bundle), nothing else, and
 *   may not write files, start processes or workers, or load native addons.
 * - Time: as in the browser's watchdog (RunnerClient's UserTimeBudget) only user time is charged:
 *   while a request (load, call, settle) is outstanding, and while the child says a callback the
 *   user's code armed is running. On overrun the child is killed and the run ends in `time-limit`.
 *   Start-up and the judging as a whole have caps too.
 * - Memory: the child's resident memory (typed arrays and wasm memory included) is watched from
 *   here where /proc exists, and V8's heap is capped on its command line; over either, the child
 *   dies and the run ends in a `runtime-error` naming the memory limit, never a crash here.
 * - A child that dies or exits otherwise (a crash, an exit the sandbox did not stop) answers the
 *   outstanding request, and every later one, with a runtime error: the user's doing.
 * - Only lines on the child's fd 3 carrying this run's token are messages; the child's stdout and
 *   stderr are the user's and are passed to `output`, never parsed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import type { BackendName, RunPhase, SerializedError, VerdictStatus } from '../shared/protocol';
import type { UserRealm } from '../judge/realm';
import type { RealmSource } from '../../workers/Runner';
import { decodePayload, encodePayload, LineSplitter, MESSAGE_FD, type ChildInit, type RequestBody, type SignedMessage } from './childProtocol';
import { ChildRealm, readError } from './childRealm';

export interface SandboxOptions {
  /** The program and arguments of the child (childCommand() for the real one). */
  command: string;
  args: string[];
  cwd: string;
  /** The tfjs backend the child starts; the judge in the parent uses the same one. */
  backend: BackendName;
  /** User time allowed, as in the browser. */
  budgetMs: number;
  /** From start until the child is ready (tfjs up on the backend, locked down). */
  initBudgetMs: number;
  /** From the judge taking the realm until the end, user and judge time together. */
  hardCapMs: number;
  /** Resident memory above which the child is stopped; undefined: only the V8 heap cap applies. */
  rssLimitBytes?: number;
  /** How the memory limit is described in the verdict, e.g. "2048 MB". */
  memoryLimitText: string;
  /** Where the child's own stdout and stderr go (the user's prints); never the parent's stdout. */
  output: (chunk: Buffer) => void;
}

/** Why the run ended whatever the judge says: time, memory, or a child that could not start. */
export interface SandboxStop {
  status: VerdictStatus;
  error: SerializedError;
  elapsedMs: number;
}

/** What a request got: the child's answer (plain data, not yet checked), or why there is none. */
export type RequestResult = { value: unknown } | { failure: SerializedError };

/** How often the child's resident memory is sampled. */
const RSS_POLL_MS = 100;
/** After a kill, how long to wait for the child's pipes to close before going on anyway. */
const CLOSE_GRACE_MS = 2_000;
/** What V8 and Node print when the heap cap is hit (the process then aborts). */
const HEAP_EXHAUSTED = /heap out of memory|Reached heap limit|process out of memory|Fatal JavaScript invalid size error/i;
/** Longer than any answer the child sends (an output is at most a few million numbers). */
const MAX_LINE_BYTES = 256 * 1024 * 1024;

/**
 * The node command line of the child: permission model, capped heap, the bundle.
 * `--permission` on Node 22.13+ and 23.5+; `--experimental-permission` before.
 */
export function childCommand(entry: string, readRoots: string[], heapLimitMb: number): { command: string; args: string[] } {
  const flags = process.allowedNodeEnvironmentFlags;
  const permission = flags.has('--permission') ? '--permission' : '--experimental-permission';
  const quiet = flags.has('--disable-warning') ? ['--disable-warning=ExperimentalWarning'] : [];
  return {
    command: process.execPath,
    args: [permission, ...readRoots.map((root) => `--allow-fs-read=${root}`), `--max-old-space-size=${heapLimitMb}`, ...quiet, entry],
  };
}

/** Resident memory of a process in bytes (Linux); undefined where /proc is not available. */
function residentBytes(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Thrown into the verdict when time runs out; the same words as the browser's watchdog. */
export class TimeLimitError extends Error {
  constructor(readonly budgetMs: number) {
    super(`Stopped after ${budgetMs / 1000} s: the code did not finish within the time budget.`);
    this.name = 'TimeLimitExceeded';
  }
}

/**
 * Charges time only between a `user` and the next `judge` phase, like RunnerClient's
 * UserTimeBudget (not imported: that module pulls the whole UI catalog into this process).
 */
export class UserTime {
  private usedMs = 0;
  private since?: number;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly budgetMs: number, private readonly onExpire: () => void) {}

  phase(phase: RunPhase): void {
    if (phase === 'user' && this.since === undefined) {
      this.since = performance.now();
      this.timer = setTimeout(this.onExpire, Math.max(0, this.budgetMs - this.usedMs));
    } else if (phase === 'judge' && this.since !== undefined) {
      this.usedMs += performance.now() - this.since;
      this.since = undefined;
      clearTimeout(this.timer);
    }
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}

/**
 * One sandboxed child for one judged request: started at construction, so tfjs loads there while
 * the parent loads its own; `take` hands out its realm once it is ready. `stopped` (and
 * `whenStopped`) say when the run must end in a time-limit, memory-limit or start-up verdict
 * whatever the judge concludes; `close` ends the child.
 */
export class SandboxProcess implements RealmSource {
  /** Set once the run must end with this verdict; the child is killed then. */
  stopped?: SandboxStop;
  readonly whenStopped: Promise<SandboxStop>;

  private readonly child: ChildProcess;
  private readonly nonce = randomBytes(24).toString('hex');
  private readonly started = performance.now();
  private readonly budget: UserTime;
  private readonly pending = new Map<number, (result: RequestResult) => void>();
  private readonly ready: Promise<void>;
  private readonly closed: Promise<void>;
  private markReady!: () => void;
  private markStopped!: (stop: SandboxStop) => void;
  private isReady = false;
  private taken = false;
  private closing = false;
  private nextId = 1;
  private childPhase: RunPhase = 'judge';
  private charging = false;
  /** Why the child can answer no more: set when it crashed or exited. */
  private gone?: SerializedError;
  private crash?: SerializedError;
  private stderrTail = '';
  private initTimer?: ReturnType<typeof setTimeout>;
  private hardCap?: ReturnType<typeof setTimeout>;
  private rssTimer?: ReturnType<typeof setInterval>;

  constructor(private readonly options: SandboxOptions) {
    this.whenStopped = new Promise((resolve) => (this.markStopped = resolve));
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    this.budget = new UserTime(options.budgetMs, () => this.stop(this.timeLimit(options.budgetMs)));
    this.child = spawn(options.command, options.args, {
      cwd: options.cwd,
      // Only what Node needs: no NODE_OPTIONS from the caller's environment can loosen the sandbox.
      env: { PATH: process.env.PATH ?? '', LANG: process.env.LANG ?? 'C.UTF-8' },
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    });
    this.closed = new Promise((resolve) => this.child.on('close', (code, signal) => (this.onClose(code, signal), resolve())));
    this.initTimer = setTimeout(
      () => this.stop(this.internal('JudgeStartError', `The sandbox for your code did not start within ${options.initBudgetMs / 1000} s.`)),
      options.initBudgetMs,
    );
    this.rssTimer = setInterval(() => {
      const rss = this.child.pid === undefined || options.rssLimitBytes === undefined ? undefined : residentBytes(this.child.pid);
      if (rss !== undefined && rss > options.rssLimitBytes!) this.stop(this.memoryLimit());
    }, RSS_POLL_MS);

    const splitter = new LineSplitter(MAX_LINE_BYTES);
    (this.child.stdio[MESSAGE_FD] as Readable).on('data', (chunk: Buffer) => {
      for (const line of splitter.push(chunk)) this.onLine(line);
    });
    this.child.stdout!.on('data', (chunk: Buffer) => options.output(chunk));
    this.child.stderr!.on('data', (chunk: Buffer) => {
      options.output(chunk);
      this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-8192);
    });
    this.child.on('error', (error) => this.stop(this.internal('JudgeStartError', `Could not start the sandbox for your code: ${error.message}`)));
    // A child that dies at once closes stdin under us: that is reported by 'close', not thrown here.
    this.child.stdin!.on('error', () => undefined);
    this.child.stdin!.write(`${JSON.stringify({ nonce: this.nonce, backend: options.backend } satisfies ChildInit)}\n`);
  }

  /** The realm for the one judged request this child serves. */
  async take(backend: BackendName): Promise<UserRealm> {
    if (backend !== this.options.backend) throw new Error(`The sandbox runs ${this.options.backend}, not ${backend}.`);
    if (this.taken) throw new Error('A sandbox process serves one judged request.');
    this.taken = true;
    await Promise.race([
      this.ready,
      this.whenStopped.then((stop) => {
        throw new Error(stop.error.message);
      }),
    ]);
    this.hardCap = setTimeout(() => this.stop(this.timeLimit(this.options.hardCapMs)), this.options.hardCapMs);
    return new ChildRealm(this);
  }

  /** The child is started by the constructor, ahead of the first request. */
  warm(): void {}

  /** Send a request and wait for its answer; user time runs while it is outstanding. */
  request(body: RequestBody): Promise<RequestResult> {
    if (this.gone) return Promise.resolve({ failure: this.gone });
    const id = this.nextId++;
    const answered = new Promise<RequestResult>((resolve) => this.pending.set(id, resolve));
    this.child.stdin!.write(`${encodePayload({ ...body, id })}\n`);
    this.charge();
    return answered;
  }

  /**
   * Let callbacks the user's code left due run before the verdict (charged as user time): a loop
   * armed with `setTimeout(…, 0)` might otherwise never run before the child is ended. Later
   * timers die with the child and cannot change the verdict.
   */
  async settle(): Promise<void> {
    if (this.isReady && !this.gone && !this.stopped) await this.request({ type: 'settle' });
  }

  /** End the child (if it still runs) and wait until its pipes are closed. */
  async close(): Promise<void> {
    this.closing = true;
    this.clearTimers();
    this.child.kill('SIGKILL');
    let grace: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([this.closed, new Promise((resolve) => (grace = setTimeout(resolve, CLOSE_GRACE_MS)))]);
    clearTimeout(grace);
  }

  private onLine(line: string): void {
    if (!line.trim()) return;
    let message: SignedMessage | undefined;
    try {
      message = JSON.parse(line) as SignedMessage;
    } catch {
      message = undefined;
    }
    if (message?.nonce !== this.nonce) {
      this.options.output(Buffer.from('judge: ignored a line on the message pipe that did not come from the judge\n'));
      return;
    }
    if (message.type === 'ready' && !this.isReady) {
      this.isReady = true;
      clearTimeout(this.initTimer);
      this.markReady();
    } else if (message.type === 'phase' && this.isReady) {
      this.childPhase = message.phase === 'user' ? 'user' : 'judge';
      this.charge();
    } else if (message.type === 'answer' && this.isReady) {
      const resolve = this.pending.get(message.id);
      if (!resolve) return;
      this.pending.delete(message.id);
      this.charge();
      let result: RequestResult;
      try {
        result = { value: decodePayload(String(message.payload)) };
      } catch {
        result = { failure: { name: 'SandboxError', message: 'The sandbox running your code sent an answer the judge could not read.' } };
      }
      resolve(result);
    } else if (message.type === 'crash' && this.isReady) {
      try {
        this.crash = readError(decodePayload(String(message.payload)));
      } catch {
        this.crash = undefined;
      }
    }
  }

  /** User time runs while a request is outstanding or the child runs a callback the user armed. */
  private charge(): void {
    const charging = this.pending.size > 0 || this.childPhase === 'user';
    if (charging === this.charging) return;
    this.charging = charging;
    if (!this.stopped && !this.closing) this.budget.phase(charging ? 'user' : 'judge');
  }

  private onClose(code: number | null, signal: NodeJS.Signals | null): void {
    const how = signal ? `signal ${signal}` : `exit code ${code}`;
    if (!this.closing && !this.stopped) {
      const tail = this.stderrTail.trim().split('\n').slice(-5).join('\n');
      if (HEAP_EXHAUSTED.test(this.stderrTail)) this.stop(this.memoryLimit());
      else if (!this.isReady) this.stop(this.internal('JudgeStartError', `The sandbox for your code failed before running it (${how}).${tail ? `\n${tail}` : ''}`));
    }
    this.clearTimers();
    this.gone = this.crash ?? { name: 'SandboxExited', message: `The process running your code exited before answering the judge (${how}).` };
    for (const resolve of this.pending.values()) resolve({ failure: this.gone });
    this.pending.clear();
  }

  /** Settle on a stop: the first one wins; the child is killed. */
  private stop(stop: SandboxStop): void {
    if (this.stopped || this.closing) return;
    this.stopped = stop;
    this.clearTimers();
    this.child.kill('SIGKILL');
    this.markStopped(stop);
  }

  private clearTimers(): void {
    this.budget.stop();
    clearTimeout(this.initTimer);
    clearTimeout(this.hardCap);
    clearInterval(this.rssTimer);
  }

  private timeLimit(budgetMs: number): SandboxStop {
    const error = new TimeLimitError(budgetMs);
    return { status: 'time-limit', error: { name: error.name, message: error.message }, elapsedMs: budgetMs };
  }

  private memoryLimit(): SandboxStop {
    return {
      status: 'runtime-error',
      error: { name: 'MemoryLimitExceeded', message: `Stopped: the code used more than the memory limit (${this.options.memoryLimitText}).` },
      elapsedMs: performance.now() - this.started,
    };
  }

  private internal(name: string, message: string): SandboxStop {
    return { status: 'internal-error', error: { name, message }, elapsedMs: performance.now() - this.started };
  }
}
