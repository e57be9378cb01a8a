/**
 * `npm run judge -- <problem-id> <file.ts> [--backend cpu|wasm] [--mode run|submit]`
 * Judges a file with the same Runner the browser uses and prints the verdict as JSON.
 * Exit status: 0 accepted, 1 not accepted, 2 bad usage.
 */
import { readFile } from 'node:fs/promises';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import * as ort from 'onnxruntime-web';
import { Runner } from '../../workers/Runner';
import { OrtEngine } from '../onnx/OrtEngine';
import { problemIds } from '../judge/registry';
import type { BackendName, JudgeMode } from '../shared/protocol';

const NODE_BACKENDS: BackendName[] = ['cpu', 'wasm'];
const USAGE = 'usage: npm run judge -- <problem-id> <file.ts> [--backend cpu|wasm] [--mode run|submit]';

export class UsageError extends Error {}

export interface CliArgs {
  problemId: string;
  file: string;
  backend: BackendName;
  mode: JudgeMode;
}

export function parseArgs(argv: string[]): CliArgs {
  const positional: string[] = [];
  let backend: BackendName = 'cpu';
  let mode: JudgeMode = 'submit';
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
    } else if (arg.startsWith('--')) {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 2) throw new UsageError(`expected a problem id and a file, got ${positional.length} argument(s)`);
  const [problemId, file] = positional;
  if (!problemIds.includes(problemId)) throw new UsageError(`unknown problem "${problemId}"; known: ${problemIds.join(', ')}`);
  return { problemId, file, backend, mode };
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
  const runner = new Runner(tf);
  await runner.init(args.backend);
  // Like Submit in the browser: problems with an onnx.ts are also checked by onnxruntime (wasm here).
  ort.env.wasm.numThreads = 1;
  runner.setOnnxEngine(new OrtEngine(ort, ['wasm']));
  const verdict = await runner.judge({ runId: 1, problemId: args.problemId, source, mode: args.mode });
  process.stdout.write(`${JSON.stringify(verdict, null, 2)}\n`);
  return verdict.status === 'accepted' ? 0 : 1;
}
