// Held-out wrong variant: bumping into the grid edge or a wall yields reward 0 (plus γ·V of the own cell) instead of the own cell's reward.
import * as tf from '@tensorflow/tfjs';

export function valueIteration(
  rewards: tf.Tensor2D,
  walls: tf.Tensor2D,
  terminals: tf.Tensor2D,
  gamma: number,
  sweeps: number,
): { values: tf.Tensor2D; policy: tf.Tensor2D } {
  const [H, W] = rewards.shape;
  const S = H * W;
  const R = rewards.dataSync();
  const wall = walls.dataSync();
  const term = terminals.dataSync();
  const moves = [
    [-1, 0],
    [0, 1],
    [1, 0],
    [0, -1],
  ];
  // next[a][s] and the immediate reward of each move
  const next: number[][] = [];
  const rew: number[][] = [];
  for (let a = 0; a < 4; a++) {
    const nxt: number[] = [];
    const rw: number[] = [];
    for (let s = 0; s < S; s++) {
      const r = Math.floor(s / W);
      const c = s % W;
      const nr = r + moves[a][0];
      const nc = c + moves[a][1];
      if (nr < 0 || nr >= H || nc < 0 || nc >= W || wall[nr * W + nc]) {
        nxt.push(s);
        rw.push(0);
      } else {
        nxt.push(nr * W + nc);
        rw.push(R[nr * W + nc]);
      }
    }
    next.push(nxt);
    rew.push(rw);
  }
  const free = tf.tensor1d(Array.from({ length: S }, (_, s) => (wall[s] || term[s] ? 0 : 1)), 'float32');
  const nextT = next.map((n) => tf.tensor1d(n, 'int32'));
  const rewT = rew.map((r) => tf.tensor1d(r, 'float32'));
  const qValues = (V: tf.Tensor1D) =>
    tf.stack(nextT.map((n, a) => tf.add(rewT[a], tf.mul(gamma, tf.gather(V, n)))), 1) as tf.Tensor2D;
  let V = tf.zeros([S]) as tf.Tensor1D;
  for (let k = 0; k < sweeps; k++) {
    const nv = tf.tidy(() => tf.mul(tf.max(qValues(V), 1), free) as tf.Tensor1D);
    V.dispose();
    V = nv;
  }
  const policy = tf.tidy(() => {
    const greedy = tf.cast(tf.argMax(qValues(V), 1), 'int32');
    return tf.where(tf.cast(free, 'bool'), greedy, tf.fill([S], -1, 'int32')).reshape([H, W]) as tf.Tensor2D;
  });
  return { values: V.reshape([H, W]) as tf.Tensor2D, policy };
}
