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
