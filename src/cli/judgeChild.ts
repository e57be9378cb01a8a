/**
 * The sandboxed process of the command-line judge: the user's realm, and nothing of the judge.
 * Like the browser's sandbox worker (workers/Sandbox.ts) it holds tfjs and the user's module only
 * — no problem code, references, hidden answers, comparison or verdicts — so whatever the user's
 * code patches here (`Math.abs = () => 0`, `Object.is`, `Array.prototype.every`, tf itself) cannot
 * change how the parent grades it.
 *
 * childBundle.ts bundles this file and supervisor.ts starts it under Node's permission model with
 * a capped heap. It reads one ChildInit from stdin, starts tfjs on the backend while it still may
 * read the wasm files, locks itself down (sandbox.ts), says `ready` on fd 3, and then answers the
 * parent's requests (childProtocol.ts) one at a time with InProcessRealm (src/judge/realm.ts):
 * `load` compiles and evaluates the user's module, `call` runs the entry on fresh inputs and reads
 * the output into plain data. It never prints anything itself: what reaches its stdout is the user's.
 */
import { writeSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { lockDownGlobals } from '../../workers/lockdown';
import { startBackend } from '../../workers/autoBackend';
import { InProcessRealm, safeSerialize, type CallOutcome, type LoadOutcome } from '../judge/realm';
import type { SerializedError } from '../shared/protocol';
import { decodePayload, encodePayload, LineSplitter, MESSAGE_FD, type ChildInit, type ChildRequest } from './childProtocol';
import { lockDownNetwork, lockDownProcess, PhaseTracker } from './sandbox';

// Taken before any user code runs: user code shares this realm and could replace the originals.
const write = writeSync;
const parse = JSON.parse;
const fromString = Buffer.from;
const exitNow = (process as unknown as { reallyExit: (code: number) => never }).reallyExit.bind(process);
const stdin = process.stdin;
const stderr = process.stderr;
// Built now, before the lockdown: Node creates the stream lazily on first use, from net's classes.
void process.stdout;

/** Requests are at most the inputs of one case; a line longer than this is not from the parent. */
const MAX_REQUEST_BYTES = 512 * 1024 * 1024;

/**
 * Sends one line on fd 3, synchronously: a `user` phase must reach the parent before a busy loop
 * starts. Built by concatenating strings, never with JSON.stringify on an object holding the token
 * (a `toJSON` the user's code put on Object.prototype would see it).
 */
function sender(nonce: string) {
  const head = `\n{"nonce":"${nonce}",`;
  return (body: string): void => {
    // The leading newline ends any partial line user code may have written to the same pipe.
    const bytes = fromString(`${head}${body}}\n`);
    for (let offset = 0; offset < bytes.length; ) {
      try {
        offset += write(MESSAGE_FD, bytes, offset);
      } catch (error) {
        if ((error as NodeJS.ErrnoException)?.code !== 'EAGAIN') throw error;
      }
    }
  };
}

/** Lines from stdin, in order; undefined once stdin ends (the parent is gone: nothing left to answer). */
function stdinLines(): () => Promise<string | undefined> {
  const splitter = new LineSplitter(MAX_REQUEST_BYTES);
  const queued: (string | undefined)[] = [];
  let waiting: ((line: string | undefined) => void) | undefined;
  const deliver = (line: string | undefined) => {
    if (waiting) {
      const resolve = waiting;
      waiting = undefined;
      resolve(line);
    } else {
      queued.push(line);
    }
  };
  stdin.on('data', (chunk: Buffer) => {
    for (const line of splitter.push(chunk)) deliver(line);
  });
  stdin.on('end', () => deliver(undefined));
  return () => (queued.length ? Promise.resolve(queued.shift()) : new Promise((resolve) => (waiting = resolve)));
}

/** What went wrong while answering a request; the parent reports it as the user's runtime error. */
function failed(request: ChildRequest, error: SerializedError): LoadOutcome | CallOutcome | null {
  if (request.type === 'load') return { ok: false, status: 'runtime-error', error };
  if (request.type === 'call') return { error, forbidden: false };
  return null;
}

async function answer(realm: InProcessRealm, phases: PhaseTracker, request: ChildRequest): Promise<string> {
  let outcome: LoadOutcome | CallOutcome | null;
  try {
    if (request.type === 'load') outcome = await realm.load(request.source, request.entry, request.forbiddenApis);
    else if (request.type === 'call') outcome = await realm.call(request.args, request.options);
    else {
      await phases.flush();
      outcome = null;
    }
  } catch (error) {
    outcome = failed(request, safeSerialize(error));
  }
  try {
    // Still user time: reading the output may run the user's getters.
    return encodePayload(outcome);
  } catch (error) {
    const reason = safeSerialize(error).message;
    return encodePayload(failed(request, { name: 'OutputError', message: `The judge could not read what your function returned: ${reason}` }));
  }
}

async function serve(): Promise<void> {
  const nextLine = stdinLines();
  const first = await nextLine();
  if (first === undefined) exitNow(0);
  // Only the strings are kept: no object holding the token stays alive for the user's code to find.
  const { nonce, backend } = parse(first!) as ChildInit;
  const send = sender(String(nonce));
  // Before the lockdown: the wasm backend reads its binary from node_modules while starting.
  await startBackend(tf, backend, async () => ({ backend, reason: 'chosen by the parent' }));
  // What the user's code logs is kept for the verdict and also shown on the command's stderr, as it runs.
  const realm = new InProcessRealm(tf, (line) => stderr.write(`${line.text}\n`));

  // The emscripten glue of the wasm backend rethrows uncaught errors and turns unhandled
  // rejections into crashes. A browser worker logs an unhandled rejection and goes on, so this
  // does too; an error thrown by a callback the user's code scheduled ends the run: the parent
  // answers the pending (or next) request with it, a runtime error.
  process.removeAllListeners('uncaughtException');
  process.removeAllListeners('unhandledRejection');
  process.on('unhandledRejection', (reason) => {
    stderr.write(`Unhandled promise rejection in the judged code: ${String((reason as Error)?.stack ?? reason)}\n`);
  });
  process.on('uncaughtException', (error) => {
    try {
      send(`"type":"crash","payload":"${encodePayload(safeSerialize(error))}"`);
    } finally {
      exitNow(1);
    }
  });

  lockDownGlobals(globalThis);
  const refused = [...lockDownProcess(), ...lockDownNetwork()];
  if (refused.length) stderr.write(`judge: could not lock down ${refused.join(', ')}\n`);
  const phases = new PhaseTracker((phase) => send(`"type":"phase","phase":"${phase === 'user' ? 'user' : 'judge'}"`));
  phases.install();
  send(`"type":"ready"`);

  for (;;) {
    const line = await nextLine();
    if (line === undefined) exitNow(0);
    if (!line!.trim()) continue;
    const request = decodePayload(line!) as ChildRequest;
    const id = Number(request.id);
    phases.set('user');
    const payload = await answer(realm, phases, request);
    phases.set('judge');
    send(`"type":"answer","id":${id},"payload":"${payload}"`);
  }
}

serve().catch((error) => {
  // This process's own failure; the parent turns the exit into a verdict (start-up) or a runtime
  // error for the request it was answering.
  stderr.write(`judge: ${String((error as Error)?.stack ?? error)}\n`);
  exitNow(3);
});
