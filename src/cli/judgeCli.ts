/**
 * `npm run judge -- <problem-id> <file.ts> [--backend cpu|wasm] [--mode run|submit]`
 * Judges a file with the same Runner the browser uses and prints the verdict as JSON.
 * Exit status: 0 accepted, 1 not accepted, 2 bad usage.
 *
 * The split is the browser's: this process runs the judge (references, the onnxruntime
 * cross-check, comparison, naming known mistakes) and never evaluates the user's code; that runs
 * in a sandboxed child process (supervisor.ts, judgeChild.ts) holding only tfjs and the user's
 * module, which the judge reaches as its `UserRealm` and which sends back each output as plain
 * data. What the user's code patches there (`Math.abs`, `Object.is`, `Array.prototype.every`)
 * never touches the grading. The child has the browser's time budget (user time only) and a
 * memory cap; `--time-limit-ms` and `--memory-limit-mb` override them (tests use them).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import * as ort from 'onnxruntime-web';
import type { ProblemMeta } from '../catalog';
import { onnxProblemIds, problemIds } from '../judge/registry';
import { OrtEngine } from '../onnx/OrtEngine';
import { serializeError } from '../judge/userModule';
import { INIT_BUDGET_MS, RUN_BUDGET_MS, type BackendName, type JudgeMode, type JudgeRequest, type Verdict } from '../shared/protocol';
import { Runner } from '../../workers/Runner';
import { ensureChildBundle } from './childBundle';
import { childCommand, SandboxProcess, type SandboxStop } from './supervisor';

const NODE_BACKENDS: BackendName[] = ['cpu', 'wasm'];
const USAGE = 'usage: npm run judge -- <problem-id> <file.ts> [--backend cpu|wasm] [--mode run|submit]';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Each problem's meta.json, loaded only for the problem judged (the catalog would load every problem's text). */
const metas = import.meta.glob<ProblemMeta>('/problems/*/*/meta.json', { import: 'default' });

/** Cap on one judging from its first request to the verdict, user and judge time together: the browser's JUDGE_HARD_CAP_MS. */
const HARD_CAP_MS = 120_000;

/**
 * Memory for the process running the user's code, tfjs included. Its
 * resident memory is watched on Linux, which catches typed arrays and wasm memory too, and is
 * killed cleanly; V8's heap gets the same cap, which stops JavaScript objects everywhere else (V8
 * then aborts the child, which the supervisor also reports as the memory limit).
 */
export const DEFAULT_MEMORY_LIMIT_MB = 2048;

export class UsageError extends Error {}

export interface CliArgs {
  problemId: string;
  file: string;
  backend: BackendName;
  mode: JudgeMode;
  /** Overrides the problem's time budget; for tests, which need a short one. */
  timeLimitMs?: number;
  /** Overrides DEFAULT_MEMORY_LIMIT_MB; for tests, which need a small one. */
  memoryLimitMb?: number;
}

function positiveNumber(option: string, value: string | undefined): number {
  const number = Number(value);
  if (!value || !Number.isFinite(number) || number <= 0) throw new UsageError(`${option} must be a positive number; got ${value ?? 'nothing'}`);
  return number;
}

export function parseArgs(argv: string[]): CliArgs {
  const positional: string[] = [];
  let backend: BackendName = 'cpu';
  let mode: JudgeMode = 'submit';
  let timeLimitMs: number | undefined;
  let memoryLimitMb: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--backend') {
      const value = argv[++i] as BackendName;
      if (!NODE_BACKENDS.includes(value)) throw new UsageError(`--backend must be one of ${NODE_BACKENDS.join(', ')}; got ${argv[i] ?? 'nothing'}`);
      backend = value;
    } else if (arg === '--mode') {
      const value = argv[++i];
      if (value !== 'run' && value !== 'submit') throw new UsageError(`--mode must be run or submit; got ${value ?? 'nothing'}`);
      mode = value;
    } else if (arg === '--time-limit-ms') {
      timeLimitMs = positiveNumber(arg, argv[++i]);
    } else if (arg === '--memory-limit-mb') {
      memoryLimitMb = positiveNumber(arg, argv[++i]);
    } else if (arg.startsWith('--')) {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 2) throw new UsageError(`expected a problem id and a file, got ${positional.length} argument(s)`);
  const [problemId, file] = positional;
  if (!problemIds.includes(problemId)) throw new UsageError(`unknown problem "${problemId}"; known: ${problemIds.join(', ')}`);
  return { problemId, file, backend, mode, timeLimitMs, memoryLimitMb };
}

