import * as Comlink from 'comlink';
import * as tf from '@tensorflow/tfjs';
import { Sandbox } from './Sandbox';
import { lockDownUserRealm } from './lockdown';
import { captureEndpoint, useBundledWasm } from './workerSetup';

useBundledWasm();

// The channel to the runner, taken before any user code runs (see captureEndpoint).
const endpoint = captureEndpoint();

// The WebGPU backend is a large module: a sandbox loads it only when it runs on webgpu, so the
// fresh realm every run needs starts faster on wasm.
const loadBackend = async (backend: string) => {
  if (backend === 'webgpu') await import('@tensorflow/tfjs-backend-webgpu');
};

Comlink.expose(new Sandbox(tf, () => lockDownUserRealm(self), loadBackend), endpoint);
