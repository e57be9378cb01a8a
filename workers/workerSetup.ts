/**
 * What every worker that runs tfjs sets up the same way before anything else runs in it.
 */
import type * as Comlink from 'comlink';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

/** The tfjs wasm backend loads its binaries from the app's own bundle (no CDN, works offline). */
export function useBundledWasm(): void {
  setWasmPaths({
    'tfjs-backend-wasm.wasm': wasmPlain,
    'tfjs-backend-wasm-simd.wasm': wasmSimd,
    'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimd,
  });
}

/**
 * The worker's channel to whoever started it, captured before any user code runs: code that later
 * replaces self.postMessage cannot reroute or rewrite what the worker sends.
 */
export function captureEndpoint(scope: typeof globalThis = self): Comlink.Endpoint {
  return {
    postMessage: scope.postMessage.bind(scope),
    addEventListener: scope.addEventListener.bind(scope),
    removeEventListener: scope.removeEventListener.bind(scope),
  };
}
