// Held-out wrong variant: Sweeps update V in place (Gauss-Seidel) instead of computing V_{k+1} entirely from V_k.
import * as tf from '@tensorflow/tfjs';

const DR = [-1, 0, 1, 0];
const DC = [0, 1, 0, -1];

export function valueIteration(
  rewards: tf.Tensor2D,
  walls: tf.Tensor2D,
  terminals: tf.Tensor2D,
  gamma: number,
  sweeps: number,
): { values: tf.Tensor2D; policy: tf.Tensor2D } {
  const [H, W] = rewards.shape;
  const R = rewards.arraySync() as number[][];
  const wall = walls.arraySync() as unknown as (number | boolean)[][];
  const term = terminals.arraySync() as unknown as (number | boolean)[][];
  const free = (i: number, j: number) => !wall[i][j] && !term[i][j];
  const next = (i: number, j: number, a: number): [number, number] => {
    const ni = i + DR[a];
    const nj = j + DC[a];
    if (ni < 0 || ni >= H || nj < 0 || nj >= W || wall[ni][nj]) return [i, j];
    return [ni, nj];
  };
  const q = (V: number[][], i: number, j: number, a: number) => {
    const [ni, nj] = next(i, j, a);
    return R[ni][nj] + gamma * V[ni][nj];
  };
  let V: number[][] = Array.from({ length: H }, () => new Array<number>(W).fill(0));
  for (let k = 0; k < sweeps; k++) {
    const Vn = V;
    for (let i = 0; i < H; i++) {
      for (let j = 0; j < W; j++) {
        if (!free(i, j)) continue;
        let best = -Infinity;
        for (let a = 0; a < 4; a++) best = Math.max(best, q(V, i, j, a));
        Vn[i][j] = best;
      }
    }
    V = Vn;
  }
  const policy: number[][] = Array.from({ length: H }, () => new Array<number>(W).fill(-1));
  for (let i = 0; i < H; i++) {
    for (let j = 0; j < W; j++) {
      if (!free(i, j)) continue;
      let bestA = 0;
      let best = q(V, i, j, 0);
      for (let a = 1; a < 4; a++) {
        const val = q(V, i, j, a);
        if (val > best) {
          best = val;
          bestA = a;
        }
      }
      policy[i][j] = bestA;
    }
  }
  return { values: tf.tensor2d(V, [H, W], 'float32'), policy: tf.tensor2d(policy, [H, W], 'int32') };
}
