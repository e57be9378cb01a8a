import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, scalarTensor, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { sftResponseLoss } from './reference';

type Reduction = 'token' | 'sequence';

interface Row {
  prompt: number;
  response: number;
}

/** Rows of prompt + response + right padding (ids in [0, V) other than padId), logits N(0, scale²). */
function batch(rng: Rng, name: string, rows: Row[], T: number, V: number, padId: number, reduction: Reduction, scale = 2): CaseSpec {
  const ids: number[] = [];
  for (const { prompt, response } of rows) {
    if (prompt + response > T) throw new Error(`${name}: row longer than T`);
    for (let t = 0; t < T; t++) {
      if (t >= prompt + response) {
        ids.push(padId);
        continue;
      }
      let id = rng.int(0, V - 2);
      if (id >= padId) id++;
      ids.push(id);
    }
  }
  const B = rows.length;
  return {
    name,
    public: false,
    args: [rng.normal([B, T, V], scale), tensorSpec(ids, [B, T], 'int32'), tensorSpec(rows.map((r) => r.prompt), [B], 'int32'), padId, reduction],
  };
}

function randomRows(rng: Rng, B: number, T: number): Row[] {
  return Array.from({ length: B }, () => {
    const prompt = rng.int(1, Math.max(1, T - 2));
    return { prompt, response: rng.int(1, T - prompt) };
  });
}

function assert(ok: boolean, message: string): void {
  if (!ok) throw new Error(`sft-response-loss: ${message}`);
}

/** Number of scored tokens per row: positions t ≥ 1 past the prompt that are not padding. */
function scored(spec: CaseSpec): number[] {
  const [, ids, prompts, padId] = spec.args as [TensorSpec, TensorSpec, TensorSpec, number];
  const [B, T] = ids.shape;
  return Array.from({ length: B }, (_, b) => {
    let n = 0;
    for (let t = 1; t < T; t++) if (t >= prompts.data[b] && ids.data[b * T + t] !== padId) n++;
    return n;
  });
}

