import * as tf from '@tensorflow/tfjs';

function greedy(Q: Float32Array, s: number, A: number): number {
  let best = 0;
  for (let a = 1; a < A; a++) if (Q[s * A + a] > Q[s * A + best]) best = a;
  return best;
}

function rowMax(Q: Float32Array, s: number, A: number): number {
  return Q[s * A + greedy(Q, s, A)];
}

/** Plain simulation over flat typed arrays; Q kept in float32 like the tensors. */
export function qLearning(
  transitions: tf.Tensor2D,
  rewards: tf.Tensor2D,
  terminal: tf.Tensor1D,
  q0: tf.Tensor2D,
  uniforms: tf.Tensor3D,
  start: number,
  alpha: number,
  gamma: number,
  epsilon: number,
): { q: tf.Tensor2D; policy: tf.Tensor1D; lengths: tf.Tensor1D } {
  const [S, A] = q0.shape;
  const [E, T] = uniforms.shape;
  const next = transitions.dataSync();
  const R = rewards.dataSync();
  const term = terminal.dataSync();
  const U = uniforms.dataSync();
  const Q = Float32Array.from(q0.dataSync());
  const eps = Math.fround(epsilon);
  const lengths = new Int32Array(E);
  for (let e = 0; e < E; e++) {
    let s = start;
    let t = 0;
    while (t < T) {
      const u = U[(e * T + t) * 2];
      const v = U[(e * T + t) * 2 + 1];
      const a = u < eps ? Math.min(A - 1, Math.floor(v * A)) : greedy(Q, s, A);
      const s2 = next[s * A + a];
      const done = Boolean(term[s2]);
      const target = R[s * A + a] + (done ? 0 : gamma * rowMax(Q, s2, A));
      Q[s * A + a] = Q[s * A + a] + alpha * (target - Q[s * A + a]);
      s = s2;
      t += 1;
      if (done) break;
    }
    lengths[e] = t;
  }
  const policy = new Int32Array(S);
  for (let s = 0; s < S; s++) policy[s] = term[s] ? -1 : greedy(Q, s, A);
  return {
    q: tf.tensor2d(Q, [S, A], 'float32'),
    policy: tf.tensor1d(policy, 'int32'),
    lengths: tf.tensor1d(lengths, 'int32'),
  };
}
