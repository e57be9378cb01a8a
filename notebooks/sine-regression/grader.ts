import type { Tensor } from '@tensorflow/tfjs-core';
import { defineNotebook } from '../../src/notebook/defineNotebook';
import { fmt, listsOf, mean, meanSquaredError, numberOf, numbersOf } from '../../src/notebook/judgeKit';
import { gradients, paramsOf } from '../../src/notebook/probeKit';

const TARGET_STEPS = 200;
const TARGET_MSE = 0.02;

type Fn = (x: Tensor) => Tensor;

/** A tensor's values in row-major order, whatever its shape (as reshape([-1]) would give them). */
function flat(tensor: Tensor): number[] {
  return Array.from(tensor.dataSync() as ArrayLike<number>);
}

export default defineNotebook({
  target: {
    description: `test MSE ≤ ${TARGET_MSE} after initParams(0) and train(${TARGET_STEPS})`,
    async observe({ call, get }) {
      await call('initParams', 0);
      await call('train', TARGET_STEPS);
      // The grading scope disposes every tensor made here once the check ends.
      return { predictions: flat(get<Fn>('model')(get<Fn>('normalize')(get<Tensor>('testX')))), targets: flat(get<Tensor>('testY')) };
    },
    judge(seen: { predictions: unknown; targets: unknown }) {
      const mse = meanSquaredError(numbersOf(seen.predictions, 'model(normalize(testX))'), numbersOf(seen.targets, 'testY'));
      return { passed: mse <= TARGET_MSE, detail: `test MSE ${fmt(mse, 4)} after ${TARGET_STEPS} steps (needs ≤ ${TARGET_MSE})` };
    },
  },
  probes: [
    {
      id: 'broadcast-loss',
      title: 'Broadcasting [n, 1] against [n] makes an [n, n] loss',
      explanation:
        'Predictions are [n, 1] and targets [n]; their difference broadcasts to [n, n], so the “MSE” compares every prediction with every target and is minimised by predicting the mean. Make the shapes match before subtracting.',
      async observe({ tf, call, get }) {
        await call('initParams', 0);
        const lossFn = get<(p: Tensor, y: Tensor) => Tensor>('lossFn');
        const target = get<Tensor>('trainY');
        // Predictions of our own, shaped as the model's, so the loss is measured on known values.
        const predShape = tf.tidy(() => get<Fn>('model')(get<Fn>('normalize')(get<Tensor>('trainX'))).shape);
        const pred = tf.randomNormal(predShape, 0, 1, 'float32', 3);
        return {
          loss: tf.tidy(() => lossFn(pred, target).dataSync()[0]),
          pred: flat(pred),
          target: flat(target),
          predShape,
          targetShape: target.shape.slice(),
        };
      },
      judge(seen: { loss: unknown; pred: unknown; target: unknown; predShape: unknown; targetShape: unknown }) {
        const got = numberOf(seen.loss, 'lossFn(pred, target)');
        // The grader's own elementwise MSE, computed here from the predictions it chose.
        const expected = meanSquaredError(numbersOf(seen.pred, 'pred'), numbersOf(seen.target, 'trainY'));
        const predShape = numbersOf(seen.predShape, 'the shape of pred');
        const targetShape = numbersOf(seen.targetShape, 'the shape of trainY');
        return {
          passed: Math.abs(got - expected) <= 1e-4 * Math.max(1, expected),
          detail: `lossFn(pred ${JSON.stringify(predShape)}, target ${JSON.stringify(targetShape)}) gave ${fmt(got, 4)}; the elementwise MSE is ${fmt(expected, 4)}`,
        };
      },
    },
    {
      id: 'zero-init',
      title: 'Symmetric (all-zero) weight initialisation',
      explanation:
        'With every weight zero, the hidden units compute the same thing and receive the same (here zero) gradient, so they never become different: the network stays a constant. Initialise weights randomly (biases may start at zero).',
      async observe(context) {
        const { tf, call, get } = context;
        await call('initParams', 0);
        const params = paramsOf(context);
        const x = get<Fn>('normalize')(get<Tensor>('trainX'));
        const y = get<Tensor>('trainY');
        const grads = gradients(tf, params, () => tf.mean(tf.square(get<Fn>('model')(x).reshape([-1]).sub(y.reshape([-1])))));
        return {
          gradients: grads.map((g) => Array.from(g)),
          ranks: params.map((p) => p.rank),
          values: params.map((p) => Array.from(p.dataSync() as ArrayLike<number>)),
        };
      },
      judge(seen: { gradients: unknown; ranks: unknown; values: unknown }) {
        const grads = listsOf(seen.gradients, 'gradients');
        const ranks = numbersOf(seen.ranks, 'parameter ranks');
        const values = listsOf(seen.values, 'parameters');
        if (grads.length !== values.length || ranks.length !== values.length) throw new Error(`${grads.length} gradients and ${ranks.length} ranks for ${values.length} parameters`);
        const dead = grads.map((g, i) => (g.some((v) => v !== 0) ? -1 : i)).filter((i) => i >= 0);
        const symmetric = values.filter((p, i) => ranks[i] >= 2 && new Set(p).size === 1).length;
        return {
          passed: dead.length === 0 && symmetric === 0,
          detail:
            dead.length || symmetric
              ? `${dead.length} of ${values.length} parameters get an all-zero gradient; ${symmetric} weight matrices have all entries equal`
              : `every parameter gets a non-zero gradient and no weight matrix is constant`,
        };
      },
    },
    {
      id: 'test-set-statistics',
      title: 'Normalisation statistics taken from the test set',
      explanation:
        'The mean and variance came from the test inputs, which the model must not see; here the test range is narrower, so the training inputs were not standardised at all. Fit the statistics on the training set and reuse them for every split.',
      observe({ get }) {
        const normalize = get<Fn>('normalize');
        const trainX = get<Tensor>('trainX');
        return {
          whole: flat(normalize(trainX)),
          // The first five inputs normalised on their own: fixed statistics give the same values.
          part: flat(normalize(trainX.slice(0, 5))),
        };
      },
      judge(seen: { whole: unknown; part: unknown }) {
        const whole = numbersOf(seen.whole, 'normalize(trainX)');
        const part = numbersOf(seen.part, 'normalize(trainX.slice(0, 5))');
        if (whole.length === 0) throw new Error('normalize(trainX) is empty');
        const m = mean(whole);
        const sd = Math.sqrt(mean(whole.map((v) => (v - m) ** 2)));
        // The statistics must be fixed, not re-estimated from whatever batch is normalised.
        const pointwise = whole.slice(0, 5).every((v, i) => Math.abs(v - part[i]) < 1e-4);
        return {
          passed: Math.abs(m) < 0.05 && Math.abs(sd - 1) < 0.05 && pointwise,
          detail: `normalised training inputs have mean ${fmt(m)} and std ${fmt(sd)} (want 0 and 1)${pointwise ? '' : '; normalising a subset changes its values'}`,
        };
      },
    },
  ],
});
