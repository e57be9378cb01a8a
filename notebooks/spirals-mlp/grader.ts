import type { Tensor } from '@tensorflow/tfjs-core';
import { defineNotebook } from '../../src/notebook/defineNotebook';
import { cosine, fmt, gradients, norm, paramsOf, referenceCrossEntropy, snapshot, subtract } from '../../src/notebook/probeKit';

const TARGET_STEPS = 400;
const TARGET_ACCURACY = 0.9;
/** Largest SGD step size (update norm / gradient norm) this model trains stably with. */
const MAX_STABLE_LR = 2;

type Batch = { x: Tensor; y: Tensor };

export default defineNotebook({
  target: {
    description: `test accuracy ≥ ${TARGET_ACCURACY} after initParams(0) and train(${TARGET_STEPS})`,
    async check({ tf, call, get }) {
      await call('initParams', 0);
      await call('train', TARGET_STEPS);
      const model = get<(x: Tensor) => Tensor>('model');
      const accuracy = tf.tidy(() => model(get<Tensor>('testX')).argMax(1).equal(get<Tensor>('testY').argMax(1)).mean().dataSync()[0]);
      return { passed: accuracy >= TARGET_ACCURACY, detail: `test accuracy ${fmt(accuracy)} after ${TARGET_STEPS} steps (needs ≥ ${TARGET_ACCURACY})` };
    },
  },
  probes: [
    {
      id: 'softmax-batch-axis',
      title: 'Softmax over the batch axis',
      explanation:
        'Softmax over the transposed logits normalises each class column across the examples of the batch, so an example’s probabilities depend on the other examples and do not sum to 1. Softmax must run over the class axis (the last one).',
      check({ tf, get }) {
        const lossFn = get<(logits: Tensor, labels: Tensor) => Tensor>('lossFn');
        const logits = tf.randomNormal([8, 3], 0, 2, 'float32', 7);
        const labels = tf.oneHot(tf.tensor1d([0, 1, 2, 0, 1, 2, 2, 1], 'int32'), 3).toFloat();
        const got = lossFn(logits, labels).dataSync()[0];
        const expected = referenceCrossEntropy(tf, logits, labels);
        const passed = Math.abs(got - expected) <= 1e-3 * Math.max(1, Math.abs(expected));
        return { passed, detail: `lossFn on random logits gave ${fmt(got, 4)}; softmax cross-entropy over classes is ${fmt(expected, 4)}` };
      },
    },
    {
      id: 'lr-too-high',
      title: 'Learning rate 10× too high',
      explanation:
        'Each SGD step moved the weights by LR × gradient with LR = 8: the loss jumps around and ReLUs die. This model is stable with LR around 0.5–1.',
      async check({ tf, call, get }) {
        await call('initParams', 0);
        const params = paramsOf({ tf, get });
        const [batch] = await call<Batch[]>('makeBatches', 0);
        const lossFn = get<(l: Tensor, y: Tensor) => Tensor>('lossFn');
        const model = get<(x: Tensor) => Tensor>('model');
        const g = gradients(tf, params, () => lossFn(model(batch.x), batch.y));
        const before = snapshot(params);
        await call('trainStep', batch);
        const step = norm(subtract(snapshot(params), before)) / (norm(g) || 1);
        return { passed: Number.isFinite(step) && step > 0 && step <= MAX_STABLE_LR, detail: `the first step moved the weights by ${fmt(step, 2)} × the gradient (stable up to ${MAX_STABLE_LR})` };
      },
    },
    {
      id: 'grads-never-reset',
      title: 'Gradients accumulated across steps and never reset',
      explanation:
        'The gradient buffers were zeroed once and then summed over every step, so step k applied the sum of all k gradients — momentum without decay. Zero the buffers before every step (or use the fresh gradient).',
      async check({ tf, call, get }) {
        await call('initParams', 0);
        const params = paramsOf({ tf, get });
        const batches = await call<Batch[]>('makeBatches', 0);
        const lossFn = get<(l: Tensor, y: Tensor) => Tensor>('lossFn');
        const model = get<(x: Tensor) => Tensor>('model');
        const ratios: number[] = [];
        let lastCosine = 1;
        for (let k = 0; k < 5; k++) {
          const batch = batches[0];
          const g = gradients(tf, params, () => lossFn(model(batch.x), batch.y));
          const before = snapshot(params);
          await call('trainStep', batch);
          const delta = subtract(snapshot(params), before);
          ratios.push(norm(delta) / (norm(g) || 1));
          lastCosine = -cosine(delta, g);
        }
        const growth = ratios[ratios.length - 1] / (ratios[0] || 1);
        const passed = Number.isFinite(growth) && growth < 1.5 && growth > 0.67 && lastCosine > 0.95;
        return { passed, detail: `step 5 moved the weights ${fmt(growth, 2)}× as far per unit gradient as step 1, along the current gradient with cosine ${fmt(lastCosine, 2)}` };
      },
    },
  ],
});
