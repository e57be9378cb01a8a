import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, plainNumber, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { loraFinetuneStep } from './reference';

/**
 * Checks the promises a case makes: at least one non-pad label, labels in [0, V), and no
 * near-tie between the two largest logits of a non-pad token (so the argmax is unambiguous).
 */
function assertCase(args: [TensorSpec, TensorSpec, TensorSpec, TensorSpec, TensorSpec, number, number, number]): void {
  const [x, labels, w, a, b, , alpha] = args;
  const [k, m, d] = x.shape;
  const [, V] = w.shape;
  const r = a.shape[1];
  const s = alpha / r;
  if (!Array.from(labels.data).some((y) => y !== 0)) throw new Error('finetune: every label is padding');
  if (Array.from(labels.data).some((y) => y < 0 || y >= V)) throw new Error('finetune: a label outside [0, V)');
  for (let t = 0; t < k * m; t++) {
    if (labels.data[t] === 0) continue;
    const h = Array.from({ length: r }, (_, q) => Array.from({ length: d }, (_, i) => x.data[t * d + i] * a.data[i * r + q]).reduce((p, v) => p + v, 0));
    const logits = Array.from({ length: V }, (_, c) => {
      let z = 0;
      for (let i = 0; i < d; i++) z += x.data[t * d + i] * w.data[i * V + c];
      for (let q = 0; q < r; q++) z += s * h[q] * b.data[q * V + c];
      return z;
    });
    const sorted = [...logits].sort((p, q) => q - p);
    if (sorted[0] - sorted[1] < 1e-3) throw new Error('finetune: two logits nearly tie for the argmax');
  }
}

type Args = [TensorSpec, TensorSpec, TensorSpec, TensorSpec, TensorSpec, number, number, number];

function stepCase(name: string, args: Args, isPublic = false): CaseSpec {
  assertCase(args);
  return { name, public: isPublic, args };
}

/** Labels in 1..V-1 with the last `pads[j]` positions of micro-batch j set to 0 (right padding). */
function paddedLabels(rng: Rng, k: number, m: number, V: number, pads: number[]): TensorSpec {
  const values: number[] = [];
  for (let j = 0; j < k; j++) for (let t = 0; t < m; t++) values.push(t >= m - pads[j] ? 0 : rng.int(1, V - 1));
  return tensorSpec(values, [k, m], 'int32');
}

function random(rng: Rng, k: number, m: number, d: number, V: number, r: number, pads: number[], opts: { lr?: number; alpha?: number; eps?: number; fresh?: boolean; scale?: number } = {}): Args {
  const { lr = 0.1, alpha = 2 * r, eps = 0.1, fresh = false, scale = 1 } = opts;
  const b = fresh ? tensorSpec(new Array(r * V).fill(0), [r, V]) : rng.normal([r, V], 0.5);
  return [rng.normal([k, m, d], scale), paddedLabels(rng, k, m, V, pads), rng.normal([d, V], 0.5), rng.normal([d, r], 0.5), b, lr, alpha, eps];
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    stepCase(
      'example 1: k = 2 micro-batches of 3 tokens, padding, ε = 0.1',
      [
        tensorSpec([1, 0, 0, 1, 1, 1, 2, -1, -1, 2, 0.5, 0.5], [2, 3, 2]),
        tensorSpec([1, 1, 0, 2, 0, 0], [2, 3], 'int32'),
        tensorSpec([0.5, -0.5, 1, 0, 1, -1], [2, 3]),
        tensorSpec([1, -1], [2, 1]),
        tensorSpec([0.5, 0, -0.5], [1, 3]),
        0.5,
        2,
        0.1,
      ],
      true,
    ),
    stepCase(
      'example 2: one micro-batch, no smoothing (ε = 0), fresh adapter',
      [
        tensorSpec([1, 2, -1, 0], [1, 2, 2]),
        tensorSpec([1, 1], [1, 2], 'int32'),
        tensorSpec([0, 1, 0, 1], [2, 2]),
        tensorSpec([1, 0, 0, 1], [2, 2]),
        tensorSpec([0, 0, 0, 0], [2, 2]),
        1,
        2,
        0,
      ],
      true,
    ),
  ];
  list.push(stepCase('hidden: micro-batches with very different token counts', random(rng, 3, 6, 5, 7, 2, [0, 4, 2])));
  list.push(stepCase('hidden: a micro-batch that is all padding', random(rng, 3, 4, 4, 6, 2, [1, 4, 0])));
  list.push(stepCase('hidden: no padding at all', random(rng, 2, 5, 6, 5, 2, [0, 0])));
  list.push(stepCase('hidden: no smoothing (ε = 0)', random(rng, 2, 5, 4, 6, 2, [1, 2], { eps: 0 })));
  list.push(stepCase('hidden: strong smoothing (ε = 0.3)', random(rng, 2, 5, 4, 6, 2, [2, 0], { eps: 0.3 })));
  list.push(stepCase('hidden: fresh adapter (b = 0: only b gets a gradient)', random(rng, 2, 6, 5, 8, 3, [1, 3], { fresh: true })));
  list.push(stepCase('hidden: a single micro-batch (k = 1)', random(rng, 1, 8, 6, 9, 2, [3])));
  list.push(stepCase('hidden: one token per micro-batch', random(rng, 4, 1, 5, 6, 2, [0, 1, 0, 0])));
  list.push(stepCase('hidden: realistic: k = 4, 8 tokens, d = 16, V = 12, r = 4', random(rng, 4, 8, 16, 12, 4, [0, 3, 5, 1], { alpha: 16, lr: 0.05 })));
  list.push(stepCase('hidden: alpha < r', random(rng, 2, 5, 6, 7, 4, [1, 1], { alpha: 1 })));
  list.push(stepCase('hidden: rank 1, large learning rate', random(rng, 3, 4, 5, 5, 1, [0, 2, 1], { alpha: 8, lr: 2 })));
  list.push(stepCase('hidden: large-magnitude features', random(rng, 2, 4, 4, 6, 2, [1, 0], { scale: 8, lr: 0.01 })));
  for (let i = 0; i < 2; i++) {
    const k = rng.int(1, 4);
    const m = rng.int(1, 6);
    const pads = Array.from({ length: k }, () => rng.int(0, m - 1));
    list.push(stepCase(`hidden: random shapes ${i + 1}`, random(rng, k, m, rng.int(2, 10), rng.int(3, 10), rng.int(1, 3), pads, { eps: rng.pick([0, 0.05, 0.1]) })));
  }
  return list;
}