/** The browser's rule (RunnerClient): the problem's meta.json `timeLimitSeconds` when longer than the default. */
export async function budgetFor(problemId: string): Promise<number> {
  const seconds = (await metas[`/problems/${problemId}/meta.json`]?.())?.timeLimitSeconds;
  return seconds ? Math.max(seconds * 1000, RUN_BUDGET_MS) : RUN_BUDGET_MS;
}

/** Node's permission model says only "Access to this API has been restricted": say by whom, and why. */
export function explainSandbox(verdict: Verdict): Verdict {
  const RESTRICTED = 'Access to this API has been restricted';
  const NOTE = `${RESTRICTED} (the command-line judge runs your code without file, process or worker access)`;
  const explain = (text: string) => (text.startsWith(RESTRICTED) && !text.startsWith(NOTE) ? NOTE + text.slice(RESTRICTED.length) : text);
  if (verdict.error) verdict.error.message = explain(verdict.error.message);
  for (const { diagnostic } of verdict.cases) {
    if (!diagnostic) continue;
    diagnostic.message = explain(diagnostic.message);
    if (diagnostic.error) diagnostic.error.message = explain(diagnostic.error.message);
  }
  return verdict;
}

/**
 * Judge `request` here, with the user's code in `sandbox`. A stop of the sandbox (time, memory,
 * start-up) decides the verdict whatever the judge concluded; otherwise the judge's verdict
 * stands, including a runtime error for a child that died under the user's code.
 */
export async function judgeInSandbox(sandbox: SandboxProcess, backend: BackendName, request: JudgeRequest): Promise<Verdict> {
  const stopVerdict = (stop: SandboxStop): Verdict => ({
    status: stop.status,
    problemId: request.problemId,
    mode: request.mode,
    backend,
    cases: [],
    checkedBy: [],
    error: stop.error,
    elapsedMs: stop.elapsedMs,
    runId: request.runId,
  });
  const judged = (async () => {
    const runner = new Runner(tf, undefined, undefined, sandbox);
    await runner.init(backend);
    // Like Submit in the browser: problems with an onnx.ts are also checked by onnxruntime (wasm here).
    if (request.mode === 'submit' && onnxProblemIds.includes(request.problemId)) {
      ort.env.wasm.numThreads = 1;
      runner.setOnnxEngine(new OrtEngine(ort, ['wasm']));
    }
    const verdict = await runner.judge(request);
    if (!sandbox.stopped) await sandbox.settle();
    return verdict;
  })().catch((error): Verdict => stopVerdict({ status: 'internal-error', error: serializeError(error), elapsedMs: 0 }));
  const verdict = await Promise.race([judged, sandbox.whenStopped.then(stopVerdict)]);
  return explainSandbox(sandbox.stopped ? stopVerdict(sandbox.stopped) : verdict);
}

/** Runs the command and returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  let args: CliArgs;
  let source: string;
  try {
    args = parseArgs(argv);
    source = await readFile(args.file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot read ${args.file}: ${error.code ?? error.message}`);
    });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    return 2;
  }
  const entry = await ensureChildBundle(ROOT);
  const memoryMb = Math.round(args.memoryLimitMb ?? DEFAULT_MEMORY_LIMIT_MB);
  const budgetMs = args.timeLimitMs ?? (await budgetFor(args.problemId));
  const sandbox = new SandboxProcess({
    // The child reads only node_modules: tfjs, its wasm files and the bundle, which lives there too.
    ...childCommand(entry, [join(ROOT, 'node_modules')], memoryMb),
    cwd: ROOT,
    backend: args.backend,
    budgetMs,
    initBudgetMs: INIT_BUDGET_MS,
    hardCapMs: Math.max(HARD_CAP_MS, 2 * budgetMs),
    rssLimitBytes: memoryMb * 1024 * 1024,
    memoryLimitText: `${memoryMb} MB`,
    output: (chunk) => process.stderr.write(chunk),
  });
  let verdict: Verdict;
  try {
    verdict = await judgeInSandbox(sandbox, args.backend, { runId: 1, problemId: args.problemId, source, mode: args.mode });
  } finally {
    await sandbox.close();
  }
  process.stdout.write(`${JSON.stringify(verdict, null, 2)}\n`);
  return verdict.status === 'accepted' ? 0 : 1;
}
