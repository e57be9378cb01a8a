import * as tf from '@tensorflow/tfjs';

/** Independent solution: both bandit runs as plain JS loops over flat typed-array data. */
export function bandits(
  means: tf.Tensor1D,
  rewards: tf.Tensor2D,
  uniforms: tf.Tensor3D,
): { ucbArms: tf.Tensor1D; ucbRegret: tf.Tensor1D; tsArms: tf.Tensor1D; tsRegret: tf.Tensor1D } {
  const mu = Array.from(means.dataSync());
  const K = mu.length;
  const [T] = rewards.shape;
  const R = rewards.dataSync(); // flat [T, K]
  const U = uniforms.dataSync(); // flat [T, K, T]
  const L = uniforms.shape[2];
  const muStar = Math.max(...mu);

  const argmaxLowest = (vals: number[]): number => {
    let best = 0;
    for (let k = 1; k < vals.length; k++) if (vals[k] > vals[best]) best = k;
    return best;
  };

  const regretOf = (arms: number[]): number[] => {
    const out: number[] = [];
    let acc = 0;
    for (const a of arms) {
      acc += muStar - mu[a];
      out.push(acc);
    }
    return out;
  };

  // ---- UCB1
  const ucbArms: number[] = [];
  {
    const n = new Array<number>(K).fill(0);
    const w = new Array<number>(K).fill(0);
    for (let t = 0; t < T; t++) {
      let a: number;
      if (t < K) {
        a = t;
      } else {
        const lnT = Math.log(t);
        const scores = n.map((nk, k) => w[k] / nk + Math.sqrt((2 * lnT) / nk));
        a = argmaxLowest(scores);
      }
      n[a] += 1;
      w[a] += R[t * K + a];
      ucbArms.push(a);
    }
  }

  // ---- Thompson sampling via order statistics of the given uniforms
  const tsArms: number[] = [];
  {
    const wins = new Array<number>(K).fill(0);
    const losses = new Array<number>(K).fill(0);
    for (let t = 0; t < T; t++) {
      const theta: number[] = [];
      for (let k = 0; k < K; k++) {
        const alpha = 1 + wins[k];
        const beta = 1 + losses[k];
        const m = alpha + beta - 1;
        const base = (t * K + k) * L;
        const draws = Array.from(U.subarray(base, base + m)).sort((x, y) => x - y);
        theta.push(draws[alpha - 1]);
      }
      const a = argmaxLowest(theta);
      if (R[t * K + a] > 0.5) wins[a] += 1;
      else losses[a] += 1;
      tsArms.push(a);
    }
  }

  return {
    ucbArms: tf.tensor1d(ucbArms, 'int32'),
    ucbRegret: tf.tensor1d(regretOf(ucbArms), 'float32'),
    tsArms: tf.tensor1d(tsArms, 'int32'),
    tsRegret: tf.tensor1d(regretOf(tsArms), 'float32'),
  };
}
