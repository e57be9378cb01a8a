import type { Tensor } from '@tensorflow/tfjs-core';
import { defineNotebook } from '../../src/notebook/defineNotebook';
import { accuracy, argmaxRows, crossEntropy, fmt, listsOf, matrixOf, normOfParts, numberOf, numbersOf, partsDifference } from '../../src/notebook/judgeKit';
import { gradients, paramsOf, snapshot, valuesOf } from '../../src/notebook/probeKit';

const TARGET_STEPS = 150;
const TARGET_ACCURACY = 0.9;
/** Largest step size (update norm / gradient norm) this model trains stably with. */
const MAX_STABLE_LR = 2;

type Fn = (x: Tensor) => Tensor;

/** Parameter snapshots as plain lists, for an observation. */
const plain = (parts: Float32Array[]) => parts.map((part) => Array.from(part));

export default defineNotebook({
  target: {
    description: `test accuracy ≥ ${TARGET_ACCURACY} after initParams(0) and train(${TARGET_STEPS})`,
    async observe({ call, get }) {
      await call('initParams', 0);
      await call('train', TARGET_STEPS);
      // The grading scope disposes every tensor made here once the check ends.
      return { scores: valuesOf(get<Fn>('model')(get<Tensor>('testX'))), labels: valuesOf(get<Tensor>('testY')) };
    },
    judge(seen: { scores: unknown; labels: unknown }) {
      const value = accuracy(argmaxRows(matrixOf(seen.scores, 'model(testX)')), argmaxRows(matrixOf(seen.labels, 'testY')));
      return { passed: value >= TARGET_ACCURACY, detail: `test accuracy ${fmt(value)} after ${TARGET_STEPS} steps (needs ≥ ${TARGET_ACCURACY})` };
    },
  },
  probes: [
    {
      id: 'zero-init',
      title: 'Symmetric (all-zero) weight initialisation',
      explanation:
        'With every weight zero, each hidden unit outputs tanh(0) = 0 and gets exactly the same (here zero) gradient, so the hidden layer never comes alive and only the output bias learns: the model is a constant. Initialise the weights randomly (biases may stay zero).',
      async observe(context) {
        const { call } = context;
        await call('initParams', 0);
        const before = plain(snapshot(paramsOf(context)));
        await call('train', 5);
        const params = paramsOf(context);
        return { before, after: plain(snapshot(params)), shapes: params.map((p) => p.shape.slice()) };
      },
      judge(seen: { before: unknown; after: unknown; shapes: unknown }) {
        const before = listsOf(seen.before, 'parameters before train(5)');
        const after = listsOf(seen.after, 'parameters after train(5)');
        if (!Array.isArray(seen.shapes)) throw new Error('the parameter shapes are not a list');
        const shapes = seen.shapes.map((shape, i) => numbersOf(shape, `shape of parameter ${i + 1}`));
        if (shapes.length !== after.length) throw new Error(`${shapes.length} shapes for ${after.length} parameters`);
        const frozen = after.filter((values, i) => normOfParts(partsDifference([values], [before[i] ?? []])) === 0).length;
        // A weight matrix whose columns (units) are all equal has not broken the symmetry.
        const symmetric = after.filter((values, i) => {
          if (shapes[i].length !== 2) return false;
          const [rows, cols] = shapes[i];
          const column = (c: number) => Array.from({ length: rows }, (_, r) => values[r * cols + c]).join(',');
          return new Set(Array.from({ length: cols }, (_, c) => column(c))).size === 1;
        }).length;
        return {
          passed: frozen === 0 && symmetric === 0,
          detail: `after train(5), ${frozen} of ${after.length} parameters never moved and ${symmetric} weight matrices have identical units`,
        };
      },
    },
    {
      id: 'softmax-before-loss',
      title: 'Softmax applied before a loss that expects logits',
      explanation:
        'tf.losses.softmaxCrossEntropy applies its own softmax; feeding it probabilities squashed the scores into [0, 1], so the loss can never fall far below log 2 and its gradients are tiny. Pass the raw logits.',
      observe({ tf, get }) {
        const lossFn = get<(l: Tensor, y: Tensor) => Tensor>('lossFn');
        const classes = [0, 1, 1, 0, 1, 0, 0, 1, 1, 0];
        const logits = tf.randomNormal([10, 2], 0, 3, 'float32', 7);
        const labels = tf.oneHot(tf.tensor1d(classes, 'int32'), 2).toFloat();
        return { loss: tf.tidy(() => lossFn(logits, labels).dataSync()[0]), logits: valuesOf(logits), classes };
      },
      judge(seen: { loss: unknown; logits: unknown; classes: unknown }) {
        const got = numberOf(seen.loss, 'lossFn(logits, labels)');
        // The grader's own softmax cross-entropy, computed here from the logits and classes it chose.
        const expected = crossEntropy(matrixOf(seen.logits, 'logits'), numbersOf(seen.classes, 'classes'));
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
      async observe(context) {
        const { tf, call, get } = context;
        await call('initParams', 0);
        const params = paramsOf(context);
        // Random weights of our own, so the measurement does not depend on the initialisation.
        params.forEach((p, i) => p.assign(tf.randomNormal(p.shape, 0, 0.5, 'float32', 100 + i)));
        const gradient = plain(gradients(tf, params, () => get<(l: Tensor, y: Tensor) => Tensor>('lossFn')(get<Fn>('model')(get<Tensor>('trainX')), get<Tensor>('trainY'))));
        const before = plain(snapshot(params));
        await call('trainStep');
        return { gradient, before, after: plain(snapshot(params)) };
      },
      judge(seen: { gradient: unknown; before: unknown; after: unknown }) {
        const g = listsOf(seen.gradient, 'the gradient before the step');
        const delta = partsDifference(listsOf(seen.after, 'weights after the step'), listsOf(seen.before, 'weights before the step'));
        const step = normOfParts(delta) / (normOfParts(g) || 1);
        return {
          passed: Number.isFinite(step) && step > 0 && step <= MAX_STABLE_LR,
          detail: `the first step moved the weights by ${fmt(step, 2)} × the gradient (stable up to ${MAX_STABLE_LR})`,
        };
      },
    },
  ],
});
