import type { Tensor } from '@tensorflow/tfjs-core';
import { defineNotebook } from '../../src/notebook/defineNotebook';
import { fmt, gradients, paramsOf } from '../../src/notebook/probeKit';

const TARGET_STEPS = 200;
const TARGET_MSE = 0.02;

type Fn = (x: Tensor) => Tensor;

export default defineNotebook({
  target: {
    description: `test MSE ≤ ${TARGET_MSE} after initParams(0) and train(${TARGET_STEPS})`,
    async check({ tf, call, get }) {
      await call('initParams', 0);
      await call('train', TARGET_STEPS);
      const predict = (x: Tensor) => get<Fn>('model')(get<Fn>('normalize')(x));
      const mse = tf.tidy(() => tf.mean(tf.square(predict(get<Tensor>('testX')).reshape([-1]).sub(get<Tensor>('testY').reshape([-1])))).dataSync()[0]);
      return { passed: mse <= TARGET_MSE, detail: `test MSE ${fmt(mse, 4)} after ${TARGET_STEPS} steps (needs ≤ ${TARGET_MSE})` };
    },
  },
  probes: [
    {
      id: 'broadcast-loss',
      title: 'Broadcasting [n, 1] against [n] makes an [n, n] loss',
      explanation:
        'Predictions are [n, 1] and targets [n]; their difference broadcasts to [n, n], so the “MSE” compares every prediction with every target and is minimised by predicting the mean. Make the shapes match before subtracting.',
      async check({ tf, call, get }) {
        await call('initParams', 0);
        const lossFn = get<(p: Tensor, y: Tensor) => Tensor>('lossFn');
        const target = get<Tensor>('trainY');
        const predShape = tf.tidy(() => get<Fn>('model')(get<Fn>('normalize')(get<Tensor>('trainX'))).shape);
        const pred = tf.randomNormal(predShape, 0, 1, 'float32', 3);
        const got = tf.tidy(() => lossFn(pred, target).dataSync()[0]);
        const expected = tf.tidy(() => tf.mean(tf.square(pred.reshape([-1]).sub(target.reshape([-1])))).dataSync()[0]);
        return {
          passed: Math.abs(got - expected) <= 1e-4 * Math.max(1, expected),
          detail: `lossFn(pred ${JSON.stringify(predShape)}, target ${JSON.stringify(target.shape)}) gave ${fmt(got, 4)}; the elementwise MSE is ${fmt(expected, 4)}`,
        };
      },
    },
    {
      id: 'zero-init',
      title: 'Symmetric (all-zero) weight initialisation',
      explanation:
        'With every weight zero, the hidden units compute the same thing and receive the same (here zero) gradient, so they never become different: the network stays a constant. Initialise weights randomly (biases may start at zero).',
      async check(context) {
        const { tf, call, get } = context;
        await call('initParams', 0);
        const params = paramsOf(context);
        const x = get<Fn>('normalize')(get<Tensor>('trainX'));
        const y = get<Tensor>('trainY');
        const grads = gradients(tf, params, () => tf.mean(tf.square(get<Fn>('model')(x).reshape([-1]).sub(y.reshape([-1])))));
        const dead = grads.map((g, i) => (g.some((v) => v !== 0) ? -1 : i)).filter((i) => i >= 0);
        const symmetric = params.filter((p) => p.rank >= 2 && new Set(p.dataSync()).size === 1).length;
        return {
          passed: dead.length === 0 && symmetric === 0,
          detail:
            dead.length || symmetric
              ? `${dead.length} of ${params.length} parameters get an all-zero gradient; ${symmetric} weight matrices have all entries equal`
              : `every parameter gets a non-zero gradient and no weight matrix is constant`,
        };
      },
    },
    {
      id: 'test-set-statistics',
      title: 'Normalisation statistics taken from the test set',
      explanation:
        'The mean and variance came from the test inputs, which the model must not see; here the test range is narrower, so the training inputs were not standardised at all. Fit the statistics on the training set and reuse them for every split.',
      check({ tf, get }) {
        const normalize = get<Fn>('normalize');
        const trainX = get<Tensor>('trainX');
        const { mean, sd } = tf.tidy(() => {
          const m = tf.moments(normalize(trainX));
          return { mean: m.mean.dataSync()[0], sd: Math.sqrt(m.variance.dataSync()[0]) };
        });
        // The statistics must be fixed, not re-estimated from whatever batch is normalised.
        const pointwise = tf.tidy(() => {
          const whole = normalize(trainX).reshape([-1]).slice(0, 5).dataSync();
          const part = normalize(trainX.slice(0, 5)).reshape([-1]).dataSync();
          return whole.every((v, i) => Math.abs(v - part[i]) < 1e-4);
        });
        return {
          passed: Math.abs(mean) < 0.05 && Math.abs(sd - 1) < 0.05 && pointwise,
          detail: `normalised training inputs have mean ${fmt(mean)} and std ${fmt(sd)} (want 0 and 1)${pointwise ? '' : '; normalising a subset changes its values'}`,
        };
      },
    },
  ],
});
