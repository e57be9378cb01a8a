/**
 * The judging process of the command-line judge. childBundle.ts bundles this file and supervisor.ts
 * starts it under Node's permission model with a capped heap. It reads one ChildInit from stdin,
 * loads everything the judge needs (tfjs, the backend's wasm, onnxruntime) while it still may,
 * locks itself down (sandbox.ts), judges with the same Runner the browser uses, and sends the
 * verdict to the parent on fd 3. It never prints a verdict: what reaches its stdout is the user's.
 */
import { writeSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import * as ort from 'onnxruntime-web';
import { Runner } from '../../workers/Runner';
import { lockDownGlobals } from '../../workers/lockdown';
import { GraphBuilder } from '../onnx/GraphBuilder';
import { OrtEngine } from '../onnx/OrtEngine';
import { onnxProblemIds } from '../judge/registry';
import { serializeError } from '../judge/userModule';
import type { Verdict } from '../shared/protocol';
import { MESSAGE_FD, type ChildInit, type ChildMessage } from './childProtocol';
import { lockDownProcess, PhaseTracker } from './sandbox';

// Taken before any user code runs: user code shares this realm and could replace the originals.
const write = writeSync;
const stringify = JSON.stringify;
const fromString = Buffer.from;
const exitNow = (process as unknown as { reallyExit: (code: number) => never }).reallyExit.bind(process);

/** Sends a message on fd 3, synchronously: a `user` phase must reach the parent before a busy loop starts. */
function sender(nonce: string) {
  return (message: ChildMessage): void => {
    // The leading newline ends any partial line user code may have written to the same pipe.
    const bytes = fromString(`\n${stringify({ ...message, nonce })}\n`);
    for (let offset = 0; offset < bytes.length; ) offset += write(MESSAGE_FD, bytes, offset);
  };
}

async function readInit(): Promise<ChildInit> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChildInit;
}

/** Node's permission model says only "Access to this API has been restricted": say by whom, and why. */
function explainSandbox(verdict: Verdict): Verdict {
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

/** A one-node model: loads the onnxruntime wasm before the user's time starts (as the browser's ONNX worker does). */
function warmUpModel(): Uint8Array {
  const graph = new GraphBuilder();
  graph.output(graph.add(graph.constant([1], [1]), graph.constant([1], [1])), 'out', [1]);
  return graph.build('warm-up');
}

async function judgeInChild(): Promise<void> {
  const init = await readInit();
  const send = sender(init.nonce);
  const { request, backend } = init;
  const runner = new Runner(tf);
  await runner.init(backend);
  // Like Submit in the browser: problems with an onnx.ts are also checked by onnxruntime (wasm here).
  if (request.mode === 'submit' && onnxProblemIds.includes(request.problemId)) {
    ort.env.wasm.numThreads = 1;
    const engine = new OrtEngine(ort, ['wasm']);
    await engine.warmUp(warmUpModel());
    runner.setOnnxEngine(engine);
  }

  // The emscripten glue of the wasm backends rethrows uncaught errors and turns unhandled
  // rejections into crashes; here a crash would lose the verdict. A browser worker logs an
  // unhandled rejection and goes on, so this does too; an error thrown by a callback the user's
  // code scheduled ends the judging with a runtime error.
  process.removeAllListeners('uncaughtException');
  process.removeAllListeners('unhandledRejection');
  process.on('unhandledRejection', (reason) => {
    process.stderr.write(`Unhandled promise rejection in the judged code: ${String((reason as Error)?.stack ?? reason)}\n`);
  });
  process.on('uncaughtException', (error) => {
    const verdict: Verdict = {
      status: 'runtime-error',
      problemId: request.problemId,
      mode: request.mode,
      backend,
      cases: [],
      checkedBy: [],
      error: serializeError(error),
      elapsedMs: 0,
      runId: request.runId,
    };
    send({ type: 'verdict', verdict: explainSandbox(verdict) });
    exitNow(1);
  });

  lockDownGlobals(globalThis);
  const refused = lockDownProcess();
  if (refused.length) process.stderr.write(`judge: could not lock down ${refused.join(', ')}\n`);
  const phases = new PhaseTracker((phase) => send({ type: 'phase', phase }));
  phases.install();
  send({ type: 'ready' });

  const verdict = await runner.judge(request, (phase) => phases.set(phase));
  await phases.flush();
  send({ type: 'verdict', verdict: explainSandbox(verdict) });
  exitNow(0);
}

judgeInChild().catch((error) => {
  // The judge's own failure (before or after user code); the parent turns the exit into a verdict.
  process.stderr.write(`judge: ${String((error as Error)?.stack ?? error)}\n`);
  exitNow(3);
});
