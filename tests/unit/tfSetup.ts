/**
 * tfjs for Node tests: the pure-JS cpu backend and the wasm backend, no tfjs-node. The wasm
 * binaries are read from node_modules by the backend itself.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import type { BackendName } from '../../src/shared/protocol';

/** The backends that run in Node on these machines. */
export const NODE_BACKENDS: BackendName[] = ['cpu', 'wasm'];

export async function useBackend(backend: BackendName): Promise<typeof tf> {
  if (tf.getBackend() !== backend) {
    await tf.setBackend(backend);
    await tf.ready();
  }
  return tf;
}

export { tf };
