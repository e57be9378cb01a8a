import type { Tensor } from '@tensorflow/tfjs-core';
import { defineNotebook } from '../../src/notebook/defineNotebook';
import { fmt, gradients, norm, paramsOf, referenceCrossEntropy, snapshot, subtract } from '../../src/notebook/probeKit';

const TARGET_STEPS = 150;
const TARGET_ACCURACY = 0.9;
/** Largest step size (update norm / gradient norm) this model trains stably with. */
const MAX_STABLE_LR = 2;

type Fn = (x: Tensor) => Tensor;

export default defineNotebook({
  target: {
    description: `test accuracy ≥ ${TARGET_ACCURACY} after initParams(0) and train(${TARGET_STEPS})`,
    async check({ tf, call, get }) {
      await call('initParams', 0);
      await call('train', TARGET_STEPS);
      const accuracy = tf.tidy(() => get<Fn>('model')(get<Tensor>('testX')).argMax(1).equal(get<Tensor>('testY').argMax(1)).mean().dataSync()[0]);
      return { passed: accuracy >= TARGET_ACCURACY, detail: `test accuracy ${fmt(accuracy)} after ${TARGET_STEPS} steps (needs ≥ ${TARGET_ACCURACY})` };
    },
  },
  probes: [
    {
      id: 'zero-init',
      title: 'Symmetric (all-zero) weight initialisation',
      explanation:
        'With every weight zero, each hidden unit outputs tanh(0) = 0 and gets exactly the same (here zero) gradient, so the hidden layer never comes alive and only the output bias learns: the model is a constant. Initialise the weights randomly (biases may stay zero).',
      async check(context) {
        const { tf, call } = context;
        await call('initParams', 0);
        const before = snapshot(paramsOf(context));
        await call('train', 5);
        const params = paramsOf(context);
        const after = snapshot(params);
        const frozen = params.filter((_, i) => norm([subtract([after[i]], [before[i]])[0]]) === 0).length;
        // A weight matrix whose columns (units) are all equal has not broken the symmetry.
        const symmetric = params.filter((p, i) => {
          if (p.rank !== 2) return false;
          const [rows, cols] = p.shape;
          const column = (c: number) => Array.from({ length: rows }, (_, r) => after[i][r * cols + c]).join(',');
          return new Set(Array.from({ length: cols }, (_, c) => column(c))).size === 1;
        }).length;
        void tf;
        return {
          passed: frozen === 0 && symmetric === 0,
          detail: `after train(5), ${frozen} of ${params.length} parameters never moved and ${symmetric} weight matrices have identical units`,
        };
      },
    },
    {
      id: 'softmax-before-loss',
      title: 'Softmax applied before a loss that expects logits',
      explanation:
        'tf.losses.softmaxCrossEntropy applies its own softmax; feeding it probabilities squashed the scores into [0, 1], so the loss can never fall far below log 2 and its gradients are tiny. Pass the raw logits.',
      check({ tf, get }) {
        const lossFn = get<(l: Tensor, y: Tensor) => Tensor>('lossFn');
        const logits = tf.randomNormal([10, 2], 0, 3, 'float32', 7);
        const labels = tf.oneHot(tf.tensor1d([0, 1, 1, 0, 1, 0, 0, 1, 1, 0], 'int32'), 2).toFloat();
        const got = tf.tidy(() => lossFn(logits, labels).dataSync()[0]);
        const expected = referenceCrossEntropy(tf, logits, labels);
        return {
          passed: Math.abs(got - expected) <= 1e-3 * Math.max(1, expected),
          detail: `lossFn on random logits gave ${fmt(got, 4)}; their softmax cross-entropy is ${fmt(expected, 4)}`,
        };
      },
    },
    {
      id: 'lr-too-high',
      title: 'Learning rate 10× too high',
      explanation:
        'Each step moved the weights by LR × gradient with LR = 10: once the hidden layer is alive, the tanh units saturate and the loss jumps around instead of falling. This network trains stably with LR around 1.',
      async check(context) {
        const { tf, call, get } = context;
        await call('initParams', 0);
        const params = paramsOf(context);
        // Random weights of our own, so the measurement does not depend on the initialisation.
        params.forEach((p, i) => p.assign(tf.randomNormal(p.shape, 0, 0.5, 'float32', 100 + i)));
        const g = gradients(tf, params, () => get<(l: Tensor, y: Tensor) => Tensor>('lossFn')(get<Fn>('model')(get<Tensor>('trainX')), get<Tensor>('trainY')));
        const before = snapshot(params);
        await call('trainStep');
        const step = norm(subtract(snapshot(params), before)) / (norm(g) || 1);
        return {
          passed: Number.isFinite(step) && step > 0 && step <= MAX_STABLE_LR,
          detail: `the first step moved the weights by ${fmt(step, 2)} × the gradient (stable up to ${MAX_STABLE_LR})`,
        };
      },
    },
  ],
});
