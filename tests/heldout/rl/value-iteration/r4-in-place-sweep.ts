// Held-out wrong variant: each sweep updates V in place (Gauss–Seidel), so cells later in the sweep already see this sweep's new values instead of the synchronous V_k.
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
  const R = rewards.arraySync() as number[][];
  const W = (walls.arraySync() as (boolean | number)[][]).map((row) => row.map(Boolean));
  const Tm = (terminals.arraySync() as (boolean | number)[][]).map((row) => row.map(Boolean));
  const H = R.length;
  const Wd = R[0].length;
  const V: number[][] = R.map((row) => row.map(() => 0));
  const target = (r: number, c: number, a: number): [number, number] => {
    const nr = r + DR[a];
    const nc = c + DC[a];
    if (nr < 0 || nr >= H || nc < 0 || nc >= Wd || W[nr][nc]) return [r, c];
    return [nr, nc];
  };
  const q = (r: number, c: number, a: number): number => {
    const [nr, nc] = target(r, c, a);
    return R[nr][nc] + gamma * V[nr][nc];
  };
  for (let k = 0; k < sweeps; k++) {
    for (let r = 0; r < H; r++) {
      for (let c = 0; c < Wd; c++) {
        if (W[r][c] || Tm[r][c]) continue;
        let best = -Infinity;
        for (let a = 0; a < 4; a++) best = Math.max(best, q(r, c, a));
        V[r][c] = best;
      }
    }
  }
  const policy: number[][] = [];
  for (let r = 0; r < H; r++) {
    const row: number[] = [];
    for (let c = 0; c < Wd; c++) {
      if (W[r][c] || Tm[r][c]) {
        row.push(-1);
        continue;
      }
      let bestA = 0;
      let bestQ = q(r, c, 0);
      for (let a = 1; a < 4; a++) {
        const v = q(r, c, a);
        if (v > bestQ) {
          bestQ = v;
          bestA = a;
        }
      }
      row.push(bestA);
    }
    policy.push(row);
  }
  return { values: tf.tensor2d(V, [H, Wd]), policy: tf.tensor2d(policy, [H, Wd], 'int32') };
}
