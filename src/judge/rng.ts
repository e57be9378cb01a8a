import type { DType, TensorSpec } from './inputs';

/**
 * Seeded generator for case inputs. Values are produced in JavaScript (mulberry32 + Box–Muller),
 * never by tf.random*, so every backend and the ONNX engine see bit-identical inputs.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [lo, hi], both ends included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  gaussian(): number {
    const u = Math.max(this.next(), 1e-12);
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A float32 tensor of N(0, scale²) values. */
  normal(shape: number[], scale = 1): TensorSpec {
    const data = new Float32Array(size(shape));
    for (let i = 0; i < data.length; i++) data[i] = this.gaussian() * scale;
    return { kind: 'tensor', shape, dtype: 'float32', data };
  }

  /** A float32 tensor of U(lo, hi) values. */
  uniform(shape: number[], lo = 0, hi = 1): TensorSpec {
    const data = new Float32Array(size(shape));
    for (let i = 0; i < data.length; i++) data[i] = lo + (hi - lo) * this.next();
    return { kind: 'tensor', shape, dtype: 'float32', data };
  }

  /** An int32 tensor of integers in [lo, hi]. */
  ints(shape: number[], lo: number, hi: number): TensorSpec {
    const data = new Int32Array(size(shape));
    for (let i = 0; i < data.length; i++) data[i] = this.int(lo, hi);
    return { kind: 'tensor', shape, dtype: 'int32', data };
  }

  /** A 0/1 tensor where each entry is 1 with probability p. */
  bernoulli(shape: number[], p: number, dtype: DType = 'float32'): TensorSpec {
    const data = dtype === 'float32' ? new Float32Array(size(shape)) : new Int32Array(size(shape));
    for (let i = 0; i < data.length; i++) data[i] = this.next() < p ? 1 : 0;
    return { kind: 'tensor', shape, dtype, data };
  }
}

export function size(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}
