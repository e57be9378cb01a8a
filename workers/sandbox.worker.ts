import * as Comlink from 'comlink';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { Sandbox } from './Sandbox';
import { lockDownUserRealm } from './lockdown';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimd,
});

// The channel to the runner, captured before any user code runs: replacing self.postMessage later
// cannot reroute or rewrite what this worker sends.
const endpoint: Comlink.Endpoint = {
  postMessage: self.postMessage.bind(self),
  addEventListener: self.addEventListener.bind(self),
  removeEventListener: self.removeEventListener.bind(self),
};

// The WebGPU backend is a large module: a sandbox loads it only when it runs on webgpu, so the
// fresh realm every run needs starts faster on wasm.
const loadBackend = async (backend: string) => {
  if (backend === 'webgpu') await import('@tensorflow/tfjs-backend-webgpu');
};

Comlink.expose(new Sandbox(tf, () => lockDownUserRealm(self), loadBackend), endpoint);
