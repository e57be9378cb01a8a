/**
 * The parent's side of the command-line judge: starts the judging process (judgeChild.ts, bundled)
 * and turns whatever happens to it into exactly one verdict.
 *
 * - The child runs under Node's permission model (see sandbox.ts for why that, and not a vm
 *   context or hidden globals): it may read node_modules (tfjs, onnxruntime, the bundle), nothing
 *   else, and may not write files, start processes or workers, or load native addons.
 * - Time: the child reports when user code starts and stops; as in the browser's watchdog
 *   (RunnerClient's UserTimeBudget) only user time is charged, and on overrun the child is killed
 *   (`time-limit`). Start-up and the judging as a whole have caps too.
 * - Memory: the child's resident memory (typed arrays and wasm memory included) is watched from
 *   here where /proc exists, and V8's heap is capped on its command line; over either, the child
 *   dies and the verdict is a `runtime-error` naming the memory limit, never a crash here.
 * - The verdict comes only from a message on the child's fd 3 carrying this run's token; the
 *   child's stdout and stderr are the user's and are passed to our stderr, never parsed.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import type { RunPhase, SerializedError, Verdict, VerdictStatus } from '../shared/protocol';
import { MESSAGE_FD, type ChildInit, type SignedMessage } from './childProtocol';

export interface SuperviseOptions {
  /** The program and arguments of the judging process (childCommand() for the real one). */
  command: string;
  args: string[];
  cwd: string;
  init: Omit<ChildInit, 'nonce'>;
  /** User time allowed, as in the browser. */
  budgetMs: number;
  /** From start until the child is ready (backend and onnxruntime loaded). */
  initBudgetMs: number;
  /** From ready until the verdict, user and judge time together. */
  hardCapMs: number;
  /** Resident memory above which the child is stopped; undefined: only the V8 heap cap applies. */
  rssLimitBytes?: number;
  /** How the memory limit is described in the verdict, e.g. "2048 MB". */
  memoryLimitText: string;
  /** Where the child's own stdout and stderr go (the user's prints); never the parent's stdout. */
  output: (chunk: Buffer) => void;
}

/** How often the child's resident memory is sampled. */
const RSS_POLL_MS = 100;
/** After a kill, how long to wait for the child's pipes to close before answering anyway. */
const CLOSE_GRACE_MS = 2_000;
/** What V8 and Node print when the heap cap is hit (the process then aborts). */
const HEAP_EXHAUSTED = /heap out of memory|Reached heap limit|process out of memory|Fatal JavaScript invalid size error/i;
/** Longer than any verdict the judge sends. */
const MAX_LINE_CHARS = 64 * 1024 * 1024;
const VERDICT_STATUSES: VerdictStatus[] = ['accepted', 'wrong-answer', 'runtime-error', 'time-limit', 'compile-error', 'internal-error'];

