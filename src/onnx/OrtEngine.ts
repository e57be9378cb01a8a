/**
 * Runs ONNX models with onnxruntime-web. The ort module is passed in: the ONNX worker gives it the
 * `onnxruntime-web/webgpu` build (WebGPU EP with a wasm fallback), Node tests the wasm build.
 */
import type * as OrtModule from 'onnxruntime-web';
import type { TensorSpec } from '../judge/inputs';

/** Plain output of one graph output. */
export interface EngineTensor {
  dims: number[];
  dtype: string;
  data: Float32Array | Int32Array;
}

/** What the judge needs from a second engine; crosses a MessagePort as is. */
export interface OnnxEngine {
  /** Run a model (built only when no session for `key` exists) and return every output. */
  run(key: string, model: Uint8Array | undefined, feeds: Record<string, TensorSpec>): Promise<{ provider: string; outputs: Record<string, EngineTensor> }>;
  /** True when a session for `key` is already loaded, so the caller can skip building the model. */
  has(key: string): Promise<boolean>;
}

type Ort = typeof OrtModule;

export class OrtEngine implements OnnxEngine {
  private sessions = new Map<string, Promise<{ session: OrtModule.InferenceSession; provider: string }>>();

  constructor(
    private readonly ort: Ort,
    /** Tried in order; the first that creates a session wins, and is reported. */
    private readonly providers: string[],
  ) {}

  /**
   * Load the runtime (tens of MB of wasm) by running a one-node model, so the first Submit does
   * not pay for it inside the user's time budget. Resolves with the provider that ran it.
   */
  async warmUp(model: Uint8Array): Promise<string> {
    const { provider } = await this.run('warm-up', model, {});
    return provider;
  }

  async has(key: string): Promise<boolean> {
    return this.sessions.has(key);
  }

  async run(key: string, model: Uint8Array | undefined, feeds: Record<string, TensorSpec>) {
    let entry = this.sessions.get(key);
    if (!entry) {
      if (!model) throw new Error(`No ONNX model loaded for ${key}`);
      entry = this.createSession(model);
      entry.catch(() => this.sessions.delete(key));
      this.sessions.set(key, entry);
    }
    const { session, provider } = await entry;
    const inputs: Record<string, OrtModule.Tensor> = {};
    for (const [name, spec] of Object.entries(feeds)) {
      inputs[name] =
        spec.dtype === 'bool'
          ? new this.ort.Tensor('bool', Uint8Array.from(spec.data), spec.shape)
          : new this.ort.Tensor(spec.dtype, spec.dtype === 'float32' ? Float32Array.from(spec.data) : Int32Array.from(spec.data), spec.shape);
    }
    const results = await session.run(inputs);
    const outputs: Record<string, EngineTensor> = {};
    for (const [name, tensor] of Object.entries(results)) {
      const data = await tensor.getData();
      outputs[name] = {
        dims: [...tensor.dims],
        dtype: tensor.type,
        data: data instanceof Int32Array ? data.slice() : Float32Array.from(data as ArrayLike<number>),
      };
      tensor.dispose();
    }
    return { provider, outputs };
  }

  private async createSession(model: Uint8Array) {
    let lastError: unknown;
    for (const provider of this.providers) {
      try {
        const session = await this.ort.InferenceSession.create(model, { executionProviders: [provider] });
        return { session, provider };
      } catch (error) {
        lastError = error;
      }
    }
    throw lastError;
  }
}
