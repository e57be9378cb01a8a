import * as Comlink from 'comlink';
import * as ort from 'onnxruntime-web/webgpu';
import ortWasm from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import { GraphBuilder } from '../src/onnx/GraphBuilder';
import { OrtEngine } from '../src/onnx/OrtEngine';

// The second reference engine. It never runs user code: the main thread warms it up, then hands
// it and the runner worker the two ends of a MessageChannel.
ort.env.wasm.wasmPaths = { wasm: ortWasm };
// Threads need cross-origin isolation, which the app does not require; one thread is plenty here.
ort.env.wasm.numThreads = 1;

const engine = new OrtEngine(ort as never, ['webgpu', 'wasm']);

/** What the main thread calls on this worker. */
export interface OnnxWorkerApi {
  warmUp(): Promise<string>;
  connect(port: MessagePort): void;
}

function warmUpModel(): Uint8Array {
  const graph = new GraphBuilder();
  graph.output(graph.add(graph.constant([1], [1]), graph.constant([1], [1])), 'out', [1]);
  return graph.build('warm-up');
}

const api: OnnxWorkerApi = {
  warmUp: () => engine.warmUp(warmUpModel()),
  connect: (port) => Comlink.expose(engine, port),
};
Comlink.expose(api);
