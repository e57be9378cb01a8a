/**
 * Optimizer steps unrolled into ONNX graphs, for the optimizer problems' second reference.
 * Written from the update equations, independently of the tfjs references.
 */
import type { GraphBuilder, Value } from './GraphBuilder';

export interface AdamSettings {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  /** Decoupled (AdamW) weight decay; 0 for plain Adam. */
  weightDecay: number;
}

/** Run Adam (or AdamW) over `grads`, t = 1, 2, …; returns the final param and raw moments. */
export function unrolledAdam(g: GraphBuilder, param: Value, grads: Value[], zeros: Value, s: AdamSettings) {
  let p = param;
  let m = zeros;
  let v = zeros;
  grads.forEach((grad, i) => {
    const t = i + 1;
    if (s.weightDecay) p = g.mul(p, g.scalar(1 - s.lr * s.weightDecay));
    m = g.add(g.mul(m, g.scalar(s.beta1)), g.mul(grad, g.scalar(1 - s.beta1)));
    v = g.add(g.mul(v, g.scalar(s.beta2)), g.mul(g.mul(grad, grad), g.scalar(1 - s.beta2)));
    const mHat = g.div(m, g.scalar(1 - s.beta1 ** t));
    const vHat = g.div(v, g.scalar(1 - s.beta2 ** t));
    p = g.sub(p, g.mul(g.div(mHat, g.add(g.sqrt(vHat), g.scalar(s.eps))), g.scalar(s.lr)));
  });
  return { param: p, m, v };
}
