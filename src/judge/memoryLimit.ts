/**
 * What a run may allocate in the user's realm, and how running out is reported. A run that
 * exhausts memory must end in a verdict that says so, never a crashed tab or a vague error: tensor
 * memory is capped where tfjs allocates it (the engine tracks every tensor's bytes), and the
 * errors the JavaScript engine and the wasm backend raise when an allocation fails are renamed
 * `MemoryLimitExceeded`, as the command-line judge names its own memory stop.
 */
import type { SerializedError } from '../shared/protocol';
import type { TF } from './inputs';

export const MEMORY_LIMIT_ERROR = 'MemoryLimitExceeded';

/** Tensor memory one run may hold at once in the browser's sandbox. */
export const TENSOR_MEMORY_LIMIT_BYTES = 1024 * 1024 * 1024;

/** Messages of failed allocations: V8 (arrays, typed arrays, strings) and wasm memory growth. */
const ALLOCATION_FAILED = /Array buffer allocation failed|Invalid (typed )?array length|Invalid string length|Maximum memory size exceeded|Cannot enlarge memory|Out of memory|WebAssembly\.Memory\.grow/i;

export class MemoryLimitError extends Error {
  constructor(limitBytes: number) {
    super(`Stopped: your code held more than ${Math.round(limitBytes / 1024 / 1024)} MB of tensors at once, the memory limit of a run. Dispose what you no longer need (tf.tidy) or build smaller intermediates.`);
    this.name = MEMORY_LIMIT_ERROR;
  }
}

/**
 * Make the engine throw MemoryLimitError once the tensors alive exceed `limitBytes`. Called in the
 * user's realm before the user's code loads; the realm is thrown away after the run, so a tensor
 * left tracked by the throw does not matter.
 */
export function capTensorMemory(tf: TF, limitBytes = TENSOR_MEMORY_LIMIT_BYTES): () => void {
  const engine = tf.engine() as unknown as { trackTensor: (...args: unknown[]) => void; state: { numBytes: number } };
  const track = engine.trackTensor.bind(engine);
  engine.trackTensor = (...args: unknown[]) => {
    // Checked before the tensor is counted, so the engine's books stay right after the throw.
    const tensor = args[0] as { size: number; dtype: string };
    const bytes = tensor.dtype === 'string' || tensor.dtype === 'complex64' ? 0 : tensor.size * 4;
    if (engine.state.numBytes + bytes > limitBytes) throw new MemoryLimitError(limitBytes);
    track(...args);
  };
  /** Lift the cap (tests share one engine). */
  return () => {
    delete (engine as { trackTensor?: unknown }).trackTensor;
  };
}

/** A failed allocation told as the memory limit; any other error unchanged. */
export function asMemoryLimit(error: SerializedError): SerializedError {
  if (error.name === MEMORY_LIMIT_ERROR || !ALLOCATION_FAILED.test(error.message)) return error;
  return {
    ...error,
    name: MEMORY_LIMIT_ERROR,
    message: `Stopped: your code ran out of memory (${error.name}: ${error.message}). A run may not allocate without bound: look for an array, tensor or string that grows in a loop.`,
  };
}
