/**
 * Globals user code must not reach: the app's storage and the network. They are removed from the
 * worker's global scope and every prototype above it (in workers they live on
 * WorkerGlobalScope.prototype, so deleting the own property alone would do nothing). Called after
 * the backend is up, because the wasm backend fetches its binary during start-up.
 */
export const LOCKED_GLOBALS = ['indexedDB', 'caches', 'fetch', 'XMLHttpRequest', 'WebSocket', 'importScripts', 'EventSource', 'WebTransport'] as const;

/**
 * What a realm running user code also loses: ways to start code outside it (workers, which reach
 * the app's IndexedDB; channels to other tabs and workers) and the origin-private file system.
 */
export const USER_REALM_LOCKED_GLOBALS = [...LOCKED_GLOBALS, 'Worker', 'SharedWorker', 'BroadcastChannel', 'ServiceWorker', 'FileSystemHandle', 'FileSystemDirectoryHandle'] as const;

export function lockDownGlobals(scope: object = globalThis, names: readonly string[] = LOCKED_GLOBALS): void {
  for (const name of names) removeEverywhere(scope, name);
}

/**
 * Lock down a worker that runs user code: the globals above, `navigator.storage` (OPFS), and
 * string-evaluating entry points (eval, the Function constructors, setTimeout with a string),
 * through which code could `import()` the app's own modules. The user's module itself is
 * instantiated with a Function constructor captured before this runs.
 */
export function lockDownUserRealm(scope: typeof globalThis = globalThis): void {
  lockDownGlobals(scope, USER_REALM_LOCKED_GLOBALS);
  const navigatorObject = (scope as { navigator?: object }).navigator;
  if (navigatorObject) for (const name of ['storage', 'serviceWorker', 'locks']) removeEverywhere(navigatorObject, name);
  const blocked = function blockedEvaluation(): never {
    throw new EvalError('Evaluating code from strings is not available here.');
  };
  const functionPrototypes = [
    Function.prototype,
    Object.getPrototypeOf(async function () {}),
    Object.getPrototypeOf(function* () {}),
    Object.getPrototypeOf(async function* () {}),
  ];
  for (const prototype of functionPrototypes) {
    Object.defineProperty(prototype, 'constructor', { value: blocked, configurable: false, writable: false });
  }
  removeEverywhere(scope, 'eval');
  // `x instanceof Function` must keep working (tfjs tells a Variable by it).
  Object.defineProperty(blocked, 'prototype', { value: Function.prototype });
  Object.defineProperty(blocked, Symbol.hasInstance, { value: (value: unknown) => typeof value === 'function' });
  Object.defineProperty(scope, 'Function', { value: blocked, configurable: false, writable: false });
  for (const name of ['setTimeout', 'setInterval'] as const) {
    const original = scope[name].bind(scope) as (handler: unknown, ...rest: unknown[]) => number;
    Object.defineProperty(scope, name, {
      value: (handler: unknown, ...rest: unknown[]) => {
        if (typeof handler !== 'function') throw new EvalError(`${name} needs a function, not a string of code.`);
        return original(handler, ...rest);
      },
      configurable: false,
      writable: false,
    });
  }
}

function removeEverywhere(scope: object, name: string): void {
  for (let target: object | null = scope; target; target = Object.getPrototypeOf(target)) {
    if (Object.prototype.hasOwnProperty.call(target, name)) {
      try {
        delete (target as Record<string, unknown>)[name];
      } catch {
        // Non-configurable: shadowed below instead.
      }
    }
  }
  try {
    Object.defineProperty(scope, name, { value: undefined, configurable: false, writable: false, enumerable: false });
  } catch {
    // Already locked.
  }
}

/**
 * Lock what a grader's observing half relies on, so notebook cells cannot patch it
 * (`Math.abs = () => 0`, `tf.Tensor.prototype.dataSync = …`, `Promise.prototype.then = …` rewriting
 * what a check returns) to make the grade lie: every method of these objects becomes read-only
 * (assignments fail silently in sloppy code, with a TypeError in strict code). The objects stay
 * extensible and `Math.random` stays writable: the kernel seeds it for grading.
 */
export function hardenIntrinsics(tf: { Tensor: { prototype: object }; Variable: { prototype: object } }): void {
  const targets: object[] = [
    Math,
    JSON,
    Reflect,
    Number,
    Number.prototype,
    Object,
    Object.prototype,
    Array,
    Array.prototype,
    String.prototype,
    Boolean.prototype,
    Symbol,
    Function.prototype,
    // The grader's awaits and the observations it builds pass through these.
    Promise,
    Promise.prototype,
    Map.prototype,
    Set.prototype,
    WeakMap.prototype,
    Object.getPrototypeOf(Float32Array.prototype),
    tf.Tensor.prototype,
    tf.Variable.prototype,
  ];
  for (const target of targets) {
    for (const key of Reflect.ownKeys(target)) {
      if (target === Math && key === 'random') continue;
      const descriptor = Object.getOwnPropertyDescriptor(target, key);
      if (!descriptor || !descriptor.configurable || typeof descriptor.value !== 'function') continue;
      Object.defineProperty(target, key, { value: descriptor.value, writable: false, configurable: false, enumerable: descriptor.enumerable });
    }
  }
  // Observations are cloned here before they leave (see NotebookKernel's plainData).
  Object.defineProperty(globalThis, 'structuredClone', { value: globalThis.structuredClone, writable: false, configurable: false });
}
