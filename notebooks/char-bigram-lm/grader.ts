import type { Tensor } from '@tensorflow/tfjs-core';
import { defineNotebook } from '../../src/notebook/defineNotebook';
import { crossEntropy, fmt, logSoftmaxRows, matrixOf, numberOf, numbersOf } from '../../src/notebook/judgeKit';
import { valuesOf } from '../../src/notebook/probeKit';

const TARGET_STEPS = 120;
const TARGET_LOSS = 2.7;

type Batch = { inputs: Tensor; targets: Tensor; mask: Tensor };
type LossFn = (logp: Tensor, targets: Tensor, mask: Tensor) => Tensor;

export default defineNotebook({
  target: {
    description: `validation next-character loss ≤ ${TARGET_LOSS} nats after initParams(0) and train(${TARGET_STEPS})`,
    async observe({ tf, call, get }) {
      await call('initParams', 0);
      await call('train', TARGET_STEPS);
      // The grader builds its own (character, next character) pairs: the notebook's batching is under test.
      const encode = get<(text: string) => number[]>('encode');
      const pairs = get<string[]>('valLines').flatMap((line) => {
        const ids = encode(line);
        return ids.slice(0, -1).map((id, t) => [id, ids[t + 1]]);
      });
      const vocab = get<number>('VOCAB');
      // The grading scope disposes every tensor made here once the check ends.
      const logits = get<(x: Tensor) => Tensor>('model')(tf.tensor2d([pairs.map((p) => p[0])], undefined, 'int32')).reshape([-1, vocab]);
      return { logits: valuesOf(logits), targets: pairs.map((p) => p[1]), vocab };
    },
    judge(seen: { logits: unknown; targets: unknown; vocab: unknown }) {
      const logits = matrixOf(seen.logits, 'model(validation characters)');
      const vocab = numberOf(seen.vocab, 'VOCAB');
      if (logits.some((row) => row.length !== vocab)) throw new Error(`model(validation characters) does not have ${vocab} scores per position`);
      const targets = numbersOf(seen.targets, 'next characters');
      const loss = crossEntropy(logits, targets);
      return { passed: loss <= TARGET_LOSS, detail: `validation next-character loss ${fmt(loss)} nats on ${targets.length} pairs after ${TARGET_STEPS} steps (needs ≤ ${TARGET_LOSS})` };
    },
  },
  probes: [
    {
      id: 'targets-not-shifted',
      title: 'Targets not shifted for next-token prediction',
      explanation:
        'The targets were the inputs themselves, so the bigram table learned “the next character is the current one” — a copying task it can solve perfectly, which predicts nothing (hence the stuttering samples). The target at position t is the character at t + 1.',
      async observe({ call }) {
        const batch = await call<Batch>('makeBatch', ['alice was beginning', 'down the rabbit-hole']);
        return { inputs: valuesOf(batch.inputs), targets: valuesOf(batch.targets) };
      },
      judge(seen: { inputs: unknown; targets: unknown }) {
        const inputs = matrixOf(seen.inputs, 'makeBatch(…).inputs');
        const targets = matrixOf(seen.targets, 'makeBatch(…).targets');
        let pairs = 0;
        let shifted = 0;
        inputs.forEach((row, i) =>
          row.forEach((_, t) => {
            if (t + 1 < row.length && targets[i][t] !== 0 && row[t + 1] !== 0) {
              pairs++;
              if (targets[i][t] === row[t + 1]) shifted++;
            }
          }),
        );
        return { passed: pairs >= 10 && shifted === pairs, detail: `${shifted} of ${pairs} targets are the next input character` };
      },
    },
    {
      id: 'padding-in-loss',
      title: 'Padding tokens counted in the loss',
      explanation:
        'lossFn averaged over every position, padding included: the short phrases are mostly padding, so the model spent its effort predicting PAD after PAD and the real characters got a fraction of the gradient (and the reported loss was diluted). Weight the per-position loss by the mask and divide by the number of real positions.',
      observe({ tf, get }) {
        const lossFn = get<LossFn>('lossFn');
        const vocab = get<number>('VOCAB');
        // Our own batch: two rows of 6 positions, the second half of the second row is padding.
        const targets = tf.tensor2d([[3, 5, 2, 7, 4, 6], [2, 8, 3, 0, 0, 0]], undefined, 'int32');
        const mask = tf.tensor2d([[1, 1, 1, 1, 1, 1], [1, 1, 1, 0, 0, 0]]);
        const padRows = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1];
        const logp = tf.logSoftmax(tf.randomNormal([12, vocab], 0, 1, 'float32', 5));
        const other = tf.logSoftmax(tf.randomNormal([12, vocab], 0, 3, 'float32', 6));
        const rows = (flags: number[]) => tf.tensor2d(flags, [flags.length, 1]);
        const mix = (flags: number[]) => tf.tidy(() => logp.mul(rows(flags.map((f) => 1 - f))).add(other.mul(rows(flags))));
        const loss = (l: Tensor) => tf.tidy(() => lossFn(l, targets, mask).dataSync()[0]);
        return { base: loss(logp), atPadding: loss(mix(padRows)), atReal: loss(mix(padRows.map((p) => 1 - p))) };
      },
      judge(seen: { base: unknown; atPadding: unknown; atReal: unknown }) {
        const base = numberOf(seen.base, 'lossFn(log-probabilities)');
        const atPadding = numberOf(seen.atPadding, 'lossFn with other log-probabilities at padding');
        const atReal = numberOf(seen.atReal, 'lossFn with other log-probabilities at real positions');
        const ignoresPadding = Math.abs(atPadding - base) <= 1e-5 * Math.max(1, base);
        return {
          passed: ignoresPadding && Math.abs(atReal - base) > 1e-3,
          detail: `changing the log-probabilities at padding positions moved the loss from ${fmt(base, 4)} to ${fmt(atPadding, 4)}; at real positions, to ${fmt(atReal, 4)}`,
        };
      },
    },
    {
      id: 'softmax-batch-axis',
      title: 'Softmax normalised over the batch axis',
      explanation:
        'logProbs subtracted logSumExp over axis 0, the positions of the batch, instead of over the vocabulary: each row’s “probabilities” did not sum to 1 and depended on the other positions in the batch. Normalise over the last axis.',
      observe({ tf, get }) {
        const logProbs = get<(l: Tensor) => Tensor>('logProbs');
        const vocab = get<number>('VOCAB');
        const logits = tf.randomNormal([9, vocab], 0, 2, 'float32', 8);
        return { logits: valuesOf(logits), logProbs: valuesOf(logProbs(logits).reshape([9, vocab])) };
      },
      judge(seen: { logits: unknown; logProbs: unknown }) {
        const logits = matrixOf(seen.logits, 'logits');
        const got = matrixOf(seen.logProbs, 'logProbs(logits)');
        if (got.length !== logits.length || got[0]?.length !== logits[0]?.length) throw new Error('logProbs(logits) does not have the shape of logits');
        // The grader's own log-softmax over the vocabulary, computed here from the logits it chose.
        const expected = logSoftmaxRows(logits);
        const gap = Math.max(...got.flatMap((row, i) => row.map((v, j) => Math.abs(v - expected[i][j]))));
        return { passed: gap <= 1e-4, detail: `logProbs on random logits differs from a log-softmax over the vocabulary by up to ${fmt(gap, 4)}` };
      },
    },
  ],
});
