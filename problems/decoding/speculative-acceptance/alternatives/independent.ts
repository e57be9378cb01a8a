// Style: an explicit per-row loop over plain arrays (arraySync), written like the textbook
// algorithm: walk the drafts until the first rejection, then inverse-CDF sample the final token.
import * as tf from '@tensorflow/tfjs';

/** First id whose cumulative weight (normalised by the total) is > s; the last positive id if rounding falls short. */
function inverseCdf(weights: number[], s: number): number {
  const total = weights.reduce((acc, w) => acc + w, 0);
  let cum = 0;
  let lastPositive = weights.length - 1;
  for (let v = 0; v < weights.length; v++) {
    if (weights[v] > 0) lastPositive = v;
    cum += weights[v] / total;
    if (cum > s) return v;
  }
  return lastPositive;
}

export function speculativeAccept(
  draftProbs: tf.Tensor3D,
  targetProbs: tf.Tensor3D,
  draftTokens: tf.Tensor2D,
  acceptU: tf.Tensor2D,
  residualU: tf.Tensor1D,
): { accepted: tf.Tensor1D; token: tf.Tensor1D } {
  const q = draftProbs.arraySync() as number[][][];
  const p = targetProbs.arraySync() as number[][][];
  const drafts = draftTokens.arraySync() as number[][];
  const a = acceptU.arraySync() as number[][];
  const s = residualU.arraySync() as number[];
  const [batch, k] = draftProbs.shape;

  const acceptedOut: number[] = [];
  const tokenOut: number[] = [];
  for (let b = 0; b < batch; b++) {
    let n = 0;
    while (n < k) {
      const x = drafts[b][n];
      if (a[b][n] < p[b][n][x] / q[b][n][x]) n++;
      else break;
    }
    let dist: number[];
    if (n === k) {
      dist = p[b][k]; // every draft accepted: bonus token from p_k
    } else {
      dist = p[b][n].map((pv, v) => Math.max(0, pv - q[b][n][v])); // residual at the first rejection
    }
    acceptedOut.push(n);
    tokenOut.push(inverseCdf(dist, s[b]));
  }
  return { accepted: tf.tensor1d(acceptedOut, 'int32'), token: tf.tensor1d(tokenOut, 'int32') };
}
