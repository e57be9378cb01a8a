import * as Comlink from 'comlink';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { NotebookKernel } from './NotebookKernel';
import { pickAutoBackend } from './autoBackend';
import { hardenIntrinsics, lockDownUserRealm } from './lockdown';
import { captureEndpoint, useBundledWasm } from './workerSetup';

useBundledWasm();

// The channel to the page, taken before any cell runs (see captureEndpoint): the observations this
// worker sends for grading cannot be rewritten by a cell.
const endpoint = captureEndpoint();

Comlink.expose(
  new NotebookKernel(tf, pickAutoBackend, () => {
    lockDownUserRealm(self);
    hardenIntrinsics(tf);
  }),
  endpoint,
);
