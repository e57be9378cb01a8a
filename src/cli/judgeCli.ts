/**
 * `npm run judge -- <problem-id> <file.ts> [--backend cpu|wasm] [--mode run|submit]`
 * Judges a file with the same Runner the browser uses and prints the verdict as JSON.
 * Exit status: 0 accepted, 1 not accepted, 2 bad usage.
 *
 * This process never runs the user's code: it starts a judging process (judgeChild.ts) in a
 * sandbox with the browser's time budget and a memory cap (supervisor.ts), and prints the verdict
 * that process sends over its message pipe — or the time-limit / memory / crash verdict when it
 * sends none. `--time-limit-ms` and `--memory-limit-mb` override the budgets (tests use them).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { ProblemMeta } from '../catalog';
import { problemIds } from '../judge/registry';
import { INIT_BUDGET_MS, RUN_BUDGET_MS, type BackendName, type JudgeMode } from '../shared/protocol';
import { ensureChildBundle } from './childBundle';
import { childCommand, supervise } from './supervisor';

const NODE_BACKENDS: BackendName[] = ['cpu', 'wasm'];
const USAGE = 'usage: npm run judge -- <problem-id> <file.ts> [--backend cpu|wasm] [--mode run|submit]';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Each problem's meta.json, loaded only for the problem judged (the catalog would load every problem's text). */
const metas = import.meta.glob<ProblemMeta>('/problems/*/*/meta.json', { import: 'default' });

/** Cap on one judging from ready to verdict, user and judge time together: the browser's JUDGE_HARD_CAP_MS. */
const HARD_CAP_MS = 120_000;

/**
 * Memory for the judging process, tfjs and onnxruntime included (they take about 250 MB). Its
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
  const verdict = await supervise({
    // The child reads only node_modules: the libraries, their wasm files and the bundle, which lives there too.
    ...childCommand(entry, [join(ROOT, 'node_modules')], memoryMb),
    cwd: ROOT,
    init: { backend: args.backend, request: { runId: 1, problemId: args.problemId, source, mode: args.mode } },
    budgetMs,
    initBudgetMs: INIT_BUDGET_MS,
    hardCapMs: Math.max(HARD_CAP_MS, 2 * budgetMs),
    rssLimitBytes: memoryMb * 1024 * 1024,
    memoryLimitText: `${memoryMb} MB`,
    output: (chunk) => process.stderr.write(chunk),
  });
  process.stdout.write(`${JSON.stringify(verdict, null, 2)}\n`);
  return verdict.status === 'accepted' ? 0 : 1;
}
