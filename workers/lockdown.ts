/**
 * Globals user code must not reach: the app's storage and the network. They are removed from the
 * worker's global scope and every prototype above it (in workers they live on
 * WorkerGlobalScope.prototype, so deleting the own property alone would do nothing). Called after
 * the backend is up, because the wasm backend fetches its binary during start-up.
 */
export const LOCKED_GLOBALS = ['indexedDB', 'caches', 'fetch', 'XMLHttpRequest', 'WebSocket', 'importScripts', 'EventSource', 'WebTransport'] as const;

export function lockDownGlobals(scope: object = globalThis): void {
  for (const name of LOCKED_GLOBALS) {
    for (let target: object | null = scope; target; target = Object.getPrototypeOf(target)) {
      if (Object.prototype.hasOwnProperty.call(target, name)) {
        try {
          delete (target as Record<string, unknown>)[name];
        } catch {
          // Non-configurable: shadowed below instead.
        }
      }
    }
    Object.defineProperty(scope, name, { value: undefined, configurable: false, writable: false, enumerable: false });
  }
}
