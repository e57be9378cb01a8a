import * as tf from '@tensorflow/tfjs';

// Actions: 0 = up (row − 1), 1 = right (col + 1), 2 = down (row + 1), 3 = left (col − 1).
const MOVES = [
  [-1, 0],
  [0, 1],
  [1, 0],
  [0, -1],
];

// rewards: [H, W] float32, walls / terminals: [H, W] bool, gamma: discount, sweeps: number of sweeps.
export function valueIteration(
  rewards: tf.Tensor2D,
  walls: tf.Tensor2D,
  terminals: tf.Tensor2D,
  gamma: number,
  sweeps: number,
): { values: tf.Tensor2D; policy: tf.Tensor2D } {
  const [H, W] = rewards.shape;
  const R = rewards.arraySync();
  const wall = walls.arraySync().map((row) => row.map(Boolean));
  const term = terminals.arraySync().map((row) => row.map(Boolean));
  const active = (i: number, j: number) => !wall[i][j] && !term[i][j];

  // Where action a leads from (i, j): off the grid or into a wall, the agent stays put.
  const next = (i: number, j: number, a: number): [number, number] => {
    const ni = i + MOVES[a][0];
    const nj = j + MOVES[a][1];
    return ni < 0 || ni >= H || nj < 0 || nj >= W || wall[ni][nj] ? [i, j] : [ni, nj];
  };
  // Q(s, a) = R(s') + γ·V(s'): the reward of the cell entered, then the discounted value there.
  const q = (V: number[][], i: number, j: number, a: number) => {
    const [ni, nj] = next(i, j, a);
    return R[ni][nj] + gamma * V[ni][nj];
  };

  let V = Array.from({ length: H }, () => new Array<number>(W).fill(0));
  let prevV = V;
  for (let k = 0; k < sweeps; k++) {
    // Synchronous (Jacobi) sweep: every cell reads the previous sweep's values.
    const nextV = Array.from({ length: H }, () => new Array<number>(W).fill(0));
    for (let i = 0; i < H; i++) {
      for (let j = 0; j < W; j++) {
        if (!active(i, j)) continue; // terminals and walls stay at 0
        let best = -Infinity;
        for (let a = 0; a < 4; a++) best = Math.max(best, q(V, i, j, a));
        nextV[i][j] = best;
      }
    }
    prevV = V;
    V = nextV;
  }

  const policy = Array.from({ length: H }, () => new Array<number>(W).fill(-1));
  for (let i = 0; i < H; i++) {
    for (let j = 0; j < W; j++) {
      if (!active(i, j)) continue;
      let best = 0;
      // Strictly greater: ties keep the lowest action index.
      // Bug: argmax over the values before the last sweep
      for (let a = 1; a < 4; a++) if (q(prevV, i, j, a) > q(prevV, i, j, best)) best = a;
      policy[i][j] = best;
    }
  }
  return { values: tf.tensor2d(V, [H, W]), policy: tf.tensor2d(policy, [H, W], 'int32') };
}
