/**
 * The in-process half of the command-line judge's sandbox, applied by the sandboxed process
 * (judgeChild.ts) after tfjs is loaded and before any user code runs.
 *
 * Why not hide `process`, `require` and friends, or use `node:vm`: user code is compiled with
 * `new Function` in the child's own realm, where `import('node:fs')` works from any function body
 * and `import('node:process')` returns the very same process object; a vm context is escaped
 * through any object it is handed (`tf.tensor.constructor.constructor('return process')()`). So
 * hiding names would be cosmetic. What actually holds:
 * - Node's permission model, set on the child's command line (supervisor.ts): no file writes, no
 *   reads outside node_modules, no child processes, no worker threads, no native addons, no
 *   inspector, no `process.binding` — enforced in C++ whatever route the code takes.
 * - This file: the process methods the permission model leaves open (exit, kill, abort, …) are
 *   replaced on the one process object, so every route to it finds the replacement; heap
 *   snapshots and `v8.queryObjects` (which would show the message token) are refused; and
 *   callbacks user code schedules are charged to the user's time budget.
 * - The realm split: the child holds only tfjs and the user's module; the judge (references,
 *   comparison, verdict) runs in the parent, which only ever receives plain data from here. So
 *   patching built-ins here (`Math.abs = () => 0`) changes nothing but the user's own outputs.
 * - The network, which Node 20's permission model does not cover: `fetch` and the browser worker's
 *   other locked globals are removed (lockdown.ts), and lockDownNetwork() replaces what opens a
 *   connection, a listener or a DNS query on the built-in network modules themselves. Built-in
 *   modules are one object per process, so `import('node:net')`, `getBuiltinModule('http')` and
 *   Node's own internals (http's agent calls `net.createConnection`) all find the replacement; the
 *   socket classes' prototypes are covered too, for code that reaches a class through an existing
 *   socket (`process.stdin.constructor`).
 */
import type { RunPhase } from '../shared/protocol';
import timers from 'node:timers';
import v8 from 'node:v8';
import net from 'node:net';
import http from 'node:http';
import https from 'node:https';
import http2 from 'node:http2';
import tls from 'node:tls';
import dgram from 'node:dgram';
import dns from 'node:dns';
import dnsPromises from 'node:dns/promises';
import { syncBuiltinESMExports } from 'node:module';

/**
 * Process methods that end or signal this or another process, or reach native code. Only these:
 * Node's own modules reassign some others when first loaded (`process.chdir` by worker_threads),
 * and a frozen one would break them.
 */
const DENIED_PROCESS_METHODS = ['exit', 'reallyExit', 'abort', 'kill', '_kill', '_debugProcess', '_debugEnd', 'dlopen', 'binding', '_linkedBinding', 'send', 'disconnect'] as const;

/** Thrown when judged code calls something the sandbox took away. */
export class SandboxError extends Error {
  constructor(what: string) {
    super(`${what} is not available: the command-line judge runs your code in a sandbox (no files, processes, network or exit).`);
    this.name = 'SandboxError';
  }
}

function refuse(what: string) {
  return () => {
    throw new SandboxError(what);
  };
}

/** Replace a property for good; a property that cannot be replaced is left (and reported). */
function replace(target: object, name: string, value: unknown): boolean {
  try {
    Object.defineProperty(target, name, { value, writable: false, configurable: false, enumerable: false });
    return true;
  } catch {
    return false;
  }
}

/**
 * Replace each function `target` has under `names` with a refusal naming `label.name` (plus
 * `why`); names that are not functions are left, names that cannot be replaced go to `failed`.
 */
function refuseEach(target: object, label: string, names: readonly string[], failed: string[], why = ''): void {
  for (const name of names) {
    if (typeof (target as Record<string, unknown>)[name] !== 'function') continue;
    if (!replace(target, name, refuse(`${label}.${name}${why}`))) failed.push(`${label}.${name}`);
  }
}

/** Take the dangerous methods off `process` and heap inspection off `v8`. Returns what could not be replaced. */
export function lockDownProcess(target: NodeJS.Process = process): string[] {
  const failed: string[] = [];
  refuseEach(target, 'process', DENIED_PROCESS_METHODS, failed);
  refuseEach(v8, 'v8', ['getHeapSnapshot', 'writeHeapSnapshot', 'setHeapSnapshotNearHeapLimit', 'queryObjects'], failed);
  // `import('node:v8')` hands out named exports copied from the object above: refresh them.
  syncBuiltinESMExports();
  return failed;
}

