/** onnxruntime-web for Node tests: the wasm execution provider (the node build of the package). */
import * as ort from 'onnxruntime-web';
import { OrtEngine } from '../../src/onnx/OrtEngine';

ort.env.wasm.numThreads = 1;

export function nodeOnnxEngine(): OrtEngine {
  return new OrtEngine(ort, ['wasm']);
}
