import * as Comlink from 'comlink';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { NotebookKernel } from './NotebookKernel';
import { pickAutoBackend } from './autoBackend';
import { hardenIntrinsics, lockDownUserRealm } from './lockdown';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimd,
});

// The channel to the page, captured before any cell runs: a cell that replaces self.postMessage
// cannot reroute or rewrite the observations this worker sends for grading.
const endpoint: Comlink.Endpoint = {
  postMessage: self.postMessage.bind(self),
  addEventListener: self.addEventListener.bind(self),
  removeEventListener: self.removeEventListener.bind(self),
};

Comlink.expose(
  new NotebookKernel(tf, pickAutoBackend, () => {
    lockDownUserRealm(self);
    hardenIntrinsics(tf);
  }),
  endpoint,
);