export default defineProblem({
  id: 'lora/lora-finetune-step',
  entry: 'loraFinetuneStep',
  argNames: ['x', 'labels', 'w', 'a', 'b', 'lr', 'alpha', 'epsilon'],
  reference: loraFinetuneStep,
  // { a [d, r], b [r, V], w [d, V] float32 tensors; loss and accuracy plain numbers }.
  output: objectOf({
    a: tensorOf('float32', (args) => shapeOf(args, 3)),
    b: tensorOf('float32', (args) => shapeOf(args, 4)),
    w: tensorOf('float32', (args) => shapeOf(args, 2)),
    loss: plainNumber(),
    accuracy: plainNumber(),
  }),
  cases,
  mistakes: [
    {
      id: 'per-microbatch-mean',
      title: 'each micro-batch averaged over its own tokens, then the k means averaged',
      explanation: 'With gradient accumulation the k micro-batches must add up to one big batch: divide every token loss by the number of non-pad tokens in ALL micro-batches. A mean per micro-batch weights a micro-batch with 2 real tokens like one with 20 (and a micro-batch of pure padding divides 0 by 0).',
      diagnostic: 'mismatch',
    },
    {
      id: 'pad-not-masked',
      title: 'padding tokens included in the loss',
      explanation: 'Label 0 is padding: those positions must contribute nothing to the loss, the gradient or the accuracy, and must not be counted in the denominator. Multiply each token loss by (label ≠ 0) and divide by the number of such tokens.',
      diagnostic: 'mismatch',
    },
    {
      id: 'mask-not-in-denominator',
      title: 'padding masked in the sum but counted in the denominator',
      explanation: 'The masked loss is Σ mask·loss / Σ mask. Dividing by every position (k·m) instead of the number of real tokens shrinks the loss and the gradient by the padding fraction.',
      diagnostic: 'mismatch',
    },
    {
      id: 'no-label-smoothing',
      title: 'label smoothing ignored',
      explanation: 'The target distribution is (1 − ε)·onehot(y) + ε/V over all V classes, as in PyTorch\'s cross_entropy(label_smoothing=ε). With ε > 0 the loss and the gradients differ from plain cross-entropy.',
      diagnostic: 'mismatch',
    },
    {
      id: 'last-microbatch-only',
      title: 'gradient overwritten instead of accumulated',
      explanation: 'Accumulation sums the gradients of all k micro-batches before the single optimizer step (loss.backward() adds into .grad; with tf.grads you must add the results yourself). Keeping only the last micro-batch\'s gradient throws the others away.',
      diagnostic: 'mismatch',
    },
    {
      id: 'updates-base-weight',
      title: 'the frozen base weight is updated too',
      explanation: 'LoRA freezes the base weight: only A and B are trainable. Take gradients with respect to [a, b] only (or pass only the adapter variables to the optimizer) and return w unchanged.',
      diagnostic: 'mismatch',
    },
    {
      id: 'accuracy-includes-pad',
      title: 'accuracy divided by all positions, padding included',
      explanation: 'Masked token accuracy is (correct non-pad tokens) / (non-pad tokens). Padding positions count neither as hits nor in the denominator.',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-lora-scale',
      title: 'adapter not scaled by alpha / r',
      explanation: 'The LoRA update is (alpha / r)·A·B: logits = x·w + (alpha / r)·(x·a)·b. The scale also multiplies the gradients of A and B.',
      diagnostic: 'mismatch',
    },
  ],
});
