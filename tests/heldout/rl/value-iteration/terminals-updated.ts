// Held-out wrong variant: only walls are held at 0; terminal cells are backed up like free cells, so they get a non-zero value (their policy is still -1).
import * as tf from '@tensorflow/tfjs';

const MOVES: Array<[number, number]> = [
  [-1, 0], // 0 up
  [0, 1], // 1 right
  [1, 0], // 2 down
  [0, -1], // 3 left
];

export function valueIteration(
  rewards: tf.Tensor2D,
  walls: tf.Tensor2D,
  terminals: tf.Tensor2D,
  gamma: number,
  sweeps: number,
): { values: tf.Tensor2D; policy: tf.Tensor2D } {
  const R = rewards.arraySync();
  const isWall = (walls.arraySync() as unknown as Array<Array<number | boolean>>).map((row) => row.map(Boolean));
  const isTerm = (terminals.arraySync() as unknown as Array<Array<number | boolean>>).map((row) => row.map(Boolean));
  const [H, W] = rewards.shape;

  /** The cell reached from (i, j) by action a (stays on an edge or a wall). */
  const step = (i: number, j: number, a: number): [number, number] => {
    const ni = i + MOVES[a][0];
    const nj = j + MOVES[a][1];
    if (ni < 0 || ni >= H || nj < 0 || nj >= W || isWall[ni][nj]) return [i, j];
    return [ni, nj];
  };
  const q = (V: number[][], i: number, j: number, a: number): number => {
    const [ni, nj] = step(i, j, a);
    return R[ni][nj] + gamma * V[ni][nj];
  };
  const active = (i: number, j: number) => !isWall[i][j] && !isTerm[i][j];

  let V: number[][] = Array.from({ length: H }, () => new Array<number>(W).fill(0));
  for (let k = 0; k < sweeps; k++) {
    const next: number[][] = Array.from({ length: H }, () => new Array<number>(W).fill(0));
    for (let i = 0; i < H; i++) {
      for (let j = 0; j < W; j++) {
        if (isWall[i][j]) continue;
        let best = -Infinity;
        for (let a = 0; a < 4; a++) best = Math.max(best, q(V, i, j, a));
        next[i][j] = best;
      }
    }
    V = next;
  }

  const policy: number[][] = Array.from({ length: H }, () => new Array<number>(W).fill(-1));
  for (let i = 0; i < H; i++) {
    for (let j = 0; j < W; j++) {
      if (!active(i, j)) continue;
      let bestA = 0;
      let bestQ = q(V, i, j, 0);
      for (let a = 1; a < 4; a++) {
        const qa = q(V, i, j, a);
        if (qa > bestQ) {
          bestQ = qa;
          bestA = a;
        }
      }
      policy[i][j] = bestA;
    }
  }
  return { values: tf.tensor2d(V, [H, W]), policy: tf.tensor2d(policy, [H, W], 'int32') };
}
