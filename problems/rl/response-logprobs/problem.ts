import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { responseLogprobs } from './reference';

interface Row {
  /** Leading padding (left-padded batches), prompt tokens, response tokens; the rest is right padding. */
  leftPad?: number;
  prompt: number;
  response: number;
}

/**
 * A batch of prompt + response sequences of length T: ids in [0, V) (padding uses id padId), the
 * mask 1 exactly on the response tokens, and logits N(0, scale²) for every position.
 */
function batch(rng: Rng, name: string, rows: Row[], T: number, V: number, scale = 2, padId = 0): CaseSpec {
  const ids: number[] = [];
  const mask: number[] = [];
  for (const { leftPad = 0, prompt, response } of rows) {
    if (leftPad + prompt + response > T) throw new Error(`${name}: row longer than T`);
    for (let t = 0; t < T; t++) {
      const inPrompt = t >= leftPad && t < leftPad + prompt;
      const inResponse = t >= leftPad + prompt && t < leftPad + prompt + response;
      ids.push(inPrompt || inResponse ? rng.int(0, V - 1) : padId);
      mask.push(inResponse ? 1 : 0);
    }
  }
  const B = rows.length;
  return { name, public: false, args: [rng.normal([B, T, V], scale), tensorSpec(ids, [B, T], 'int32'), tensorSpec(mask, [B, T])] };
}

function randomRows(rng: Rng, B: number, T: number): Row[] {
  return Array.from({ length: B }, () => {
    const prompt = rng.int(1, Math.max(1, T - 2));
    return { prompt, response: rng.int(1, T - prompt) };
  });
}

function assert(ok: boolean, message: string): void {
  if (!ok) throw new Error(`response-logprobs: ${message}`);
}

function maskOf(spec: CaseSpec): { mask: TensorSpec; B: number; T: number } {
  const mask = spec.args[2] as TensorSpec;
  return { mask, B: mask.shape[0], T: mask.shape[1] };
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: one sequence, a one-token prompt',
      public: true,
      args: [tensorSpec([2, 1, 0, 0, 1, 3, 1, 1, 1], [1, 3, 3]), tensorSpec([0, 1, 2], [1, 3], 'int32'), tensorSpec([0, 1, 1], [1, 3])],
    },
    {
      name: 'example 2: two sequences, different prompt lengths, right padding',
      public: true,
      args: [
        tensorSpec([1, 0, -1, 0, 2, 0, 0.5, 0.5, 1, 3, 0, 0, 0, 0, 0, 1, 2, 0, 0, 1, 0, 2, 0, 1], [2, 4, 3]),
        tensorSpec([1, 2, 0, 1, 2, 0, 1, 0], [2, 4], 'int32'),
        tensorSpec([0, 1, 1, 1, 0, 0, 1, 0], [2, 4]),
      ],
    },
    batch(rng, 'hidden: 4 sequences, prompts of different lengths, right padding', [{ prompt: 3, response: 7 }, { prompt: 5, response: 2 }, { prompt: 1, response: 9 }, { prompt: 6, response: 4 }], 10, 16),
    batch(rng, 'hidden: T = 2 (one prediction per row)', [{ prompt: 1, response: 1 }, { prompt: 1, response: 1 }, { prompt: 2, response: 0 }], 2, 7),
    batch(rng, 'hidden: batch 1', [{ prompt: 4, response: 5 }], 12, 9),
    batch(rng, 'hidden: a row with no response token (mean 0)', [{ prompt: 3, response: 4 }, { prompt: 5, response: 0 }, { prompt: 2, response: 3 }], 8, 10),
    batch(rng, 'hidden: left-padded batch (padding before the prompt)', [{ leftPad: 3, prompt: 2, response: 4 }, { leftPad: 0, prompt: 5, response: 4 }, { leftPad: 1, prompt: 3, response: 2 }], 9, 12, 2, 3),
    batch(rng, 'hidden: pad id V − 1, long padding', [{ prompt: 2, response: 2 }, { prompt: 1, response: 8 }], 12, 8, 2, 7),
    batch(rng, 'hidden: large vocabulary (V = 256)', randomRows(rng, 3, 10), 10, 256, 3),
    batch(rng, 'hidden: one-token responses (sum = mean)', [{ prompt: 3, response: 1 }, { prompt: 6, response: 1 }, { prompt: 1, response: 1 }], 7, 11),
  ];
  {
    // No prompt: the response starts at token 0, so m[b, 0] = 1 but has no prediction; it is not counted.
    const spec = batch(rng, 'hidden: no prompt (mask starts at token 0, which is never counted)', [{ prompt: 0, response: 6 }, { prompt: 0, response: 3 }, { prompt: 2, response: 4 }], 6, 10);
    const { mask, T } = maskOf(spec);
    assert(mask.data[0] === 1 && mask.data[T] === 1, 'the no-prompt case needs m[b, 0] = 1');
    list.push(spec);
  }
  {
    // Logits of ±1000 scale: target probabilities far below the top one underflow to 0, even in
    // float64, so log(softmax) is −Infinity, and 0·(−Infinity) is NaN in a one-hot product.
    const spec = batch(rng, 'hidden: logits of ±1000 (log-softmax must be stable)', randomRows(rng, 3, 8), 8, 12, 500);
    const logits = spec.args[0] as TensorSpec;
    const ids = spec.args[1] as TensorSpec;
    const { mask, B, T } = maskOf(spec);
    const V = logits.shape[2];
    let underflows = false;
    for (let b = 0; b < B; b++) {
      for (let t = 0; t + 1 < T; t++) {
        if (!mask.data[b * T + t + 1]) continue;
        const row = Array.from(logits.data.subarray((b * T + t) * V, (b * T + t + 1) * V));
        if (Math.max(...row) - row[ids.data[b * T + t + 1]] > 800) underflows = true;
      }
    }
    assert(underflows, 'the large-logit case needs a kept target whose probability underflows in float64');
    list.push(spec);
  }
  for (let i = 0; i < 3; i++) {
    const T = rng.int(2, 14);
    const B = rng.int(1, 5);
    list.push(batch(rng, `hidden: random ${i + 1}`, randomRows(rng, B, T), T, rng.int(2, 40)));
  }
  return list;
}

