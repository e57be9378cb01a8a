import * as tf from '@tensorflow/tfjs';

// Bug: log-softmax as z − log Σ exp(z), with no max subtracted: exp overflows for z > ~88.
function logSoftmax(z: tf.Tensor2D): tf.Tensor2D {
  return z.sub(z.exp().sum(-1, true).log());
}

export function distillationLoss(student: tf.Tensor2D, teacher: tf.Tensor2D, labels: tf.Tensor1D, temperature: number, alpha: number) {
  return tf.tidy(() => {
    const K = student.shape[1];
    const logp = logSoftmax(student);
    const ce = tf.oneHot(labels, K).cast('float32').mul(logp).sum(-1).neg().mean();
    const logPt = logSoftmax(teacher.div(temperature));
    const logPs = logSoftmax(student.div(temperature));
    const kl = tf.exp(logPt).mul(logPt.sub(logPs)).sum(-1).mean();
    const loss = ce.mul(alpha).add(kl.mul((1 - alpha) * temperature * temperature));
    return { loss: loss as tf.Scalar, ce: ce as tf.Scalar, kl: kl as tf.Scalar };
  });
}
