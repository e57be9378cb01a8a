import type { Tensor } from '@tensorflow/tfjs-core';
import { defineNotebook } from '../../src/notebook/defineNotebook';
import { cosine, fmt, gradients, norm, paramsOf, snapshot, subtract } from '../../src/notebook/probeKit';

const TARGET_STEPS = 80;
const TARGET_RMSE = 0.25;

type Fn = (x: Tensor) => Tensor;
type Batch = { x: Tensor; y: Tensor };

export default defineNotebook({
  target: {
    description: `test RMSE ≤ ${TARGET_RMSE} after initParams(0) and train(${TARGET_STEPS})`,
    async check({ tf, call, get }) {
      await call('initParams', 0);
      await call('train', TARGET_STEPS);
      const pred = (x: Tensor) => get<Fn>('model')(get<Fn>('normalize')(x));
      const rmse = tf.tidy(() => Math.sqrt(tf.mean(tf.square(pred(get<Tensor>('testX')).reshape([-1]).sub(get<Tensor>('testY').reshape([-1])))).dataSync()[0]));
      return { passed: rmse <= TARGET_RMSE, detail: `test RMSE ${fmt(rmse)} after ${TARGET_STEPS} steps (needs ≤ ${TARGET_RMSE})` };
    },
  },
  probes: [
    {
      id: 'broadcast-loss',
      title: 'Broadcasting [n, 1] against [n] makes an [n, n] loss',
      explanation:
        'The model returns [n, 1] and the prices are [n]; their difference broadcasts to [n, n], so the “MSE” compared every prediction with every price and was minimised by predicting the average price for every house. Make the shapes match before subtracting.',
      async check({ tf, call, get }) {
        await call('initParams', 0);
        const lossFn = get<(p: Tensor, y: Tensor) => Tensor>('lossFn');
        const target = get<Tensor>('trainY').slice(0, 40);
        const predShape = tf.tidy(() => get<Fn>('model')(get<Fn>('normalize')(get<Tensor>('trainX').slice(0, 40))).shape);
        const pred = tf.randomNormal(predShape, 3, 1, 'float32', 3);
        const loss = lossFn(pred, target);
        const got = loss.dataSync()[0];
        const rank = loss.rank;
        const expected = tf.tidy(() => tf.mean(tf.square(pred.reshape([-1]).sub(target.reshape([-1])))).dataSync()[0]);
        return {
          passed: rank === 0 && Math.abs(got - expected) <= 1e-4 * Math.max(1, expected),
          detail: `lossFn(pred ${JSON.stringify(predShape)}, target ${JSON.stringify(target.shape)}) gave ${fmt(got, 4)} of shape ${JSON.stringify(loss.shape)}; the per-example MSE is ${fmt(expected, 4)}`,
        };
      },
    },
    {
      id: 'batch-statistics',
      title: 'Normalisation statistics re-estimated on every call (the test set used its own)',
      explanation:
        'normalize() computed the mean and variance of whatever it was given, so at evaluation the test houses were standardised with test statistics: the newer, larger district was shifted back to look average and every prediction came out too low. Fit the statistics on the training set once and reuse them.',
      check({ tf, get }) {
        const normalize = get<Fn>('normalize');
        const trainX = get<Tensor>('trainX');
        const { worstMean, worstStd } = tf.tidy(() => {
          const m = tf.moments(normalize(trainX), 0);
          return { worstMean: m.mean.abs().max().dataSync()[0], worstStd: m.variance.sqrt().sub(1).abs().max().dataSync()[0] };
        });
        const pointwise = tf.tidy(() => normalize(trainX).slice(0, 5).sub(normalize(trainX.slice(0, 5))).abs().max().dataSync()[0]);
        return {
          passed: worstMean < 0.02 && worstStd < 0.02 && pointwise < 1e-4,
          detail: `standardised training features: means up to ${fmt(worstMean, 4)}, std off by up to ${fmt(worstStd, 4)}; normalising 5 houses alone changes them by up to ${fmt(pointwise, 4)} (want 0)`,
        };
      },
    },
    {
      id: 'grads-never-reset',
      title: 'Accumulated gradients never reset between updates',
      explanation:
        'gradSum was zeroed once and then kept growing: update k applied the sum of all k averaged gradients, momentum without decay, and the weights overshot and oscillated. Zero the accumulator at the start of every update.',
      async check(context) {
        const { tf, call, get, withReplaced } = context;
        await call('initParams', 0);
        const params = paramsOf(context);
        // The grader's own MSE and batch, so the measurement does not depend on the other bugs.
        const mse = (p: Tensor, y: Tensor) => tf.mean(tf.square(p.reshape([-1]).sub(y.reshape([-1])))) as Tensor;
        const raw = get<Tensor>('trainX').slice(0, 64);
        const batch: Batch = { x: tf.tidy(() => raw.sub(raw.mean(0)).div(tf.moments(raw, 0).variance.sqrt())), y: get<Tensor>('trainY').slice(0, 64) };
        const ratios: number[] = [];
        let lastCosine = 1;
        await withReplaced('lossFn', mse, async () => {
          for (let k = 0; k < 5; k++) {
            const g = gradients(tf, params, () => mse(get<Fn>('model')(batch.x), batch.y));
            const before = snapshot(params);
            await call('trainStep', batch);
            const delta = subtract(snapshot(params), before);
            ratios.push(norm(delta) / (norm(g) || 1));
            lastCosine = -cosine(delta, g);
          }
        });
        const growth = ratios[ratios.length - 1] / (ratios[0] || 1);
        return {
          passed: Number.isFinite(growth) && growth < 1.5 && growth > 0.67 && lastCosine > 0.95,
          detail: `update 5 moved the weights ${fmt(growth, 2)}× as far per unit gradient as update 1, along the current gradient with cosine ${fmt(lastCosine, 2)}`,
        };
      },
    },
  ],
});
