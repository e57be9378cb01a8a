import * as tf from '@tensorflow/tfjs';

// children: [M, A] int32 child node of each (node, action), −1 = illegal; priors: [M, A]; values: [M]
// leaf evaluations. Node 0 is the root, expanded before the first simulation.
export function mctsPuct(
  children: tf.Tensor2D,
  priors: tf.Tensor2D,
  values: tf.Tensor1D,
  numSimulations: number,
  cPuct: number,
  temperature: number,
  twoPlayer: boolean,
): { visits: tf.Tensor2D; q: tf.Tensor2D; policy: tf.Tensor1D } {
  const [M, A] = children.shape;
  const ch = children.arraySync();
  const P = priors.arraySync();
  const V = values.arraySync();
  const N = Array.from({ length: M }, () => new Array<number>(A).fill(0));
  const W = Array.from({ length: M }, () => new Array<number>(A).fill(0));
  const expanded = new Array<boolean>(M).fill(false);
  expanded[0] = true;

  const select = (s: number) => {
    let total = 0;
    for (let a = 0; a < A; a++) total += N[s][a];
    const sqrtTotal = Math.sqrt(total);
    let best = -1;
    let bestScore = -Infinity;
    for (let a = 0; a < A; a++) {
      if (ch[s][a] < 0) continue;
      const q = N[s][a] > 0 ? W[s][a] / N[s][a] : 0;
      const u = (cPuct * P[s][a] * sqrtTotal) / (1 + N[s][a]);
      // Strictly greater: the lowest legal index wins exact ties.
      if (q + u > bestScore) {
        bestScore = q + u;
        best = a;
      }
    }
    return best;
  };

  for (let sim = 0; sim < numSimulations; sim++) {
    const path: [number, number][] = [];
    let s = 0;
    while (expanded[s]) {
      const a = select(s);
      if (a < 0) break; // no legal action: terminal node, evaluated again
      path.push([s, a]);
      s = ch[s][a];
    }
    expanded[s] = true;
    let v = V[s];
    for (let i = path.length - 1; i >= 0; i--) {
      // In a two-player game the edge into a node is scored from the mover's (the parent's) side.
      // Bug: the value is never negated for the other player.
      const [ps, pa] = path[i];
      N[ps][pa] += 1;
      W[ps][pa] += v;
    }
  }

  const Q = N.map((row, s) => row.map((n, a) => (n > 0 ? W[s][a] / n : 0)));
  const root = N[0];
  let policy: number[];
  if (temperature === 0) {
    let best = 0;
    for (let a = 1; a < A; a++) if (root[a] > root[best]) best = a;
    policy = root.map((_, a) => (a === best ? 1 : 0));
  } else {
    const maxN = Math.max(...root);
    const powered = root.map((n) => Math.pow(n / maxN, 1 / temperature));
    const z = powered.reduce((x, y) => x + y, 0);
    policy = powered.map((p) => p / z);
  }
  return { visits: tf.tensor2d(N, [M, A], 'int32'), q: tf.tensor2d(Q, [M, A]), policy: tf.tensor1d(policy) };
}
