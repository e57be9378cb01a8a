import * as tf from '@tensorflow/tfjs';

export interface BlockWeights {
  ln1Gamma: tf.Tensor1D;
  ln1Beta: tf.Tensor1D;
  wq: tf.Tensor2D;
  wk: tf.Tensor2D;
  wv: tf.Tensor2D;
  wo: tf.Tensor2D;
  ln2Gamma: tf.Tensor1D;
  ln2Beta: tf.Tensor1D;
  w1: tf.Tensor2D;
  b1: tf.Tensor1D;
  w2: tf.Tensor2D;
  b2: tf.Tensor1D;
}

export interface GPTWeights {
  wte: tf.Tensor2D;
  wpe: tf.Tensor2D;
  blocks: BlockWeights[];
  lnFGamma: tf.Tensor1D;
  lnFBeta: tf.Tensor1D;
}

// Plain-JS implementation: every tensor is read once with arraySync() and the whole
// forward pass runs over number[][] rows (one sequence at a time).

type Mat = number[][];

function layerNorm(rows: Mat, gamma: number[], beta: number[]): Mat {
  return rows.map((z) => {
    const n = z.length;
    let mu = 0;
    for (const v of z) mu += v;
    mu /= n;
    let vr = 0;
    for (const v of z) vr += (v - mu) * (v - mu);
    vr /= n;
    const inv = 1 / Math.sqrt(vr + 1e-5);
    return z.map((v, f) => gamma[f] * (v - mu) * inv + beta[f]);
  });
}

function matmul(rows: Mat, m: Mat): Mat {
  const cols = m[0].length;
  return rows.map((z) => {
    const out = new Array<number>(cols).fill(0);
    for (let i = 0; i < z.length; i++) {
      const zi = z[i];
      if (zi === 0) continue;
      const mi = m[i];
      for (let j = 0; j < cols; j++) out[j] += zi * mi[j];
    }
    return out;
  });
}

function gelu(u: number): number {
  return 0.5 * u * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (u + 0.044715 * u * u * u)));
}

interface JsBlock {
  ln1g: number[]; ln1b: number[]; wq: Mat; wk: Mat; wv: Mat; wo: Mat;
  ln2g: number[]; ln2b: number[]; w1: Mat; b1: number[]; w2: Mat; b2: number[];
}

function causalMHA(z: Mat, blk: JsBlock, nHeads: number): Mat {
  const t = z.length;
  const dModel = z[0].length;
  const dh = dModel / nHeads;
  const q = matmul(z, blk.wq);
  const k = matmul(z, blk.wk);
  const v = matmul(z, blk.wv);
  const concat: Mat = Array.from({ length: t }, () => new Array<number>(dModel).fill(0));
  const scale = 1 / Math.sqrt(dh);
  for (let h = 0; h < nHeads; h++) {
    const off = h * dh;
    for (let i = 0; i < t; i++) {
      // scores over keys 0..i
      const s: number[] = [];
      let mx = -Infinity;
      for (let j = 0; j <= i; j++) {
        let dot = 0;
        for (let f = 0; f < dh; f++) dot += q[i][off + f] * k[j][off + f];
        dot *= scale;
        s.push(dot);
        if (dot > mx) mx = dot;
      }
      let sum = 0;
      for (let j = 0; j <= i; j++) {
        s[j] = Math.exp(s[j] - mx);
        sum += s[j];
      }
      for (let j = 0; j <= i; j++) {
        const p = s[j] / sum;
        for (let f = 0; f < dh; f++) concat[i][off + f] += p * v[j][off + f];
      }
    }
  }
  return matmul(concat, blk.wo);
}

function block(x: Mat, blk: JsBlock, nHeads: number): Mat {
  const attn = causalMHA(layerNorm(x, blk.ln1g, blk.ln1b), blk, nHeads);
  const h = x.map((row, i) => row.map((v, f) => v + attn[i][f]));
  const hidden = matmul(layerNorm(h, blk.ln2g, blk.ln2b), blk.w1).map((row) =>
    row.map((u, j) => gelu(u + blk.b1[j])),
  );
  const mlp = matmul(hidden, blk.w2);
  return h.map((row, i) => row.map((v, f) => v + mlp[i][f] + blk.b2[f]));
}

export function gptForward(tokens: tf.Tensor2D, weights: GPTWeights, nHeads: number): tf.Tensor3D {
  const tok = tokens.arraySync() as number[][];
  const wte = weights.wte.arraySync() as Mat;
  const wpe = weights.wpe.arraySync() as Mat;
  const lnFg = weights.lnFGamma.arraySync() as number[];
  const lnFb = weights.lnFBeta.arraySync() as number[];
  const blocks: JsBlock[] = weights.blocks.map((bw) => ({
    ln1g: bw.ln1Gamma.arraySync() as number[],
    ln1b: bw.ln1Beta.arraySync() as number[],
    wq: bw.wq.arraySync() as Mat,
    wk: bw.wk.arraySync() as Mat,
    wv: bw.wv.arraySync() as Mat,
    wo: bw.wo.arraySync() as Mat,
    ln2g: bw.ln2Gamma.arraySync() as number[],
    ln2b: bw.ln2Beta.arraySync() as number[],
    w1: bw.w1.arraySync() as Mat,
    b1: bw.b1.arraySync() as number[],
    w2: bw.w2.arraySync() as Mat,
    b2: bw.b2.arraySync() as number[],
  }));

  // wte^T for the tied head: logits[c] = sum_f ln[f] * wte[c][f]
  const out: number[][][] = tok.map((seq) => {
    let x: Mat = seq.map((id, i) => wte[id].map((v, f) => v + wpe[i][f]));
    for (const blk of blocks) x = block(x, blk, nHeads);
    const ln = layerNorm(x, lnFg, lnFb);
    return ln.map((row) =>
      wte.map((emb) => {
        let s = 0;
        for (let f = 0; f < row.length; f++) s += row[f] * emb[f];
        return s;
      }),
    );
  });
  const [b, t] = tokens.shape;
  return tf.tensor3d(out, [b, t, wte.length], 'float32');
}