function cases(rng: Rng): CaseSpec[] {
  const ex2Logits = [2, 0, 1, 0, 1, 0, 1, 2, 0, 0, 0, 3, 1, 1, 1, 0, 2, 1, 1, 0, 0, 0, 0, 2, 3, 1, 0, 2, 2, 2];
  const list: CaseSpec[] = [
    {
      name: "example 1: one sequence, reduction 'token'",
      public: true,
      args: [tensorSpec([1, 2, 0, 0, 0, 2, 2, 1, 0, 0, 0, 0], [1, 4, 3]), tensorSpec([2, 1, 2, 0], [1, 4], 'int32'), tensorSpec([1], [1], 'int32'), 0, 'token'],
    },
    {
      name: "example 2: two sequences, reduction 'sequence'",
      public: true,
      args: [tensorSpec(ex2Logits, [2, 5, 3]), tensorSpec([1, 2, 1, 1, 2, 2, 1, 2, 1, 0], [2, 5], 'int32'), tensorSpec([2, 3], [2], 'int32'), 0, 'sequence'],
    },
  ];
  const rows4 = [{ prompt: 3, response: 7 }, { prompt: 5, response: 2 }, { prompt: 1, response: 9 }, { prompt: 6, response: 1 }];
  list.push(batch(rng, "hidden: 4 rows, ragged prompts and padding, 'token'", rows4, 11, 16, 0, 'token'));
  list.push(batch(rng, "hidden: 4 rows, ragged prompts and padding, 'sequence'", rows4, 11, 16, 0, 'sequence'));
  list.push(batch(rng, "hidden: batch 1, 'token'", [{ prompt: 4, response: 5 }], 12, 9, 0, 'token'));
  list.push(batch(rng, "hidden: T = 2, 'token'", [{ prompt: 1, response: 1 }, { prompt: 1, response: 1 }, { prompt: 1, response: 1 }], 2, 7, 0, 'token'));
  list.push(batch(rng, "hidden: T = 2, 'sequence', one row without a response", [{ prompt: 1, response: 1 }, { prompt: 2, response: 0 }, { prompt: 1, response: 1 }], 2, 7, 0, 'sequence'));
  list.push(batch(rng, "hidden: prompt of length 0 (token 0 is a response token, never scored), 'token'", [{ prompt: 0, response: 6 }, { prompt: 2, response: 3 }], 7, 10, 0, 'token'));
  list.push(batch(rng, "hidden: prompt of length 0, 'sequence'", [{ prompt: 0, response: 2 }, { prompt: 0, response: 7 }, { prompt: 3, response: 3 }], 7, 10, 0, 'sequence'));
  {
    const spec = batch(rng, "hidden: a row whose response was truncated away, 'sequence'", [{ prompt: 3, response: 4 }, { prompt: 8, response: 0 }, { prompt: 2, response: 1 }, { prompt: 5, response: 0 }], 8, 10, 0, 'sequence');
    assert(scored(spec).filter((n) => n === 0).length === 2, 'the truncated case needs two rows with nothing scored');
    list.push(spec);
  }
  list.push(batch(rng, "hidden: a row whose response was truncated away, 'token'", [{ prompt: 3, response: 4 }, { prompt: 6, response: 0 }, { prompt: 2, response: 5 }], 8, 10, 0, 'token'));
  {
    const spec = batch(rng, "hidden: no scored token in the whole batch (loss 0), 'sequence'", [{ prompt: 4, response: 0 }, { prompt: 5, response: 0 }], 5, 6, 0, 'sequence');
    assert(scored(spec).every((n) => n === 0), 'the empty case needs no scored token');
    list.push(spec);
    list.push(batch(rng, "hidden: no scored token in the whole batch (loss 0), 'token'", [{ prompt: 2, response: 0 }, { prompt: 5, response: 0 }], 5, 6, 0, 'token'));
  }
  list.push(batch(rng, "hidden: batch 1, a single scored token, 'token'", [{ prompt: 5, response: 1 }], 8, 9, 0, 'token'));
  list.push(batch(rng, "hidden: only one row has a scored token, 'sequence'", [{ prompt: 6, response: 0 }, { prompt: 2, response: 4 }, { prompt: 7, response: 0 }], 7, 9, 0, 'sequence'));
  list.push(batch(rng, "hidden: padId = V − 1, long padding, 'token'", [{ prompt: 2, response: 2 }, { prompt: 1, response: 8 }, { prompt: 4, response: 1 }], 12, 8, 7, 'token'));
  list.push(batch(rng, "hidden: padId in the middle of the vocabulary, 'sequence'", [{ prompt: 2, response: 6 }, { prompt: 1, response: 2 }, { prompt: 3, response: 1 }], 9, 12, 5, 'sequence'));
  list.push(batch(rng, "hidden: large vocabulary (V = 256), 'token'", randomRows(rng, 3, 10), 10, 256, 0, 'token', 3));
  {
    // Logits of scale ±1000: the target's probability underflows to 0 (float64 too) for some scored token.
    const spec = batch(rng, "hidden: logits of ±1000 (log-softmax must be stable), 'token'", randomRows(rng, 3, 8), 8, 12, 0, 'token', 500);
    const [logits, ids, prompts] = spec.args as TensorSpec[];
    const [B, T, V] = logits.shape;
    let underflows = false;
    for (let b = 0; b < B; b++) {
      for (let t = 0; t + 1 < T; t++) {
        if (t + 1 < prompts.data[b] || ids.data[b * T + t + 1] === 0) continue;
        const row = Array.from(logits.data.subarray((b * T + t) * V, (b * T + t + 1) * V));
        if (Math.max(...row) - row[ids.data[b * T + t + 1]] > 800) underflows = true;
      }
    }
    assert(underflows, 'the large-logit case needs a scored target whose probability underflows in float64');
    list.push(spec);
  }
  for (let i = 0; i < 3; i++) {
    const T = rng.int(2, 14);
    const V = rng.int(3, 40);
    list.push(batch(rng, `hidden: random ${i + 1}`, randomRows(rng, rng.int(1, 5), T), T, V, rng.int(0, V - 1), rng.pick(['token', 'sequence'] as const)));
  }
  return list;
}

