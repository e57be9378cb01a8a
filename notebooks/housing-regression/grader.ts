import type { Tensor } from '@tensorflow/tfjs-core';
import { defineNotebook } from '../../src/notebook/defineNotebook';
import { cosineOfParts, fmt, listsOf, matrixOf, meanSquaredError, normOfParts, numberOf, numbersOf, partsDifference } from '../../src/notebook/judgeKit';
import { gradients, paramsOf, snapshot, valuesOf } from '../../src/notebook/probeKit';

const TARGET_STEPS = 80;
const TARGET_RMSE = 0.25;

type Fn = (x: Tensor) => Tensor;
type Batch = { x: Tensor; y: Tensor };

/** A tensor's values in order, whatever its shape (what reshape([-1]) gives), as plain numbers. */
const flat = (tensor: Tensor): number[] => Array.from(tensor.dataSync() as ArrayLike<number>);

/** Largest |a − b| over two matrices of the same shape; NaN anywhere stays NaN, as tf's max gave it. */
function largestGap(a: number[][], b: number[][], what: string): number {
  if (a.length !== b.length || a[0]?.length !== b[0]?.length) throw new Error(`${what}: the two results differ in shape`);
  return a.reduce((worst, row, r) => row.reduce((w, v, k) => {
    const gap = Math.abs(v - b[r][k]);
    return Number.isNaN(gap) || Number.isNaN(w) ? NaN : Math.max(w, gap);
  }, worst), 0);
}

