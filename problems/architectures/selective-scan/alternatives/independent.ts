import * as tf from '@tensorflow/tfjs';

/**
 * Scalar recurrence per (batch, channel, state index), written as explicit loops over the typed-array
 * data in float64: for each channel d, every state entry n evolves on its own, and y_t[d] gathers
 * C_t[n]·h_t[d, n] after the update of step t.
 */
export function selectiveScan(
  x: tf.Tensor3D,
  delta: tf.Tensor3D,
  A: tf.Tensor2D,
  Bmat: tf.Tensor3D,
  C: tf.Tensor3D,
  Dskip: tf.Tensor1D,
  h0: tf.Tensor3D,
): { y: tf.Tensor3D; state: tf.Tensor3D } {
  const [Bsz, L, D] = x.shape;
  const N = A.shape[1];
  const xd = x.dataSync();
  const dd = delta.dataSync();
  const Ad = A.dataSync();
  const Bd = Bmat.dataSync();
  const Cd = C.dataSync();
  const Dd = Dskip.dataSync();
  const hInit = h0.dataSync();

  const y = new Float64Array(Bsz * L * D);
  const hOut = new Float64Array(Bsz * D * N);

  for (let b = 0; b < Bsz; b++) {
    for (let d = 0; d < D; d++) {
      // skip term first: y_t[d] = D_d x_t[d] + Σ_n ...
      for (let t = 0; t < L; t++) {
        const i = (b * L + t) * D + d;
        y[i] = Dd[d] * xd[i];
      }
      for (let n = 0; n < N; n++) {
        let h = hInit[(b * D + d) * N + n];
        const a = Ad[d * N + n];
        for (let t = 0; t < L; t++) {
          const i = (b * L + t) * D + d;
          const dt = dd[i];
          const bn = Bd[(b * L + t) * N + n];
          const cn = Cd[(b * L + t) * N + n];
          h = Math.exp(dt * a) * h + dt * bn * xd[i]; // update first…
          y[i] += cn * h; // …then read from the new state
        }
        hOut[(b * D + d) * N + n] = h;
      }
    }
  }

  return {
    y: tf.tensor3d(Float32Array.from(y), [Bsz, L, D], 'float32'),
    state: tf.tensor3d(Float32Array.from(hOut), [Bsz, D, N], 'float32'),
  };
}