export default defineProblem({
  id: 'rl/sft-response-loss',
  entry: 'sftResponseLoss',
  argNames: ['logits', 'tokenIds', 'promptLengths', 'padId', 'reduction'],
  reference: sftResponseLoss,
  output: objectOf({ labels: tensorOf('int32', (args) => shapeOf(args, 1)), loss: scalarTensor() }),
  cases,
  mistakes: [
    {
      id: 'no-shift',
      title: 'no next-token shift: the logits at t scored against the label at t',
      explanation: 'The logits at position t predict token t + 1: score logits[:, :T-1] against labels[:, 1:]. Without the shift the model is trained to copy its input.',
      diagnostic: 'mismatch',
    },
    {
      id: 'prompt-not-masked',
      title: 'prompt tokens not masked (only padding is)',
      explanation: 'SFT trains on the response only: set the labels of the first promptLengths[b] tokens to −100 as well as the padding.',
      diagnostic: 'mismatch',
    },
    {
      id: 'pad-not-masked',
      title: 'padding tokens not masked (only the prompt is)',
      explanation: 'Padding carries no signal: a label is −100 where the token equals padId too, not only inside the prompt.',
      diagnostic: 'mismatch',
    },
    {
      id: 'prompt-off-by-one',
      title: 'prompt boundary off by one: the first response token is masked',
      explanation: 'Tokens 0 … p − 1 are the prompt, so token t is a response token when t ≥ p (not t > p). The first response token is the one that decides how the answer starts.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ignores-reduction-token',
      title: "reduction ignored: always the per-token mean",
      explanation: "With reduction = 'sequence', average the NLL within each sequence first, then average those means over the sequences that have a scored token.",
      diagnostic: 'mismatch',
    },
    {
      id: 'ignores-reduction-sequence',
      title: 'reduction ignored: always the mean of per-sequence means',
      explanation: "With reduction = 'token', every scored token of the batch has the same weight: divide the total NLL by the total number of scored tokens.",
      diagnostic: 'mismatch',
    },
    {
      id: 'divides-by-all-positions',
      title: "'token' mean divided by B·(T − 1) instead of the number of scored tokens",
      explanation: 'Masking the NLL is half the job: divide the masked sum by the number of scored tokens, not by every position, or batches with more prompt and padding get a smaller loss.',
      diagnostic: 'mismatch',
    },
    {
      id: 'sequence-mean-over-all-rows',
      title: "'sequence' mean taken over all B rows, empty rows counting as 0",
      explanation: 'A row with no scored token has no loss; leave it out of the sequence average (divide by the number of rows with a scored token, at least 1).',
      diagnostic: 'mismatch',
    },
    {
      id: 'log-of-softmax',
      title: 'log(softmax(z)) instead of a stable log-softmax',
      explanation: 'For logits hundreds apart the small probabilities underflow to 0 and log(0) = −Infinity (a one-hot product then gives NaN). Use tf.logSoftmax(z, -1).',
      diagnostic: 'non-finite',
    },
    {
      id: 'labels-shifted',
      title: 'labels returned already shifted',
      explanation: 'labels has the positions of tokenIds (labels[b, t] belongs to token t), as a data collator builds it; the shift happens inside the loss.',
      diagnostic: 'mismatch',
    },
    {
      id: 'sequence-mean-of-sums',
      title: "'sequence' averages per-row sums instead of per-row means",
      explanation: "In 'sequence' mode each row's NLL is first averaged over that row's scored tokens (divide by n_b), then the row means are averaged.",
      diagnostic: 'mismatch',
    },
  ],
});
