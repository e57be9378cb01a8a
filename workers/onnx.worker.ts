import * as Comlink from 'comlink';
import ortWasmPlain from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import ortWasmAsyncify from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import { GraphBuilder } from '../src/onnx/GraphBuilder';
import { OrtEngine } from '../src/onnx/OrtEngine';
import type { OnnxProviderChoice } from '../src/shared/protocol';
import { probeGpuAdapter } from './autoBackend';

// The second reference engine. It never runs user code: the main thread warms it up, then hands
// it and the runner worker the two ends of a MessageChannel.

/**
 * The smallest onnxruntime build that serves the providers: the plain wasm build (a 14 MB binary)
 * unless the WebGPU EP is used, which needs the asyncify build (27 MB). Loading and compiling half
 * the bytes is most of what the first Submit used to wait for.
 */
async function loadOrt(providers: string[]) {
  const ort = providers.includes('webgpu') ? await import('onnxruntime-web/webgpu') : await import('onnxruntime-web/wasm');
  ort.env.wasm.wasmPaths = { wasm: providers.includes('webgpu') ? ortWasmAsyncify : ortWasmPlain };
  // Threads need cross-origin isolation, which the app does not require; one thread is plenty here.
  ort.env.wasm.numThreads = 1;
  return ort;
}

let engine: OrtEngine | undefined;

/** What the main thread calls on this worker. */
export interface OnnxWorkerApi {
  /** Load the runtime on the chosen execution providers; resolves with the one that ran. */
  warmUp(choice: OnnxProviderChoice): Promise<string>;
  connect(port: MessagePort): void;
}

/**
 * `auto` follows the same rule as tfjs's auto backend: the WebGPU EP only on a hardware adapter.
 * On a software adapter (SwiftShader) the WebGPU EP is several times slower than wasm.
 */
async function providersFor(choice: OnnxProviderChoice): Promise<string[]> {
  if (choice === 'wasm') return ['wasm'];
  if (choice === 'webgpu') return ['webgpu', 'wasm'];
  return (await probeGpuAdapter())?.hardware ? ['webgpu', 'wasm'] : ['wasm'];
}

function warmUpModel(): Uint8Array {
  const graph = new GraphBuilder();
  graph.output(graph.add(graph.constant([1], [1]), graph.constant([1], [1])), 'out', [1]);
  return graph.build('warm-up');
}

const api: OnnxWorkerApi = {
  async warmUp(choice) {
    if (!engine) {
      const providers = await providersFor(choice);
      engine = new OrtEngine((await loadOrt(providers)) as never, providers);
    }
    return engine.warmUp(warmUpModel());
  },
  connect(port) {
    if (!engine) throw new Error('warmUp must run before connect');
    Comlink.expose(engine, port);
  },
};
Comlink.expose(api);
