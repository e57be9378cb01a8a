// Held-out wrong variant: only blocks moves that leave the grid, so the agent can step into wall cells and collect their meaningless rewards.
import * as tf from '@tensorflow/tfjs';

export function valueIteration(
  rewards: tf.Tensor2D,
  walls: tf.Tensor2D,
  terminals: tf.Tensor2D,
  gamma: number,
  sweeps: number,
): { values: tf.Tensor2D; policy: tf.Tensor2D } {
  const R = rewards.arraySync() as number[][];
  const Wl = walls.arraySync() as unknown as (boolean | number)[][];
  const Tm = terminals.arraySync() as unknown as (boolean | number)[][];
  const H = R.length;
  const W = R[0].length;
  const moves = [[-1, 0], [0, 1], [1, 0], [0, -1]];
  const isWall = (i: number, j: number) => !!Wl[i][j];
  const isTerm = (i: number, j: number) => !!Tm[i][j];
  const next = (i: number, j: number, a: number): [number, number] => {
    const ni = i + moves[a][0];
    const nj = j + moves[a][1];
    if (ni < 0 || ni >= H || nj < 0 || nj >= W) return [i, j];
    return [ni, nj];
  };
  let V = Array.from({ length: H }, () => new Array<number>(W).fill(0));
  const q = (Vk: number[][], i: number, j: number, a: number) => {
    const [ni, nj] = next(i, j, a);
    return R[ni][nj] + gamma * Vk[ni][nj];
  };
  for (let k = 0; k < sweeps; k++) {
    const Vn = Array.from({ length: H }, () => new Array<number>(W).fill(0));
    for (let i = 0; i < H; i++) for (let j = 0; j < W; j++) {
      if (isWall(i, j) || isTerm(i, j)) continue;
      let best = -Infinity;
      for (let a = 0; a < 4; a++) best = Math.max(best, q(V, i, j, a));
      Vn[i][j] = best;
    }
    V = Vn;
  }
  const P = Array.from({ length: H }, () => new Array<number>(W).fill(-1));
  for (let i = 0; i < H; i++) for (let j = 0; j < W; j++) {
    if (isWall(i, j) || isTerm(i, j)) continue;
    let best = -Infinity;
    let arg = 0;
    for (let a = 0; a < 4; a++) {
      const v = q(V, i, j, a);
      if (v > best) { best = v; arg = a; }
    }
    P[i][j] = arg;
  }
  return { values: tf.tensor2d(V, [H, W]), policy: tf.tensor2d(P, [H, W], 'int32') };
}
