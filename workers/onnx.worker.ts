import * as Comlink from 'comlink';
import * as ort from 'onnxruntime-web/webgpu';
import ortWasm from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import { GraphBuilder } from '../src/onnx/GraphBuilder';
import { OrtEngine } from '../src/onnx/OrtEngine';
import type { OnnxProviderChoice } from '../src/shared/protocol';
import { probeGpuAdapter } from './autoBackend';

// The second reference engine. It never runs user code: the main thread warms it up, then hands
// it and the runner worker the two ends of a MessageChannel.
ort.env.wasm.wasmPaths = { wasm: ortWasm };
// Threads need cross-origin isolation, which the app does not require; one thread is plenty here.
ort.env.wasm.numThreads = 1;

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
    engine ??= new OrtEngine(ort as never, await providersFor(choice));
    return engine.warmUp(warmUpModel());
  },
  connect(port) {
    if (!engine) throw new Error('warmUp must run before connect');
    Comlink.expose(engine, port);
  },
};
Comlink.expose(api);
