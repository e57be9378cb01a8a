import * as tf from '@tensorflow/tfjs';

// student, teacher: [N, K] logits; labels: [N] int32; T > 0; alpha in [0, 1].
// Returns { loss, ce, kl }, three scalars.
export function distillationLoss(student: tf.Tensor2D, teacher: tf.Tensor2D, labels: tf.Tensor1D, temperature: number, alpha: number) {
  return tf.tidy(() => {
    const K = student.shape[1];
    // Hard-label cross-entropy at temperature 1.
    const logp = tf.logSoftmax(student, -1);
    const ce = tf.oneHot(labels, K).cast('float32').mul(logp).sum(-1).neg().mean();
    // Soft targets: both sides divided by T, stable log-softmax on both.
    const logPt = tf.logSoftmax(teacher.div(temperature), -1);
    const logPs = tf.logSoftmax(student.div(temperature), -1);
    const kl = tf.exp(logPs).mul(logPs.sub(logPt)) /* Bug: KL(student ‖ teacher) */.sum(-1).mean(); // KL(teacher ‖ student), batch mean
    const loss = ce.mul(alpha).add(kl.mul((1 - alpha) * temperature * temperature));
    return { loss: loss as tf.Scalar, ce: ce as tf.Scalar, kl: kl as tf.Scalar };
  });
}
