import * as tf from '@tensorflow/tfjs';

/** Corruption done with plain loops over typed arrays (float32 uniforms compared as given); loss via tf.logSoftmax. */
export function mlmCorrupt(
  ids: tf.Tensor2D,
  specialIds: number[],
  maskId: number,
  rate: number,
  uSelect: tf.Tensor2D,
  uAction: tf.Tensor2D,
  randomIds: tf.Tensor2D,
  logits: tf.Tensor3D,
): { inputIds: tf.Tensor2D; labels: tf.Tensor2D; loss: tf.Scalar } {
  const [B, T] = ids.shape;
  const V = logits.shape[2];
  const idv = ids.dataSync();
  const us = uSelect.dataSync(); // Float32Array: values exactly as float32
  const ua = uAction.dataSync();
  const rnd = randomIds.dataSync();
  const special = new Set(specialIds);
  const rate32 = Math.fround(rate);
  const inp = new Int32Array(B * T);
  const lab = new Int32Array(B * T);
  const picked: number[] = [];
  for (let n = 0; n < B * T; n++) {
    const id = idv[n];
    const isPicked = !special.has(id) && us[n] < rate32;
    if (!isPicked) {
      inp[n] = id;
      lab[n] = -100;
      continue;
    }
    picked.push(n);
    lab[n] = id;
    const u = ua[n];
    if (u < Math.fround(0.8)) inp[n] = maskId;
    else if (u < Math.fround(0.9)) inp[n] = rnd[n];
    else inp[n] = id;
  }
  const loss = tf.tidy(() => {
    const flat = tf.reshape(logits, [B * T, V]);
    const rows = tf.gather(flat, tf.tensor1d(picked, 'int32'));
    const logp = tf.logSoftmax(rows, -1);
    const tgt = tf.oneHot(tf.tensor1d(picked.map((n) => idv[n]), 'int32'), V);
    const nll = tf.neg(tf.sum(tf.mul(logp, tgt), -1));
    return tf.mean(nll) as tf.Scalar;
  });
  return {
    inputIds: tf.tensor2d(inp, [B, T], 'int32'),
    labels: tf.tensor2d(lab, [B, T], 'int32'),
    loss,
  };
}
