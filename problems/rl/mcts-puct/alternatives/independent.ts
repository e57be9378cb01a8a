import * as tf from '@tensorflow/tfjs';

/**
 * Independent solution: plain JS tree search over arraySync() tables (float64 arithmetic),
 * tensors created only for the outputs.
 */
export function mctsPuct(
  children: tf.Tensor2D,
  priors: tf.Tensor2D,
  values: tf.Tensor1D,
  numSimulations: number,
  cPuct: number,
  temperature: number,
  twoPlayer: boolean,
): { visits: tf.Tensor2D; q: tf.Tensor2D; policy: tf.Tensor1D } {
  const ch = children.arraySync() as number[][];
  const pr = priors.arraySync() as number[][];
  const val = values.arraySync() as number[];
  const M = ch.length;
  const A = M > 0 ? ch[0].length : 0;

  const N: number[][] = ch.map((row) => row.map(() => 0));
  const W: number[][] = ch.map((row) => row.map(() => 0));
  const nodeN: number[] = new Array(M).fill(0);
  const expanded: boolean[] = new Array(M).fill(false);
  expanded[0] = true;

  const legal = (s: number, a: number) => ch[s][a] >= 0;
  const hasLegal = (s: number) => ch[s].some((c) => c >= 0);

  for (let sim = 0; sim < numSimulations; sim++) {
    const path: Array<[number, number]> = [];
    let s = 0;
    while (expanded[s] && hasLegal(s)) {
      const sqrtN = Math.sqrt(nodeN[s]);
      let best = -1;
      let bestScore = -Infinity;
      for (let a = 0; a < A; a++) {
        if (!legal(s, a)) continue;
        const n = N[s][a];
        const qv = n > 0 ? W[s][a] / n : 0;
        const score = qv + cPuct * pr[s][a] * sqrtN / (1 + n);
        if (best < 0 || score > bestScore) {
          best = a;
          bestScore = score;
        }
      }
      path.push([s, best]);
      s = ch[s][best];
    }
    // leaf: unexpanded (expand now) or terminal
    expanded[s] = true;
    const v = val[s];
    const L = path.length;
    for (let i = L - 1; i >= 0; i--) {
      const [ps, pa] = path[i];
      const sign = twoPlayer ? ((L - i) % 2 === 1 ? -1 : 1) : 1;
      N[ps][pa] += 1;
      W[ps][pa] += sign * v;
      nodeN[ps] += 1;
    }
  }

  const Q = N.map((row, s) => row.map((n, a) => (n > 0 && legal(s, a) ? W[s][a] / n : 0)));

  const rootCounts = N[0].map((n, a) => (legal(0, a) ? n : 0));
  const pol: number[] = new Array(A).fill(0);
  if (temperature === 0) {
    let best = 0;
    for (let a = 1; a < A; a++) if (rootCounts[a] > rootCounts[best]) best = a;
    pol[best] = 1;
  } else {
    const maxN = Math.max(...rootCounts);
    let total = 0;
    for (let a = 0; a < A; a++) {
      pol[a] = rootCounts[a] > 0 ? Math.pow(rootCounts[a] / maxN, 1 / temperature) : 0;
      total += pol[a];
    }
    for (let a = 0; a < A; a++) pol[a] /= total;
  }

  return {
    visits: tf.tensor2d(N, [M, A], 'int32'),
    q: tf.tensor2d(Q, [M, A], 'float32'),
    policy: tf.tensor1d(pol, 'float32'),
  };
}
