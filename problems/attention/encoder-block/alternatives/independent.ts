import * as tf from '@tensorflow/tfjs';

export interface EncoderWeights {
  wq: tf.Tensor2D; // [dModel, dModel]
  wk: tf.Tensor2D; // [dModel, dModel]
  wv: tf.Tensor2D; // [dModel, dModel]
  wo: tf.Tensor2D; // [dModel, dModel]
  ln1Gamma: tf.Tensor1D; // [dModel]
  ln1Beta: tf.Tensor1D; // [dModel]
  w1: tf.Tensor2D; // [dModel, dFF]
  b1: tf.Tensor1D; // [dFF]
  w2: tf.Tensor2D; // [dFF, dModel]
  b2: tf.Tensor1D; // [dModel]
  ln2Gamma: tf.Tensor1D; // [dModel]
  ln2Beta: tf.Tensor1D; // [dModel]
}

// Independent solution: plain JS loops over arraySync() data (float64 arithmetic).

function matVec(row: number[], w: number[][]): number[] {
  // row [n] · w [n, m] -> [m]
  const m = w.length > 0 ? w[0].length : 0;
  const out = new Array<number>(m).fill(0);
  for (let i = 0; i < row.length; i++) {
    const r = row[i];
    const wi = w[i];
    for (let j = 0; j < m; j++) out[j] += r * wi[j];
  }
  return out;
}

function layerNorm(z: number[], gamma: number[], beta: number[]): number[] {
  const n = z.length;
  let mean = 0;
  for (const v of z) mean += v;
  mean /= n;
  let variance = 0;
  for (const v of z) variance += (v - mean) * (v - mean);
  variance /= n;
  const inv = 1 / Math.sqrt(variance + 1e-5);
  return z.map((v, i) => gamma[i] * (v - mean) * inv + beta[i]);
}

export function encoderBlock(x: tf.Tensor3D, padMask: tf.Tensor2D, weights: EncoderWeights, nHeads: number): tf.Tensor3D {
  const [b, t, dModel] = x.shape;
  const dh = dModel / nHeads;
  const X = x.arraySync() as number[][][];
  const pad = padMask.arraySync() as unknown as boolean[][];
  const isPad = (s: number, i: number): boolean => Boolean(pad[s][i]);
  const Wq = weights.wq.arraySync() as number[][];
  const Wk = weights.wk.arraySync() as number[][];
  const Wv = weights.wv.arraySync() as number[][];
  const Wo = weights.wo.arraySync() as number[][];
  const W1 = weights.w1.arraySync() as number[][];
  const W2 = weights.w2.arraySync() as number[][];
  const b1 = weights.b1.arraySync() as number[];
  const b2 = weights.b2.arraySync() as number[];
  const g1 = weights.ln1Gamma.arraySync() as number[];
  const be1 = weights.ln1Beta.arraySync() as number[];
  const g2 = weights.ln2Gamma.arraySync() as number[];
  const be2 = weights.ln2Beta.arraySync() as number[];
  const scale = 1 / Math.sqrt(dh);

  const result: number[][][] = [];
  for (let s = 0; s < b; s++) {
    const seqOut: number[][] = [];
    // Only real tokens matter: padded keys are masked, padded query rows are zeroed.
    const real: number[] = [];
    for (let i = 0; i < t; i++) if (!isPad(s, i)) real.push(i);
    const Q: number[][] = [];
    const K: number[][] = [];
    const V: number[][] = [];
    for (let i = 0; i < t; i++) {
      if (isPad(s, i)) { Q.push([]); K.push([]); V.push([]); continue; }
      Q.push(matVec(X[s][i], Wq));
      K.push(matVec(X[s][i], Wk));
      V.push(matVec(X[s][i], Wv));
    }
    for (let i = 0; i < t; i++) {
      if (isPad(s, i)) { seqOut.push(new Array<number>(dModel).fill(0)); continue; }
      const concat = new Array<number>(dModel).fill(0);
      for (let h = 0; h < nHeads; h++) {
        const lo = h * dh;
        const scores = real.map((j) => {
          let dot = 0;
          for (let f = lo; f < lo + dh; f++) dot += Q[i][f] * K[j][f];
          return dot * scale;
        });
        const mx = Math.max(...scores);
        const ex = scores.map((sc) => Math.exp(sc - mx));
        const sum = ex.reduce((a, c) => a + c, 0);
        real.forEach((j, idx) => {
          const w = ex[idx] / sum;
          for (let f = lo; f < lo + dh; f++) concat[f] += w * V[j][f];
        });
      }
      const attn = matVec(concat, Wo);
      const h1 = layerNorm(X[s][i].map((v, f) => v + attn[f]), g1, be1);
      const hidden = matVec(h1, W1).map((v, f) => Math.max(0, v + b1[f]));
      const ffn = matVec(hidden, W2).map((v, f) => v + b2[f]);
      seqOut.push(layerNorm(h1.map((v, f) => v + ffn[f]), g2, be2));
    }
    result.push(seqOut);
  }
  return tf.tensor3d(result, [b, t, dModel], 'float32');
}