export default defineNotebook({
  target: {
    description: `test RMSE ≤ ${TARGET_RMSE} after initParams(0) and train(${TARGET_STEPS})`,
    async observe({ call, get }) {
      await call('initParams', 0);
      await call('train', TARGET_STEPS);
      // The grading scope disposes every tensor made here once the check ends.
      const predictions = get<Fn>('model')(get<Fn>('normalize')(get<Tensor>('testX')));
      return { predictions: flat(predictions), prices: flat(get<Tensor>('testY')) };
    },
    judge(seen: { predictions: unknown; prices: unknown }) {
      const rmse = Math.sqrt(meanSquaredError(numbersOf(seen.predictions, 'model(normalize(testX))'), numbersOf(seen.prices, 'testY')));
      return { passed: rmse <= TARGET_RMSE, detail: `test RMSE ${fmt(rmse)} after ${TARGET_STEPS} steps (needs ≤ ${TARGET_RMSE})` };
    },
  },
  probes: [
    {
      id: 'broadcast-loss',
      title: 'Broadcasting [n, 1] against [n] makes an [n, n] loss',
      explanation:
        'The model returns [n, 1] and the prices are [n]; their difference broadcasts to [n, n], so the “MSE” compared every prediction with every price and was minimised by predicting the average price for every house. Make the shapes match before subtracting.',
      async observe({ tf, call, get }) {
        await call('initParams', 0);
        const lossFn = get<(p: Tensor, y: Tensor) => Tensor>('lossFn');
        const target = get<Tensor>('trainY').slice(0, 40);
        const predShape = tf.tidy(() => get<Fn>('model')(get<Fn>('normalize')(get<Tensor>('trainX').slice(0, 40))).shape);
        const pred = tf.randomNormal(predShape, 3, 1, 'float32', 3);
        const loss = lossFn(pred, target);
        return {
          loss: loss.dataSync()[0],
          lossShape: loss.shape.slice(),
          pred: flat(pred),
          predShape: predShape.slice(),
          target: flat(target),
          targetShape: target.shape.slice(),
        };
      },
      judge(seen: { loss: unknown; lossShape: unknown; pred: unknown; predShape: unknown; target: unknown; targetShape: unknown }) {
        const got = numberOf(seen.loss, 'lossFn(pred, target)');
        const lossShape = numbersOf(seen.lossShape, 'the shape of lossFn(pred, target)');
        // The per-example MSE of the grader's own predictions, both sides flattened.
        const expected = meanSquaredError(numbersOf(seen.pred, 'pred'), numbersOf(seen.target, 'target'));
        const predShape = numbersOf(seen.predShape, 'the shape of pred');
        const targetShape = numbersOf(seen.targetShape, 'the shape of target');
        return {
          passed: lossShape.length === 0 && Math.abs(got - expected) <= 1e-4 * Math.max(1, expected),
          detail: `lossFn(pred ${JSON.stringify(predShape)}, target ${JSON.stringify(targetShape)}) gave ${fmt(got, 4)} of shape ${JSON.stringify(lossShape)}; the per-example MSE is ${fmt(expected, 4)}`,
        };
      },
    },
    {
      id: 'batch-statistics',
      title: 'Normalisation statistics re-estimated on every call (the test set used its own)',
      explanation:
        'normalize() computed the mean and variance of whatever it was given, so at evaluation the test houses were standardised with test statistics: the newer, larger district was shifted back to look average and every prediction came out too low. Fit the statistics on the training set once and reuse them.',
      observe({ get }) {
        const normalize = get<Fn>('normalize');
        const trainX = get<Tensor>('trainX');
        // The grading scope disposes every tensor made here once the check ends.
        return {
          standardised: valuesOf(normalize(trainX)),
          firstFive: valuesOf(normalize(trainX).slice(0, 5)),
          fiveAlone: valuesOf(normalize(trainX.slice(0, 5))),
        };
      },
      judge(seen: { standardised: unknown; firstFive: unknown; fiveAlone: unknown }) {
        const rows = matrixOf(seen.standardised, 'normalize(trainX)');
        if (rows.length === 0) throw new Error('normalize(trainX) has no rows');
        // Per-feature mean and (population) standard deviation, as tf.moments(…, 0) gives them.
        const columns = rows[0].map((_, j) => rows.map((row) => row[j]));
        const means = columns.map((column) => column.reduce((sum, v) => sum + v, 0) / column.length);
        const stds = columns.map((column, j) => Math.sqrt(column.reduce((sum, v) => sum + (v - means[j]) ** 2, 0) / column.length));
        // Math.max keeps a NaN, as tf's max did, so a NaN feature fails the thresholds below.
        const worstMean = Math.max(...means.map(Math.abs));
        const worstStd = Math.max(...stds.map((s) => Math.abs(s - 1)));
        const pointwise = largestGap(matrixOf(seen.firstFive, 'normalize(trainX).slice(0, 5)'), matrixOf(seen.fiveAlone, 'normalize(trainX.slice(0, 5))'), 'normalising 5 houses');
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
      async observe(context) {
        const { tf, call, get, withReplaced } = context;
        await call('initParams', 0);
        const params = paramsOf(context);
        // The grader's own MSE and batch, so the measurement does not depend on the other bugs.
        const mse = (p: Tensor, y: Tensor) => tf.mean(tf.square(p.reshape([-1]).sub(y.reshape([-1])))) as Tensor;
        const raw = get<Tensor>('trainX').slice(0, 64);
        const batch: Batch = { x: tf.tidy(() => raw.sub(raw.mean(0)).div(tf.moments(raw, 0).variance.sqrt())), y: get<Tensor>('trainY').slice(0, 64) };
        const plain = (parts: Float32Array[]) => parts.map((part) => Array.from(part));
        // For each of 5 updates: the gradient of the grader's MSE before it, and the weights around it.
        const updates: { gradient: number[][]; before: number[][]; after: number[][] }[] = [];
        await withReplaced('lossFn', mse, async () => {
          for (let k = 0; k < 5; k++) {
            const gradient = plain(gradients(tf, params, () => mse(get<Fn>('model')(batch.x), batch.y)));
            const before = plain(snapshot(params));
            await call('trainStep', batch);
            updates.push({ gradient, before, after: plain(snapshot(params)) });
          }
        });
        return { updates };
      },
      judge(seen: { updates: unknown }) {
        if (!Array.isArray(seen.updates) || seen.updates.length === 0) throw new Error('the updates trainStep made are not a list');
        const ratios: number[] = [];
        let lastCosine = 1;
        for (const [k, update] of (seen.updates as ({ gradient?: unknown; before?: unknown; after?: unknown } | null)[]).entries()) {
          const g = listsOf(update?.gradient, `gradient before update ${k + 1}`);
          const delta = partsDifference(listsOf(update?.after, `weights after update ${k + 1}`), listsOf(update?.before, `weights before update ${k + 1}`));
          ratios.push(normOfParts(delta) / (normOfParts(g) || 1));
          lastCosine = -cosineOfParts(delta, g);
        }
        const growth = ratios[ratios.length - 1] / (ratios[0] || 1);
        return {
          passed: Number.isFinite(growth) && growth < 1.5 && growth > 0.67 && lastCosine > 0.95,
          detail: `update 5 moved the weights ${fmt(growth, 2)}× as far per unit gradient as update 1, along the current gradient with cosine ${fmt(lastCosine, 2)}`,
        };
      },
    },
  ],
});
