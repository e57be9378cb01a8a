import * as tf from '@tensorflow/tfjs';

// Independent solution: the RNN form, carrying S [Dk, Dv] and z [Dk] through time in plain JS
// (float64), over the flat data of the inputs. Only the [B, T, Dv] output tensor is created.

function phi(x: number): number {
  return x > 0 ? x + 1 : Math.exp(x);
}

export function causalLinearAttention(q: tf.Tensor3D, k: tf.Tensor3D, v: tf.Tensor3D, eps: number): tf.Tensor3D {
  const [B, T, Dk] = q.shape;
  const Dv = v.shape[2];
  const Q = q.dataSync();
  const K = k.dataSync();
  const V = v.dataSync();
  const out = new Float32Array(B * T * Dv);
  for (let b = 0; b < B; b++) {
    const S = new Float64Array(Dk * Dv);
    const z = new Float64Array(Dk);
    for (let t = 0; t < T; t++) {
      const kBase = (b * T + t) * Dk;
      const vBase = (b * T + t) * Dv;
      for (let i = 0; i < Dk; i++) {
        const pk = phi(K[kBase + i]);
        z[i] += pk;
        for (let j = 0; j < Dv; j++) S[i * Dv + j] += pk * V[vBase + j];
      }
      const pq = new Float64Array(Dk);
      let den = 0;
      for (let i = 0; i < Dk; i++) {
        pq[i] = phi(Q[kBase + i]);
        den += pq[i] * z[i];
      }
      den += eps;
      for (let j = 0; j < Dv; j++) {
        let num = 0;
        for (let i = 0; i < Dk; i++) num += pq[i] * S[i * Dv + j];
        out[vBase + j] = num / den;
      }
    }
  }
  return tf.tensor3d(out, [B, T, Dv], 'float32');
}