const rowsOf = (args: CaseSpec['args']) => shapeOf(args, 1)[0];
const stepsOf = (args: CaseSpec['args']) => shapeOf(args, 1)[1] - 1;

export default defineProblem({
  id: 'rl/response-logprobs',
  entry: 'responseLogprobs',
  argNames: ['logits', 'tokenIds', 'responseMask'],
  reference: responseLogprobs,
  output: objectOf({
    tokenLogprobs: tensorOf('float32', (args) => [rowsOf(args), stepsOf(args)]),
    sumLogprob: tensorOf('float32', (args) => [rowsOf(args)]),
    meanLogprob: tensorOf('float32', (args) => [rowsOf(args)]),
  }),
  cases,
  mistakes: [
    {
      id: 'no-shift',
      title: 'no next-token shift: the logits at t score token t',
      explanation:
        'A causal LM\'s logits at position t predict token t + 1. Drop the last logits row and the first token: pair logits[:, :T-1] with tokenIds[:, 1:] (and responseMask[:, 1:]), which gives T − 1 predictions per row.',
      diagnostic: 'shape',
    },
    {
      id: 'targets-not-shifted',
      title: 'logits truncated to T − 1 but targets and mask not shifted',
      explanation:
        'The prediction at position t is for token t + 1: the targets are tokenIds[:, 1:] and the mask responseMask[:, 1:]. Using tokenIds[:, :T-1] scores how well the model copies its current input token.',
      diagnostic: 'mismatch',
    },
    {
      id: 'mask-not-shifted',
      title: 'targets shifted but the mask is not (off by one)',
      explanation:
        'The mask belongs to the token being predicted, so it shifts with the targets: keep position t when responseMask[b, t + 1] = 1. With responseMask[:, :T-1] the last prompt token is scored and the last response token dropped.',
      diagnostic: 'mismatch',
    },
    {
      id: 'shift-wrong-direction',
      title: 'shifted the wrong way: logits at t + 1 against token t',
      explanation: 'The logits at t see tokens 0..t and predict token t + 1. Slice the logits to [:, :T-1] and the targets to [:, 1:], not the other way round.',
      diagnostic: 'mismatch',
    },
    {
      id: 'log-of-softmax',
      title: 'log(softmax(z)) instead of a stable log-softmax',
      explanation:
        'For logits hundreds apart the small probabilities underflow to 0 (in float64 too) and log(0) = −Infinity; a one-hot product then gives −Infinity·0 = NaN. Use tf.logSoftmax(z, -1), i.e. z − max − log Σ exp(z − max).',
      diagnostic: 'non-finite',
    },
    {
      id: 'mask-ignored',
      title: 'response mask ignored: prompt and padding tokens are scored',
      explanation: 'Only response tokens belong to the sequence log-prob that DPO and PPO compare. Zero the positions where responseMask[b, t + 1] = 0 and count only the kept ones.',
      diagnostic: 'mismatch',
    },
    {
      id: 'mean-over-all-positions',
      title: 'mean divided by T − 1 instead of the number of response tokens',
      explanation: 'The mean log-prob is per response token: divide the masked sum by the row\'s count of kept positions (Σ responseMask[b, 1:]), not by the number of positions.',
      diagnostic: 'mismatch',
    },
    {
      id: 'mean-count-includes-first',
      title: 'token count taken from the unshifted mask (m[b, 0] counted)',
      explanation:
        'Token 0 has no prediction, so it never contributes a log-prob; count the kept positions with the same shifted mask you sum with, responseMask[:, 1:].',
      diagnostic: 'mismatch',
    },
    {
      id: 'mean-zero-count-nan',
      title: 'a row with no response token gives 0 / 0 = NaN',
      explanation: 'When a row has no response token its mean is defined as 0: divide by max(count, 1) (the sum is 0 there).',
      diagnostic: 'non-finite',
    },
    {
      id: 'softmax-over-time',
      title: 'log-softmax over the time axis instead of the vocabulary',
      explanation: 'Each position\'s logits are a distribution over the V vocabulary entries: normalise over the last axis, tf.logSoftmax(logits, -1).',
      diagnostic: 'mismatch',
    },
    {
      id: 'raw-logits',
      title: 'raw logits picked instead of log-probabilities',
      explanation: 'A logit is an unnormalised score. Apply tf.logSoftmax over the vocabulary before picking the target\'s entry.',
      diagnostic: 'mismatch',
    },
  ],
});