/** What opens a connection, a listener or a DNS query, per built-in network module. */
const NETWORK_ENTRY_POINTS: Array<[string, object, string[]]> = [
  // The socket classes themselves stay: Node builds process.stdout from net.Socket when it is
  // first used. What they could open is taken off their prototypes below.
  ['net', net, ['connect', 'createConnection', 'createServer']],
  ['http', http, ['request', 'get', 'createServer']],
  ['https', https, ['request', 'get', 'createServer']],
  ['http2', http2, ['connect', 'createServer', 'createSecureServer']],
  ['tls', tls, ['connect', 'createServer', 'createSecurePair']],
  ['dgram', dgram, ['createSocket']],
  // Every function of the resolvers makes a query (refuseEach skips what is not a function).
  ['dns', dns, Object.keys(dns)],
  ['dns/promises', dnsPromises, Object.keys(dnsPromises)],
];

/** Methods that start network traffic on sockets that already exist or are built from a reached class. */
const SOCKET_METHODS: Array<[string, object, string[]]> = [
  ['net.Socket.prototype', net.Socket.prototype, ['connect']],
  ['net.Server.prototype', net.Server.prototype, ['listen']],
  ['dgram.Socket.prototype', dgram.Socket.prototype, ['bind', 'connect', 'send']],
];

/** Take the network away: no connections, listeners or DNS queries. Returns what could not be replaced. */
export function lockDownNetwork(): string[] {
  const failed: string[] = [];
  for (const [label, target, names] of [...NETWORK_ENTRY_POINTS, ...SOCKET_METHODS]) refuseEach(target, label, names, failed, ' (the network)');
  syncBuiltinESMExports();
  return failed;
}

type Callback = (...args: unknown[]) => unknown;
type Scheduler = (callback: Callback, ...rest: unknown[]) => unknown;

/** Global schedulers whose callbacks can run user code later, outside the judge's `user` phases. */
const GLOBAL_SCHEDULERS = ['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask'] as const;
const TIMERS_SCHEDULERS = ['setTimeout', 'setInterval', 'setImmediate'] as const;

/**
 * Knows whether user code is running and tells the parent when that changes. The judge reports
 * its own phases; a callback user code scheduled (`setTimeout(() => { while (true) {} })` at module
 * scope) runs later, while the judge is in its own phase, so such callbacks are wrapped to run as
 * user time too — otherwise an infinite loop there would only meet the judge's hard cap.
 * Promise continuations (`await` in a floating async function) cannot be wrapped, but they run
 * before the child can answer the parent's next request (a `settle` comes after the last case),
 * which is charged as user time: an infinite loop there meets the budget too.
 */
export class PhaseTracker {
  private current: RunPhase = 'judge';
  private readonly originalSetTimeout = globalThis.setTimeout;
  private readonly originalSetImmediate = globalThis.setImmediate;

  constructor(private readonly report: (phase: RunPhase) => void) {}

  get phase(): RunPhase {
    return this.current;
  }

  set(phase: RunPhase): void {
    if (phase === this.current) return;
    this.current = phase;
    this.report(phase);
  }

  /** `callback`, charged as user time whenever it runs. */
  asUser(callback: Callback): Callback {
    const tracker = this;
    return function (this: unknown, ...args: unknown[]) {
      const previous = tracker.current;
      tracker.set('user');
      try {
        return callback.apply(this, args);
      } finally {
        tracker.set(previous);
      }
    };
  }

  /** Wrap the schedulers (global, `node:timers`, `process.nextTick`) so user-scheduled callbacks count. */
  install(): void {
    const globals = globalThis as unknown as Record<string, Scheduler>;
    for (const name of GLOBAL_SCHEDULERS) globals[name] = this.wrapScheduler(globals[name]);
    const timerModule = timers as unknown as Record<string, Scheduler>;
    for (const name of TIMERS_SCHEDULERS) timerModule[name] = globals[name];
    syncBuiltinESMExports();
    const nextTick = process.nextTick;
    process.nextTick = this.wrapScheduler(nextTick as unknown as Scheduler) as unknown as typeof process.nextTick;
  }

  /**
   * Let callbacks the user's code left due run before the verdict is sent (charged as user time):
   * a loop armed with `setTimeout(…, 0)` might otherwise never run, because the parent ends this
   * process right after the verdict. Later timers die with the process and cannot change the verdict.
   */
  async flush(): Promise<void> {
    await new Promise((resolve) => this.originalSetTimeout(resolve, 0));
    await new Promise((resolve) => this.originalSetImmediate(resolve));
  }

  private wrapScheduler(original: Scheduler): Scheduler {
    const tracker = this;
    const wrapped = function (this: unknown, callback: Callback, ...rest: unknown[]) {
      const charged = typeof callback === 'function' && tracker.current === 'user' ? tracker.asUser(callback) : callback;
      return original.call(this, charged, ...rest);
    };
    // Keep what hangs off the original (util.promisify.custom on setTimeout and setImmediate).
    for (const key of Reflect.ownKeys(original)) {
      if (key === 'length' || key === 'name' || key === 'prototype') continue;
      const descriptor = Object.getOwnPropertyDescriptor(original, key);
      if (descriptor) Object.defineProperty(wrapped, key, descriptor);
    }
    return wrapped;
  }
}