/**
 * The node command line of the judging process: permission model, capped heap, the bundle.
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

/** Start the judging process, watch it, and resolve with the one verdict for this run. Never rejects. */
export function supervise(options: SuperviseOptions): Promise<Verdict> {
  const { init } = options;
  const nonce = randomBytes(24).toString('hex');
  const started = performance.now();
  const verdictOf = (status: VerdictStatus, error: SerializedError, elapsedMs = performance.now() - started): Verdict => ({
    status,
    problemId: init.request.problemId,
    mode: init.request.mode,
    backend: init.backend,
    cases: [],
    checkedBy: [],
    error,
    elapsedMs,
    runId: init.request.runId,
  });
  const timeLimit = (error: TimeLimitError) => verdictOf('time-limit', { name: error.name, message: error.message }, error.budgetMs);
  const memoryLimit = () =>
    verdictOf('runtime-error', {
      name: 'MemoryLimitExceeded',
      message: `Stopped: the code used more than the memory limit (${options.memoryLimitText}).`,
    });

  return new Promise<Verdict>((resolve) => {
    const child = spawn(options.command, options.args, {
      cwd: options.cwd,
      // Only what Node needs: no NODE_OPTIONS from the caller's environment can loosen the sandbox.
      env: { PATH: process.env.PATH ?? '', LANG: process.env.LANG ?? 'C.UTF-8' },
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    });
    let ready = false;
    let answer: Verdict | undefined;
    let stderrTail = '';
    let grace: ReturnType<typeof setTimeout> | undefined;
    let hardCap: ReturnType<typeof setTimeout> | undefined;
    const budget = new UserTime(options.budgetMs, () => stop(timeLimit(new TimeLimitError(options.budgetMs))));
    const initTimer = setTimeout(
      () => stop(verdictOf('internal-error', { name: 'JudgeStartError', message: `The judging process did not start within ${options.initBudgetMs / 1000} s.` })),
      options.initBudgetMs,
    );
    const rssTimer = setInterval(() => {
      const rss = child.pid === undefined || options.rssLimitBytes === undefined ? undefined : residentBytes(child.pid);
      if (rss !== undefined && rss > options.rssLimitBytes!) stop(memoryLimit());
    }, RSS_POLL_MS);

    /** Settle on a verdict: the first one wins; the child is killed and we answer once its pipes close. */
    const stop = (verdict: Verdict) => {
      if (answer) return;
      answer = verdict;
      budget.stop();
      clearTimeout(initTimer);
      clearTimeout(hardCap);
      clearInterval(rssTimer);
      child.kill('SIGKILL');
      grace = setTimeout(() => resolve(verdict), CLOSE_GRACE_MS);
    };

    const onMessage = (message: SignedMessage) => {
      if (message.type === 'ready' && !ready) {
        ready = true;
        clearTimeout(initTimer);
        hardCap = setTimeout(() => stop(timeLimit(new TimeLimitError(options.hardCapMs))), options.hardCapMs);
      } else if (message.type === 'phase' && ready) {
        budget.phase(message.phase);
      } else if (message.type === 'verdict' && ready) {
        const verdict = message.verdict;
        const valid = verdict && VERDICT_STATUSES.includes(verdict.status) && Array.isArray(verdict.cases) && verdict.problemId === init.request.problemId;
        stop(valid ? verdict : verdictOf('internal-error', { name: 'JudgeProtocolError', message: 'The judging process sent a malformed verdict.' }));
      }
    };

    let pending = '';
    (child.stdio[MESSAGE_FD] as Readable).on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      // Garbage without newlines (user code can write to this pipe too) must not grow without end.
      if (pending.length > MAX_LINE_CHARS) pending = '';
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.trim()) continue;
        let message: SignedMessage | undefined;
        try {
          message = JSON.parse(line) as SignedMessage;
        } catch {
          message = undefined;
        }
        if (message?.nonce === nonce) onMessage(message);
        else options.output(Buffer.from(`judge: ignored a line on the message pipe that did not come from the judge\n`));
      }
    });
    child.stdout!.on('data', (chunk: Buffer) => options.output(chunk));
    child.stderr!.on('data', (chunk: Buffer) => {
      options.output(chunk);
      stderrTail = (stderrTail + chunk.toString('utf8')).slice(-8192);
    });

    child.on('error', (error) => stop(verdictOf('internal-error', { name: 'JudgeStartError', message: `Could not start the judging process: ${error.message}` })));
    child.on('close', (code, signal) => {
      if (!answer) {
        const how = signal ? `signal ${signal}` : `exit code ${code}`;
        const tail = stderrTail.trim().split('\n').slice(-5).join('\n');
        if (HEAP_EXHAUSTED.test(stderrTail)) stop(memoryLimit());
        else if (!ready) stop(verdictOf('internal-error', { name: 'JudgeStartError', message: `The judging process failed before running your code (${how}).${tail ? `\n${tail}` : ''}` }));
        else stop(verdictOf('runtime-error', { name: 'JudgeProcessExited', message: `The judging process exited before sending a verdict (${how}).` }));
      }
      clearTimeout(grace);
      resolve(answer!);
    });

    // A child that dies at once closes stdin under us: that is reported by 'close', not thrown here.
    child.stdin!.on('error', () => undefined);
    child.stdin!.end(JSON.stringify({ ...init, nonce } satisfies ChildInit));
  });
}
