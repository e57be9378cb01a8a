import type { Plain } from '../../../src/judge/compare';
import type { TensorSpec } from '../../../src/judge/inputs';

type Matrix = { data: ArrayLike<number>; shape: number[] };

/** Mean softmax cross-entropy of the MLP relu(x·W1 + b1)·W2 + b2 on (x, y), in float64. */
export function mlpLoss(x: TensorSpec, y: TensorSpec, p: Record<'W1' | 'b1' | 'W2' | 'b2', Matrix>): number {
  const [N, D] = x.shape;
  const H = p.W1.shape[1];
  const C = p.W2.shape[1];
  let total = 0;
  const h = new Float64Array(H);
  const z = new Float64Array(C);
  for (let n = 0; n < N; n++) {
    for (let j = 0; j < H; j++) {
      let s = Number(p.b1.data[j]);
      for (let d = 0; d < D; d++) s += x.data[n * D + d] * Number(p.W1.data[d * H + j]);
      h[j] = Math.max(0, s);
    }
    let max = -Infinity;
    for (let c = 0; c < C; c++) {
      let s = Number(p.b2.data[c]);
      for (let j = 0; j < H; j++) s += h[j] * Number(p.W2.data[j * C + c]);
      z[c] = s;
      max = Math.max(max, s);
    }
    let sum = 0;
    for (let c = 0; c < C; c++) sum += Math.exp(z[c] - max);
    total += max + Math.log(sum) - z[y.data[n]];
  }
  return total / N;
}

/** The parameters in a returned value, or a message saying what is wrong with it. */
export function paramsOf(got: Plain, expected: Plain): Record<'W1' | 'b1' | 'W2' | 'b2', Matrix> | string {
  if (got.kind !== 'object' || expected.kind !== 'object') return 'Return an object { W1, b1, W2, b2 } of tensors.';
  const out: Record<string, Matrix> = {};
  for (const key of ['W1', 'b1', 'W2', 'b2']) {
    const g = got.entries[key];
    const e = expected.entries[key];
    if (!g) return `The returned object has no "${key}"; return { W1, b1, W2, b2 }.`;
    if (g.kind !== 'tensor' || e.kind !== 'tensor') return `"${key}" must be a tensor.`;
    if (g.shape.join(',') !== e.shape.join(',')) return `"${key}" has shape [${g.shape.join(', ')}]; expected [${e.shape.join(', ')}].`;
    out[key] = { data: g.data, shape: g.shape };
  }
  return out as Record<'W1' | 'b1' | 'W2' | 'b2', Matrix>;
}

/**
 * The stated algorithm in float64: `steps` full-batch gradient-descent updates with learning rate
 * `lr` from `init`, by hand-written backprop. Returns the loss before training and after it. The
 * case generator uses it to check that every case keeps the statement's promises.
 */
export function trainedLoss64(x: TensorSpec, y: TensorSpec, init: Record<'W1' | 'b1' | 'W2' | 'b2', Matrix>, steps: number, lr: number): { initial: number; final: number } {
  const [N, D] = x.shape;
  const H = init.W1.shape[1];
  const C = init.W2.shape[1];
  const p = {
    W1: Float64Array.from(init.W1.data),
    b1: Float64Array.from(init.b1.data),
    W2: Float64Array.from(init.W2.data),
    b2: Float64Array.from(init.b2.data),
  };
  const shaped = () => ({
    W1: { data: p.W1, shape: [D, H] },
    b1: { data: p.b1, shape: [H] },
    W2: { data: p.W2, shape: [H, C] },
    b2: { data: p.b2, shape: [C] },
  });
  const initial = mlpLoss(x, y, shaped());
  const pre = new Float64Array(H);
  const z = new Float64Array(C);
  for (let step = 0; step < steps; step++) {
    const g = { W1: new Float64Array(D * H), b1: new Float64Array(H), W2: new Float64Array(H * C), b2: new Float64Array(C) };
    for (let n = 0; n < N; n++) {
      for (let j = 0; j < H; j++) {
        let s = p.b1[j];
        for (let d = 0; d < D; d++) s += x.data[n * D + d] * p.W1[d * H + j];
        pre[j] = s;
      }
      let max = -Infinity;
      for (let c = 0; c < C; c++) {
        let s = p.b2[c];
        for (let j = 0; j < H; j++) s += Math.max(0, pre[j]) * p.W2[j * C + c];
        z[c] = s;
        max = Math.max(max, s);
      }
      let sum = 0;
      for (let c = 0; c < C; c++) sum += Math.exp(z[c] - max);
      for (let c = 0; c < C; c++) {
        const dz = (Math.exp(z[c] - max) / sum - (c === y.data[n] ? 1 : 0)) / N;
        z[c] = dz;
        g.b2[c] += dz;
        for (let j = 0; j < H; j++) g.W2[j * C + c] += Math.max(0, pre[j]) * dz;
      }
      for (let j = 0; j < H; j++) {
        if (!(pre[j] > 0)) continue;
        let dh = 0;
        for (let c = 0; c < C; c++) dh += z[c] * p.W2[j * C + c];
        g.b1[j] += dh;
        for (let d = 0; d < D; d++) g.W1[d * H + j] += x.data[n * D + d] * dh;
      }
    }
    for (const key of ['W1', 'b1', 'W2', 'b2'] as const) for (let i = 0; i < p[key].length; i++) p[key][i] -= lr * g[key][i];
  }
  return { initial, final: mlpLoss(x, y, shaped()) };
}
