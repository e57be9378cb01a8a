// Held-out wrong variant: terminal cells are backed up like free cells instead of being held at value 0, so their values become nonzero and leak into their neighbours.
import * as tf from '@tensorflow/tfjs';

export function valueIteration(
  rewards: tf.Tensor2D,
  walls: tf.Tensor2D,
  terminals: tf.Tensor2D,
  gamma: number,
  sweeps: number,
): { values: tf.Tensor2D; policy: tf.Tensor2D } {
  const R = rewards.arraySync() as number[][];
  const isWall = (walls.arraySync() as (boolean | number)[][]).map((r) => r.map((x) => !!x));
  const isTerm = (terminals.arraySync() as (boolean | number)[][]).map((r) => r.map((x) => !!x));
  const H = R.length;
  const W = R[0].length;
  const step = (r: number, c: number, a: number): [number, number] => {
    let nr = r;
    let nc = c;
    if (a === 0) nr--;
    else if (a === 1) nc++;
    else if (a === 2) nr++;
    else nc--;
    if (nr < 0 || nr >= H || nc < 0 || nc >= W || isWall[nr][nc]) return [r, c];
    return [nr, nc];
  };
  let V = R.map((row) => row.map(() => 0));
  for (let k = 0; k < sweeps; k++) {
    const nv = R.map((row) => row.map(() => 0));
    for (let r = 0; r < H; r++) {
      for (let c = 0; c < W; c++) {
        if (isWall[r][c]) continue;
        let best = -Infinity;
        for (let a = 0; a < 4; a++) {
          const [nr, nc] = step(r, c, a);
          best = Math.max(best, R[nr][nc] + gamma * V[nr][nc]);
        }
        nv[r][c] = best;
      }
    }
    V = nv;
  }
  const pol = R.map((row, r) =>
    row.map((_, c) => {
      if (isWall[r][c] || isTerm[r][c]) return -1;
      let bestA = -1;
      let bestQ = -Infinity;
      for (let a = 0; a < 4; a++) {
        const [nr, nc] = step(r, c, a);
        const q = R[nr][nc] + gamma * V[nr][nc];
        if (q > bestQ) {
          bestQ = q;
          bestA = a;
        }
      }
      return bestA;
    }),
  );
  return { values: tf.tensor2d(V, [H, W]), policy: tf.tensor2d(pol, [H, W], 'int32') };
}
